// The graph editor as a specification: networks are built by dropping palette kinds and dragging
// between ports; every edit is one undo step that restores the exact JSON; cycles are refused;
// shape errors appear on the node that causes them.
#include "guitest.h"

#include "app/canvasactions.h"
#include "canvas/edgeitem.h"
#include "commands/changesettingcommand.h"
#include "document/mimetypes.h"

#include <QAction>
#include <QStatusBar>
#include <QUndoStack>

using namespace guitest;

class TestGuiEditor : public QObject {
    Q_OBJECT

private:
    // Input → Dense → ReLU → Dense built with the mouse; returns the ids in that order.
    std::vector<int> buildChainByMouse(MainWindow &window)
    {
        const int input = nodeNamed(window, "input");
        dropKind(window, QStringLiteral("Dense"), {0, 120});
        dropKind(window, QStringLiteral("ReLU"), {0, 240});
        dropKind(window, QStringLiteral("Dense"), {0, 360});
        const int dense1 = nodeNamed(window, "dense1"), relu = nodeNamed(window, "relu1"), dense2 = nodeNamed(window, "dense2");
        connectByMouse(window, input, dense1);
        connectByMouse(window, dense1, relu);
        connectByMouse(window, relu, dense2);
        return {input, dense1, relu, dense2};
    }

    QUndoStack *stack(MainWindow &window) { return window.document()->undoStack(); }

private slots:
    void initTestCase() { useTestSettings(); }

    void aPaletteDropCreatesANodeWhereItLands()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {200, 100});
        const nn::Node *dense = window->document()->graph().findByName("dense1");
        QVERIFY2(dense, "no dense1 after dropping Dense");
        QCOMPARE(dense->kind, std::string("Dense"));
        QVERIFY2(std::abs(dense->x - 200) <= 10 && std::abs(dense->y - 100) <= 10, "the node is not at the drop point");
        QVERIFY2(item(*window, dense->id)->isSelected(), "the new node is not selected");
        QCOMPARE(stack(*window)->count(), 1);
    }

    void dropsOfUnknownDataAreRefused()
    {
        auto window = newWindow();
        QMimeData data;
        data.setData(kLayerKindMimeType, "NoSuchLayer");
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window->view()->viewport(), &enter);
        QVERIFY2(!enter.isAccepted(), "a drag of an unknown kind was accepted");
    }

    void dragsBetweenPortsBuildANetwork()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        const nn::Graph &graph = window->document()->graph();
        const std::vector<nn::Edge> expected = {{ids[0], ids[1], 0}, {ids[1], ids[2], 0}, {ids[2], ids[3], 0}};
        QCOMPARE(graph.edges(), expected);
        QCOMPARE(window->document()->status(ids[3]).output(), (nn::Shape{nn::kBatch, 16}));
        // Each edge is labelled with the shape it carries.
        QCOMPARE(window->scene()->edgeItem(ids[1], 0)->label(), QStringLiteral("N × 2"));
        QCOMPARE(window->scene()->edgeItem(ids[3], 0)->label(), QStringLiteral("N × 16"));
    }

    void releasingAConnectionOnNothingCancelsIt()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        const int before = stack(*window)->count();
        mouseDrag(*window, item(*window, input)->outputPortPosition(), {400, 400});
        QVERIFY(window->document()->graph().edges().empty());
        QCOMPARE(stack(*window)->count(), before);
    }

    void aConnectionThatWouldMakeACycleIsRefused()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {0, 120});
        dropKind(*window, QStringLiteral("Dense"), {0, 240});
        const int a = nodeNamed(*window, "dense1"), b = nodeNamed(*window, "dense2");
        connectByMouse(*window, a, b);
        const std::string before = graphJson(*window);
        connectByMouse(*window, b, a);
        QCOMPARE(graphJson(*window), before);
        const QString message = window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("cycle")), qPrintable(message));
    }

    void droppingOnANodeBodyUsesItsFreeInput()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        const int dense = nodeNamed(*window, "dense1");
        mouseDrag(*window, item(*window, input)->outputPortPosition(), item(*window, dense)->pos());
        QCOMPARE(window->document()->graph().edges(), (std::vector<nn::Edge>{{input, dense, 0}}));
    }

    // Split has one output port per part along its bottom edge; a drag from the second port connects
    // from it, the edge starts there and carries that port's shape, and undo takes it back.
    void aDragFromTheSecondOutputPortConnectsFromIt()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        dropKind(*window, QStringLiteral("Split"), {0, 150});
        const int split = nodeNamed(*window, "split1");
        dropKind(*window, QStringLiteral("Dense"), {150, 300});
        const int dense = nodeNamed(*window, "dense1");
        mouseDrag(*window, item(*window, input)->outputPortPosition(), item(*window, split)->pos());
        NodeItem *splitItem = item(*window, split);
        QCOMPARE(splitItem->outputPorts(), 2);
        QVERIFY(splitItem->outputPortPosition(0).x() < splitItem->outputPortPosition(1).x());
        QCOMPARE(splitItem->outputPortAt(splitItem->outputPortPosition(1)), 1);
        const std::string before = graphJson(*window);
        mouseDrag(*window, splitItem->outputPortPosition(1), item(*window, dense)->pos());
        QCOMPARE(window->document()->graph().inputEdgesOf(dense), (std::vector<nn::Edge>{{split, dense, 0, 1}}));
        stack(*window)->undo();
        QCOMPARE(graphJson(*window), before);
        stack(*window)->redo();
        QCOMPARE(window->document()->graph().inputEdgesOf(dense).at(0).fromPort, 1);
    }

    void pullingAConnectionOffItsInputDisconnectsIt()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        const std::string before = graphJson(*window);
        mouseDrag(*window, item(*window, ids[2])->inputPortPosition(0), {500, 500});
        QCOMPARE(window->document()->graph().inputsOf(ids[2]), std::vector<int>{});
        stack(*window)->undo();
        QCOMPARE(graphJson(*window), before);
    }

    void addAndConcatShowOneFreePortMoreThanConnected()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        dropKind(*window, QStringLiteral("Dense"), {-100, 120});
        dropKind(*window, QStringLiteral("Dense"), {100, 120});
        dropKind(*window, QStringLiteral("Concat"), {0, 260});
        const int a = nodeNamed(*window, "dense1"), b = nodeNamed(*window, "dense2"), concat = nodeNamed(*window, "concat1");
        QCOMPARE(item(*window, concat)->inputPorts(), 2);  // its minimum
        connectByMouse(*window, input, a);
        connectByMouse(*window, input, b);
        connectByMouse(*window, a, concat, 0);
        QCOMPARE(item(*window, concat)->inputPorts(), 2);
        connectByMouse(*window, b, concat, 1);
        QCOMPARE(item(*window, concat)->inputPorts(), 3);
        QCOMPARE(window->document()->status(concat).output(), (nn::Shape{nn::kBatch, 32}));
    }

    void deleteRemovesTheSelectionAndUndoRestoresTheExactJson()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        const std::string before = graphJson(*window);
        window->scene()->selectNodes({ids[1]});
        window->canvasActions()->remove()->trigger();
        const nn::Graph &graph = window->document()->graph();
        QVERIFY(!graph.contains(ids[1]));
        QCOMPARE(graph.edges().size(), size_t(1));
        QVERIFY2(!window->scene()->nodeItem(ids[1]), "the deleted node's item is still on the canvas");
        const std::string after = graphJson(*window);
        stack(*window)->undo();
        QCOMPARE(graphJson(*window), before);
        const QList<QGraphicsItem *> items = window->scene()->items();  // also a GAN's (hidden) frames
        QCOMPARE(std::count_if(items.begin(), items.end(), [](QGraphicsItem *i) { return i->type() == NodeItem::Type || i->type() == EdgeItem::Type; }),
                 qsizetype(4 + 3));
        stack(*window)->redo();
        QCOMPARE(graphJson(*window), after);
    }

    void theDeleteKeyRemovesTheSelection()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->view()->setFocus();
        QTest::keyClick(window->view()->viewport(), Qt::Key_Delete);
        QCOMPARE(nodeNamed(*window, "dense1"), -1);
        QTest::keyClick(window->view()->viewport(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(nodeNamed(*window, "dense1") >= 0);
    }

    void deletingASelectedEdgeDisconnectsOnlyIt()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        window->scene()->clearSelection();
        window->scene()->edgeItem(ids[2], 0)->setSelected(true);
        window->canvasActions()->remove()->trigger();
        QCOMPARE(window->document()->graph().edges().size(), size_t(2));
        QCOMPARE(window->document()->graph().nodes().size(), size_t(4));
    }

    // Every kind of edit, each undone back to the JSON recorded before it, then all redone.
    void everyEditUndoesToTheJsonBeforeIt()
    {
        auto window = newWindow();
        std::vector<std::string> states{graphJson(*window)};
        const auto record = [&] { states.push_back(graphJson(*window)); };
        const std::vector<int> ids = buildChainByMouse(*window);
        record();
        stack(*window)->push(new ChangeSettingCommand(window->document(), ids[1], "units", int64_t{64}));
        record();
        window->scene()->selectNodes({ids[1], ids[2]});
        window->canvasActions()->copy()->trigger();
        window->canvasActions()->paste()->trigger();
        record();
        mouseDrag(*window, item(*window, ids[3])->pos(), item(*window, ids[3])->pos() + QPointF(150, 30));
        record();
        window->canvasActions()->autoLayout()->trigger();
        record();
        window->scene()->selectNodes({ids[2]});
        window->canvasActions()->remove()->trigger();
        record();

        const int steps = stack(*window)->count();
        for (size_t state = states.size() - 1; state > 0; --state) {
            QCOMPARE(graphJson(*window), states[state]);
            const int index = stack(*window)->index();
            while (graphJson(*window) != states[state - 1] && stack(*window)->canUndo())
                stack(*window)->undo();
            QVERIFY2(stack(*window)->index() < index, "an edit left no undo step");
        }
        QCOMPARE(graphJson(*window), states.front());
        while (stack(*window)->canRedo())
            stack(*window)->redo();
        QCOMPARE(graphJson(*window), states.back());
        QCOMPARE(stack(*window)->count(), steps);
    }

    void aDragIsOneUndoStepAndMovesEverySelectedNode()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        const int input = nodeNamed(*window, "input"), dense = nodeNamed(*window, "dense1");
        window->scene()->selectNodes({input, dense});
        const int before = stack(*window)->count();
        const std::string start = graphJson(*window);
        mouseDrag(*window, item(*window, dense)->pos(), item(*window, dense)->pos() + QPointF(100, 50));
        QCOMPARE(stack(*window)->count(), before + 1);
        const nn::Graph &graph = window->document()->graph();
        QCOMPARE(QPointF(graph.node(input).x, graph.node(input).y), QPointF(100, 50));
        QCOMPARE(QPointF(graph.node(dense).x, graph.node(dense).y), QPointF(100, 200));
        QCOMPARE(item(*window, dense)->pos(), QPointF(100, 200));
        // A second drag is a second step; undoing both goes back to the start.
        mouseDrag(*window, item(*window, dense)->pos(), item(*window, dense)->pos() + QPointF(-30, 0));
        QCOMPARE(stack(*window)->count(), before + 2);
        stack(*window)->undo();
        stack(*window)->undo();
        QCOMPARE(graphJson(*window), start);
    }

    void aClickWithoutMovingAddsNoUndoStep()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        const int before = stack(*window)->count();
        QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, toViewport(*window, item(*window, input)->pos()));
        QCOMPARE(stack(*window)->count(), before);
        QVERIFY(item(*window, input)->isSelected());
    }

    void aNodeWithoutItsInputIsMutedNotRed()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        dropKind(*window, QStringLiteral("Add"), {0, 300});
        const int dense = nodeNamed(*window, "dense1"), add = nodeNamed(*window, "add1");
        QVERIFY(!window->document()->status(dense).ok());
        QVERIFY2(item(*window, dense)->isMuted() && !item(*window, dense)->showsError(), "an unconnected node is red");
        connectByMouse(*window, dense, add, 0);  // Add needs two inputs; one is still missing
        QVERIFY2(item(*window, add)->isMuted(), "Add with one of two inputs is red");
        connectByMouse(*window, nodeNamed(*window, "input"), dense);
        QVERIFY2(!item(*window, dense)->isMuted() && !item(*window, dense)->showsError(), "a connected node stays muted");
    }

    void shapeErrorsAppearOnTheRightNodeAndGoWhenFixed()
    {
        auto window = newWindow();
        const int input = nodeNamed(*window, "input");
        stack(*window)->push(new ChangeSettingCommand(window->document(), input, "shape", std::vector<int64_t>{1, 28, 28}));
        dropKind(*window, QStringLiteral("Dense"), {0, 240});
        dropKind(*window, QStringLiteral("Softmax"), {0, 360});
        const int dense = nodeNamed(*window, "dense1"), softmax = nodeNamed(*window, "softmax1");
        connectByMouse(*window, input, dense);
        connectByMouse(*window, dense, softmax);

        const nn::NodeStatus &denseStatus = window->document()->status(dense);
        QVERIFY2(!denseStatus.ok() && !denseStatus.blockedUpstream, "Dense on [N, 1, 28, 28] has no error of its own");
        QVERIFY2(item(*window, dense)->toolTip().contains(QStringLiteral("Flatten")),
                 qPrintable(item(*window, dense)->toolTip()));
        QVERIFY2(item(*window, dense)->showsError(), "Dense is not drawn red");
        QVERIFY2(item(*window, softmax)->isMuted() && !item(*window, softmax)->showsError(),
                 "the node after the error is not muted");
        QVERIFY(window->document()->status(input).ok());

        // Insert a Flatten between them: the error goes; undo brings it back.
        const std::string broken = graphJson(*window);
        dropKind(*window, QStringLiteral("Flatten"), {0, 120});
        const int flatten = nodeNamed(*window, "flatten1");
        connectByMouse(*window, input, flatten);
        connectByMouse(*window, flatten, dense);  // replaces input → dense
        QVERIFY2(window->document()->status(dense).ok(), window->document()->status(dense).error.c_str());
        QVERIFY(window->document()->status(softmax).ok());
        QCOMPARE(window->document()->status(dense).output(), (nn::Shape{nn::kBatch, 16}));
        QVERIFY2(!item(*window, dense)->toolTip().contains(QStringLiteral("Flatten")), "the old error is still shown");
        while (graphJson(*window) != broken)
            stack(*window)->undo();
        QVERIFY(!window->document()->status(dense).ok());
    }

    void pastedNodesGetFreshNamesAndKeepTheirInnerEdges()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        window->scene()->selectNodes({ids[1], ids[2]});
        window->canvasActions()->copy()->trigger();
        window->canvasActions()->paste()->trigger();
        const nn::Graph &graph = window->document()->graph();
        QCOMPARE(graph.nodes().size(), size_t(6));
        const nn::Node *copy = graph.findByName("dense3");
        const nn::Node *reluCopy = graph.findByName("relu2");
        QVERIFY2(copy && reluCopy, "pasted nodes are not named dense3 and relu2");
        QCOMPARE(graph.inputsOf(reluCopy->id), std::vector<int>{copy->id});  // the inner edge, renumbered
        QCOMPARE(graph.inputsOf(copy->id), std::vector<int>{});               // not the edge from outside
        QCOMPARE(copy->x, graph.node(ids[1]).x + 40);
        QCOMPARE(window->scene()->selectedNodeIds(), (std::vector<int>{copy->id, reluCopy->id}));
        window->canvasActions()->paste()->trigger();  // a second paste lands further away
        QCOMPARE(graph.findByName("dense4")->x, graph.node(ids[1]).x + 80);
    }

    void cutRemovesAndPasteBringsBack()
    {
        auto window = newWindow();
        dropKind(*window, QStringLiteral("Dropout"), {0, 150});
        window->scene()->selectNodes({nodeNamed(*window, "dropout1")});
        window->canvasActions()->cut()->trigger();
        QCOMPARE(nodeNamed(*window, "dropout1"), -1);
        window->canvasActions()->paste()->trigger();
        QVERIFY(nodeNamed(*window, "dropout1") >= 0);
    }

    void autoLayoutPutsNodesInRowsByDepth()
    {
        auto window = newWindow();
        const std::vector<int> ids = buildChainByMouse(*window);
        window->document()->moveNode(ids[3], {-300, -300});  // scrambled
        window->canvasActions()->autoLayout()->trigger();
        const nn::Graph &graph = window->document()->graph();
        for (size_t i = 1; i < ids.size(); ++i)
            QVERIFY2(graph.node(ids[i]).y > graph.node(ids[i - 1]).y, "a node is not below its input");
        QCOMPARE(graph.node(ids[0]).x, graph.node(ids[3]).x);
    }

    void selectAllSelectsEveryNode()
    {
        auto window = newWindow();
        buildChainByMouse(*window);
        window->canvasActions()->selectAll()->trigger();
        QCOMPARE(window->scene()->selectedNodeIds().size(), size_t(4));
    }

    void theWheelZoomsAroundTheCursor()
    {
        auto window = newWindow();
        QWidget *viewport = window->view()->viewport();
        const QPoint cursor(250, 180);
        const QPointF before = window->view()->mapToScene(cursor);
        QWheelEvent wheel(cursor, viewport->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QVERIFY2(window->view()->zoom() > 1.3, "the wheel did not zoom in");
        const QPointF after = window->view()->mapToScene(cursor);
        QVERIFY2(QLineF(before, after).length() < 2.0, "the point under the cursor moved");
    }

    void theMiddleButtonPans()
    {
        auto window = newWindow();
        QWidget *viewport = window->view()->viewport();
        const QPointF before = window->view()->mapToScene(QPoint(300, 300));
        QTest::mousePress(viewport, Qt::MiddleButton, {}, QPoint(300, 300));
        QTest::mouseMove(viewport, QPoint(340, 330));
        QTest::mouseRelease(viewport, Qt::MiddleButton, {}, QPoint(340, 330));
        QCOMPARE(window->view()->mapToScene(QPoint(340, 330)), before);
        QCOMPARE(stack(*window)->count(), 0);
    }

    void fitToViewShowsEveryNode()
    {
        auto window = newWindow();
        window->document()->addNode("Dense", {3000, 2500});
        window->canvasActions()->fitToView()->trigger();
        const QRectF visible = window->view()->mapToScene(window->view()->viewport()->rect()).boundingRect();
        QVERIFY2(visible.contains(window->scene()->nodesBoundingRect()), "a node is outside the view after Fit to View");
    }

    void theWindowTitleCarriesAStarWhileModified()
    {
        auto window = newWindow();
        QVERIFY(!window->isWindowModified());
        dropKind(*window, QStringLiteral("Dense"), {0, 150});
        QVERIFY(window->isWindowModified());
        QVERIFY2(window->windowTitle().contains(QStringLiteral("[*]")), qPrintable(window->windowTitle()));
        stack(*window)->undo();
        QVERIFY(!window->isWindowModified());
    }
};

QTEST_MAIN(TestGuiEditor)
#include "test_gui_editor.moc"
