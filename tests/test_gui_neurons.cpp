// The neurons inside the canvas's nodes: each unit's heat map against the model's own forward over
// the same grid, the weight links against the parameters, editing a weight through a link, the
// toggle, scrolling a large layer, the decision boundary's validation points toggle, and the
// overfitting examples.
#include "guitest.h"

#include "canvas/canvasstyle.h"
#include "document/graphdocument.h"
#include "training/trainingcontroller.h"
#include "views/batchprediction.h"
#include "views/neurons/neuroncanvas.h"
#include "views/neurons/neuronpanelitem.h"
#include "views/neurons/neurontoggleitem.h"
#include "views/neurons/weightlinksitem.h"
#include "views/plots/decisionboundaryview.h"
#include "views/plots/plotcanvas.h"

#include "datasets/experiment.h"
#include "nn/project.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QSignalSpy>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

using namespace guitest;

namespace {

constexpr int kTimeoutMs = 40000;

// The spiral example with hidden layers of `units1` and `units2` units, trained `epochs` epochs.
nn::Project spiral(int units1, int units2, int epochs)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("spiral"));
    nn::Graph &graph = project.graph;
    graph.node(graph.findByName("hidden1")->id).settings.set("units", int64_t{units1});
    graph.node(graph.findByName("hidden2")->id).settings.set("units", int64_t{units2});
    project.training.epochs = epochs;
    project.training.stepsPerSecond = 0.0;
    return project;
}

std::unique_ptr<datasets::Experiment> trained(nn::Project project)
{
    auto experiment = std::make_unique<datasets::Experiment>(std::move(project));
    if (experiment->project().training.epochs > 0)
        experiment->makeTrainer()->run();
    return experiment;
}

// The grid's model inputs built here from the snapshot's cell centres (row j·grid + i at (x_i, y_j)).
nn::Tensor gridInputs(const NeuronSnapshot &snapshot, const datasets::DataInfo &info)
{
    const int grid = snapshot.gridSize;
    nn::Tensor inputs({int64_t{grid} * grid, 2});
    for (int j = 0; j < grid; ++j)
        for (int i = 0; i < grid; ++i) {
            inputs[2 * (j * grid + i)] = views::modelValue(static_cast<float>(snapshot.gridX[size_t(i)]), info, 0);
            inputs[2 * (j * grid + i) + 1] = views::modelValue(static_cast<float>(snapshot.gridY[size_t(j)]), info, 1);
        }
    return inputs;
}

// Opens `project` in the window and waits until the worker has prepared it.
void openPrepared(MainWindow &window, const nn::Project &project)
{
    QSignalSpy prepared(window.training(), &TrainingController::prepared);
    window.document()->setProject(project, {});
    QVERIFY2(prepared.wait(kTimeoutMs), qPrintable(window.training()->preparationProblem()));
}

// The parameter `name` of the worker's model, read on its thread.
std::vector<float> workerParameter(MainWindow &window, const std::string &name)
{
    auto result = std::make_shared<std::pair<std::mutex, std::vector<float>>>();
    auto done = std::make_shared<std::atomic<bool>>(false);
    window.training()->runProbeNow([result, done, name](ProbeMoment, const nn::Model &model, const datasets::Experiment &) {
        for (const auto &[parameter, value] : model.weights())
            if (parameter == name) {
                const std::lock_guard lock(result->first);
                result->second.assign(value->data(), value->data() + value->size());
            }
        *done = true;
    }, [done] { *done = true; });
    if (!QTest::qWaitFor([&] { return done->load(); }, kTimeoutMs))
        qWarning("the worker did not run the probe");
    const std::lock_guard lock(result->first);
    return result->second;
}

// Every epoch's training and validation loss of a bundled example's run.
struct EpochLosses : nn::TrainingObserver {
    void epochFinished(const nn::EpochReport &report) override
    {
        train.push_back(report.trainLoss);
        validation.push_back(report.validation.loss);
    }
    std::vector<double> train, validation;
};

EpochLosses exampleRun(const std::string &name)
{
    datasets::Experiment experiment(nn::loadProject(datasets::resolveProjectPath(name)));
    EpochLosses losses;
    auto trainer = experiment.makeTrainer();
    trainer->setObserver(&losses);
    trainer->run();
    return losses;
}

NodeItem *node(MainWindow &window, const std::string &name)
{
    return window.scene()->nodeItem(nodeNamed(window, name));
}

} // namespace

class TestGuiNeurons : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useTestSettings();
        spiral_ = trained(spiral(32, 32, 5));
    }

    void heatMapsAreTheModelsActivationsOverTheGrid()
    {
        nn::Model &model = spiral_->model();
        const nn::Graph &graph = model.graph();
        const std::vector<int> ids = {graph.findByName("input")->id, graph.findByName("hidden1")->id,
                                      graph.findByName("hidden2")->id, graph.findByName("output")->id};
        const NeuronSnapshot snapshot = computeNeurons(model, *spiral_, ids);
        QVERIFY2(snapshot.message.isEmpty(), qPrintable(snapshot.message));
        QCOMPARE(snapshot.gridSize, kNeuronGrid);
        QCOMPARE(snapshot.nodes.size(), ids.size());
        const nn::Tensor inputs = gridInputs(snapshot, spiral_->data().info);
        model.forward(inputs, nn::RunContext{.training = false});
        const int64_t cells = int64_t{kNeuronGrid} * kNeuronGrid;
        for (int id : ids) {
            const NeuronMaps *maps = snapshot.maps(id);
            QVERIFY2(maps, qPrintable(QStringLiteral("no maps for node %1").arg(id)));
            const nn::Tensor &expected = model.activation(id);  // [cells, units]
            QCOMPARE(int64_t{maps->units}, expected.dim(1));
            QCOMPARE(maps->images.size(), size_t(maps->units));
            for (int u = 0; u < maps->units; ++u)
                for (int64_t cell = 0; cell < cells; ++cell) {
                    const float shown = maps->values[size_t(u * cells + cell)];
                    const float want = expected[cell * maps->units + u];
                    QVERIFY2(std::abs(shown - want) <= 1e-5f * (1.0f + std::abs(want)),
                             qPrintable(QStringLiteral("node %1 unit %2 cell %3: shown %4, the model gives %5")
                                            .arg(id).arg(u).arg(cell).arg(shown).arg(want)));
                }
            // The picture: cell (i, j) at pixel (i, grid − 1 − j), in the value's colour on the node's scale.
            const int i = 5, j = 20, u = maps->units - 1;
            const float value = maps->values[size_t(u * cells + j * kNeuronGrid + i)];
            QCOMPARE(maps->images[size_t(u)].pixel(i, kNeuronGrid - 1 - j), neuronColour(value, maps->scale));
        }
    }

    void theInputsMapsAreTheFeaturesThemselves()
    {
        const int input = spiral_->model().graph().findByName("input")->id;
        const NeuronSnapshot snapshot = computeNeurons(spiral_->model(), *spiral_, {input});
        const NeuronMaps *maps = snapshot.maps(input);
        QVERIFY(maps);
        // x1 grows to the right along a row, x2 upwards along a column.
        QVERIFY(maps->values[size_t(kNeuronGrid - 1)] > maps->values[0]);
        const int64_t cells = int64_t{kNeuronGrid} * kNeuronGrid;
        QVERIFY(maps->values[size_t(cells + (kNeuronGrid - 1) * kNeuronGrid)] > maps->values[size_t(cells)]);
    }

    void smallDenseLayersCarryTheirWeights()
    {
        auto small = trained(spiral(6, 4, 1));
        const NeuronSnapshot snapshot = computeNeurons(small->model(), *small, {});
        QCOMPARE(snapshot.weights.size(), size_t(3));  // hidden1 (6×2), hidden2 (4×6), output (2×4)
        for (const NeuronWeights &w : snapshot.weights) {
            const nn::Node &node = small->model().graph().node(w.nodeId);
            QCOMPARE(w.parameter, node.name + ".weight");
            for (const auto &[name, value] : small->model().weights())
                if (name == w.parameter) {
                    QCOMPARE(int64_t{w.units}, value->dim(0));
                    QCOMPARE(int64_t{w.inputs}, value->dim(1));
                    QVERIFY(std::equal(w.weight.begin(), w.weight.end(), value->data()));
                }
        }
        const NeuronSnapshot large = computeNeurons(spiral_->model(), *spiral_, {});
        QCOMPARE(large.weights.size(), size_t(0));  // 32 units: no links to draw
    }

    void dataWithoutTwoFeaturesGetsAMessage()
    {
        datasets::Experiment iris(nn::loadProject(datasets::resolveProjectPath("iris")));
        const NeuronSnapshot snapshot = computeNeurons(iris.model(), iris, {2});
        QVERIFY2(snapshot.message.contains(QStringLiteral("2 input features")), qPrintable(snapshot.message));
        QVERIFY(snapshot.nodes.empty());
    }

    void toggleContextMenuAndDoubleClickShowTheNeurons()
    {
        auto window = newWindow();
        openPrepared(*window, spiral(32, 32, 0));
        NeuronCanvas *neurons = window->neurons();
        const int hidden1 = nodeNamed(*window, "hidden1");
        NeuronToggleItem *toggle = nullptr;
        for (QGraphicsItem *child : node(*window, "hidden1")->childItems())
            if (child->type() == NeuronToggleItem::Type)
                toggle = static_cast<NeuronToggleItem *>(child);
        QVERIFY2(toggle, "a Dense node has no neurons toggle");
        QVERIFY(toggle->toolTip().contains(QStringLiteral("heat map")));
        window->view()->centerOn(toggle->scenePos());
        QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, toViewport(*window, toggle->scenePos()));
        QVERIFY(neurons->isExpanded(hidden1));
        QVERIFY(neurons->panel(hidden1));
        QTRY_VERIFY_WITH_TIMEOUT(neurons->panel(hidden1)->hasMaps(), kTimeoutMs);
        QCOMPARE(neurons->panel(hidden1)->images().size(), size_t(32));

        QMenu menu;
        neurons->addActionsTo(menu, hidden1);
        QCOMPARE(menu.actions().size(), 1);
        QCOMPARE(menu.actions().front()->text(), QStringLiteral("Hide Neurons"));
        menu.actions().front()->trigger();
        QVERIFY(!neurons->isExpanded(hidden1));
        QVERIFY(!neurons->panel(hidden1));

        const QPoint card = toViewport(*window, node(*window, "hidden1")->scenePos());
        QTest::mouseDClick(window->view()->viewport(), Qt::LeftButton, {}, card);
        QVERIFY2(neurons->isExpanded(hidden1), "a double-click on the card did not show its neurons");
    }

    void aLargeLayerScrollsUnderTheWheel()
    {
        auto window = newWindow();
        openPrepared(*window, spiral(32, 32, 0));
        const int hidden2 = nodeNamed(*window, "hidden2");
        window->neurons()->setExpanded(hidden2, true);
        NeuronPanelItem *panel = window->neurons()->panel(hidden2);
        QVERIFY(panel && panel->scrolls());
        QCOMPARE(panel->visibleCount(), NeuronPanelItem::kMaxVisible);
        const QPointF over = panel->mapToScene(panel->boundingRect().center());
        window->view()->centerOn(over);
        const double zoom = window->view()->transform().m11();
        const QPoint at = toViewport(*window, over);
        QWheelEvent wheel(at, window->view()->viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(window->view()->viewport(), &wheel);
        QCOMPARE(panel->first(), 4);
        QCOMPARE(window->view()->transform().m11(), zoom);  // it scrolled the units, it did not zoom
        QVERIFY(!panel->showsAllUnits());
        QVERIFY(!window->neurons()->links() || window->neurons()->links()->links().empty());
    }

    void linksShowTheWeightsAndAClickEditsOne()
    {
        auto window = newWindow();
        openPrepared(*window, spiral(6, 4, 0));
        NeuronCanvas *neurons = window->neurons();
        const int hidden1 = nodeNamed(*window, "hidden1"), hidden2 = nodeNamed(*window, "hidden2");
        neurons->setExpanded(hidden1, true);
        neurons->setExpanded(hidden2, true);
        QTRY_VERIFY_WITH_TIMEOUT(neurons->links() && neurons->links()->links().size() == 24, kTimeoutMs);

        std::vector<float> weight = workerParameter(*window, "hidden2.weight");  // (4, 6)
        QCOMPARE(weight.size(), size_t(24));
        for (const WeightLink &link : neurons->links()->links()) {
            QCOMPARE(link.parameter, std::string("hidden2.weight"));
            QCOMPARE(link.index, int64_t{link.to} * 6 + link.from);
            QCOMPARE(link.weight, weight[size_t(link.index)]);
            QVERIFY(neurons->links()->toolTipOf(link).contains(QString::number(double(link.weight), 'g', 4)));
            // Each link runs from its input unit's tile to its unit's tile.
            QCOMPARE(link.start, neurons->panel(hidden1)->unitBottom(link.from));
            QCOMPARE(link.end, neurons->panel(hidden2)->unitTop(link.to));
        }

        // A click on a link opens the editor; Enter sets the model's weight and the links follow.
        const WeightLink link = neurons->links()->links()[9];
        const QPointF middle = (link.start + link.end) / 2;
        window->view()->centerOn(middle);
        const QPoint at = toViewport(*window, middle);
        const int clicked = neurons->links()->linkAt(window->view()->mapToScene(at));  // where the click lands
        QVERIFY(clicked >= 0);
        const WeightLink hit = neurons->links()->links()[size_t(clicked)];
        const int64_t index = hit.index;
        QSignalSpy set(window->training(), &TrainingController::weightSet);
        QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(neurons->editor());
        QCOMPARE(float(neurons->editor()->value()), float(std::round(hit.weight * 1e4) / 1e4));
        neurons->editor()->setValue(-1.25);
        QTest::keyClick(neurons->editor(), Qt::Key_Return);
        QVERIFY(set.wait(kTimeoutMs));
        QCOMPARE(set.front().at(3).toString(), QString());
        weight = workerParameter(*window, "hidden2.weight");
        QCOMPARE(weight[size_t(index)], -1.25f);
        QTRY_VERIFY_WITH_TIMEOUT(neurons->snapshot().weightsOf(hidden2) &&
                                     neurons->snapshot().weightsOf(hidden2)->weight[size_t(index)] == -1.25f,
                                 kTimeoutMs);
        bool shown = false;
        for (const WeightLink &l : neurons->links()->links())
            shown = shown || (l.index == index && l.weight == -1.25f);
        QVERIFY2(shown, "the link does not show the edited weight");
        QVERIFY(window->isWindowModified());  // the weights are unsaved work now

        // Edit ▸ Undo puts the weight back, Redo sets it again.
        QUndoStack *undo = window->document()->undoStack();
        QVERIFY2(undo->undoText().startsWith(QStringLiteral("Set Weight hidden1 unit")), qPrintable(undo->undoText()));
        set.clear();
        undo->undo();
        QVERIFY(set.wait(kTimeoutMs));
        QCOMPARE(workerParameter(*window, "hidden2.weight")[size_t(index)], hit.weight);
        set.clear();
        undo->redo();
        QVERIFY(set.wait(kTimeoutMs));
        QCOMPARE(workerParameter(*window, "hidden2.weight")[size_t(index)], -1.25f);
    }

    void editingAWeightChangesTheHeatMaps()
    {
        auto window = newWindow();
        openPrepared(*window, spiral(6, 4, 0));
        NeuronCanvas *neurons = window->neurons();
        const int hidden2 = nodeNamed(*window, "hidden2");
        neurons->setExpanded(nodeNamed(*window, "hidden1"), true);
        neurons->setExpanded(hidden2, true);
        QTRY_VERIFY_WITH_TIMEOUT(neurons->snapshot().maps(hidden2) && neurons->links(), kTimeoutMs);
        const std::vector<float> before = neurons->snapshot().maps(hidden2)->values;
        const WeightLink link = neurons->links()->links().front();  // into hidden2's unit 1
        QSignalSpy said(neurons, &NeuronCanvas::statusMessage);
        neurons->setWeight(link, link.weight + 3.0f);
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), kTimeoutMs);  // the old value, to type back in
        QVERIFY2(said.front().front().toString().contains(QString::number(double(link.weight), 'g', 4)),
                 qPrintable(said.front().front().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(neurons->snapshot().maps(hidden2) && neurons->snapshot().maps(hidden2)->values != before,
                                 kTimeoutMs);
        // Unit 1 changed; the other units of hidden2 do not depend on that weight.
        const std::vector<float> &after = neurons->snapshot().maps(hidden2)->values;
        const size_t cells = size_t(kNeuronGrid) * kNeuronGrid;
        QVERIFY(!std::equal(after.begin(), after.begin() + long(cells), before.begin()));
        QVERIFY(std::equal(after.begin() + long(cells), after.end(), before.begin() + long(cells)));
    }

    // overfitting: the validation loss turns up early and ends far above the training loss; each
    // cure keeps the gap small (docs/overfitting.md has the figures).
    void overfittingExamplesShowTheGapAndItsCures()
    {
        const EpochLosses plain = exampleRun("overfitting");
        const auto best = std::min_element(plain.validation.begin(), plain.validation.end());
        QVERIFY2(best - plain.validation.begin() < 60, "the validation loss should turn within 60 epochs");
        const double gap = plain.validation.back() - plain.train.back();
        QVERIFY2(gap > 2.0 && plain.validation.back() > 4 * *best, qPrintable(QString::number(gap)));
        for (const char *cure : {"overfitting-dropout", "overfitting-l2"}) {
            const EpochLosses cured = exampleRun(cure);
            QCOMPARE(cured.train.size(), plain.train.size());
            const double closed = cured.validation.back() - cured.train.back();
            QVERIFY2(closed < gap / 3, qPrintable(QStringLiteral("%1: gap %2 against %3").arg(cure).arg(closed).arg(gap)));
        }
        const EpochLosses stopped = exampleRun("overfitting-early-stop");
        QVERIFY2(stopped.train.size() < 100, qPrintable(QString::number(stopped.train.size())));
    }

    void validationPointsToggleOnTheBoundary()
    {
        DecisionBoundaryView view;
        BoundarySnapshot snapshot;
        snapshot.kind = BoundarySnapshot::Kind::Classes;
        snapshot.plot.xMin = snapshot.plot.yMin = -1.0;
        snapshot.plot.xMax = snapshot.plot.yMax = 1.0;
        snapshot.plot.splitLegend = true;
        snapshot.plot.classNames = {QStringLiteral("a"), QStringLiteral("b")};
        PlotPoint point;
        point.classIndex = 1;
        point.validation = true;  // at (0, 0): the plot's centre
        snapshot.plot.points.push_back(point);
        view.resize(400, 360);
        view.setSnapshot(snapshot);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.validationToggle()->isVisible());
        QVERIFY(view.validationToggle()->isChecked());
        PlotCanvas *canvas = view.canvas();
        // The ring's right edge, 3.5 px from the centre, is drawn in the class's colour; without the
        // validation points it is the empty plot's background.
        const QPoint ring = (canvas->plotRect().center() + QPointF(3.5, 0.0)).toPoint();
        const QRgb background = canvasstyle::backgroundColor().rgb();
        QVERIFY(canvas->grab().toImage().pixel(ring) != background);
        view.validationToggle()->click();
        QVERIFY(!canvas->showsValidation());
        QCOMPARE(canvas->grab().toImage().pixel(ring), background);
        view.validationToggle()->click();
        QVERIFY(canvas->grab().toImage().pixel(ring) != background);
    }

private:
    std::unique_ptr<datasets::Experiment> spiral_;
};

QTEST_MAIN(TestGuiNeurons)
#include "test_gui_neurons.moc"
