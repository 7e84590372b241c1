// A GAN project on the canvas: the Generator and Discriminator frames enclose their nodes, a drop
// or a drag into a frame puts the node in that network, the noise and real-data nodes, shape errors
// that name the frame, the GAN settings in the Training tab and "Make this a GAN", each edit one
// undo step that gives back the file byte for byte.
#include "guitest.h"

#include "app/canvasactions.h"
#include "canvas/fakesamplesitem.h"
#include "canvas/networkframeitem.h"
#include "commands/changesettingcommand.h"
#include "commands/makegan.h"
#include "panels/componenteditor.h"
#include "panels/gansection.h"
#include "panels/inspectorpanel.h"
#include "panels/settingeditor.h"
#include "panels/trainingpanel.h"

#include "datasets/experiment.h"
#include "nn/gangraph.h"
#include "nn/project.h"

#include <QAction>
#include <QCheckBox>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>

#include <algorithm>
#include <utility>

using namespace guitest;

namespace {

std::unique_ptr<MainWindow> openExample(const std::string &name)
{
    auto window = newWindow();
    if (!window->files()->openPath(QString::fromStdString(name)))
        qWarning("could not open %s", name.c_str());
    return window;
}

std::string fileText(const MainWindow &window)
{
    return nn::projectToText(window.document()->project());
}

// The example as the engine reads it (the CLI's view of the file), with its edges in the order
// the window keeps them (by the input they feed; gan-digits' file lists them otherwise).
nlohmann::json engineJson(const std::string &name)
{
    nlohmann::json json = nlohmann::json::parse(nn::projectToText(nn::loadProject(datasets::resolveProjectPath(name))));
    nlohmann::json &edges = json["graph"]["edges"];
    std::sort(edges.begin(), edges.end(), [](const nlohmann::json &a, const nlohmann::json &b) {
        return std::pair(a["to"].get<int>(), a["port"].get<int>()) < std::pair(b["to"].get<int>(), b["port"].get<int>());
    });
    return json;
}

NetworkFrameItem *frame(const MainWindow &window, const std::string &network)
{
    return window.scene()->frames().frame(network);
}

const nn::Node &node(const MainWindow &window, const std::string &name)
{
    return *window.document()->graph().findByName(name);
}

} // namespace

class TestGuiGanFrames : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(); }

    void theGanExamplesOpenUnchangedWithTwoLabelledFrames()
    {
        for (const std::string name : {"gan-ring", "gan-digits"}) {
            auto window = openExample(name);
            QCOMPARE(nlohmann::json::parse(fileText(*window)), engineJson(name));
            QVERIFY(!window->document()->isModified());
            QCOMPARE(frame(*window, "generator")->label(), QStringLiteral("Generator"));
            QCOMPARE(frame(*window, "discriminator")->label(), QStringLiteral("Discriminator"));
            QVERIFY(frame(*window, "generator")->isVisible() && frame(*window, "discriminator")->isVisible());
            QVERIFY2(window->scene()->frames().fakeSamples()->isVisible(), "no fake-samples arrow");
            QCOMPARE(item(*window, node(*window, "noise").id)->kindText(),
                     QStringLiteral("Noise · ") + QString::fromStdString(window->document()->project().gan->noise));
            QVERIFY(item(*window, node(*window, "real_data").id)->kindText().startsWith(QStringLiteral("Real data · ")));
        }
        auto plain = openExample("spiral");  // one network: no frames, no arrow
        QVERIFY(!frame(*plain, "generator")->isVisible() && !frame(*plain, "discriminator")->isVisible());
        QVERIFY(!plain->scene()->frames().fakeSamples()->isVisible());
    }

    void theFramesEncloseTheirNodesAndFollowThem()
    {
        auto window = openExample("gan-ring");
        const auto check = [&] {
            for (const nn::Node &n : window->document()->graph().nodes()) {
                const QRectF card = item(*window, n.id)->sceneBoundingRect();
                const std::string other = n.network == "generator" ? "discriminator" : "generator";
                QVERIFY2(frame(*window, n.network)->frameRect().contains(card), n.name.c_str());
                QVERIFY2(!frame(*window, other)->frameRect().contains(card.center()), n.name.c_str());
            }
        };
        check();
        const nn::Node &out = node(*window, "d_out");
        mouseDrag(*window, {out.x, out.y}, {out.x + 40, out.y + 120});  // drags it down, out of the old frame
        QCOMPARE(node(*window, "d_out").network, std::string("discriminator"));
        check();
        // The arrow runs from G's output to the real-data node.
        const FakeSamplesItem *arrow = window->scene()->frames().fakeSamples();
        QVERIFY(item(*window, node(*window, "g_out").id)->sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(arrow->from()));
        QVERIFY(item(*window, node(*window, "real_data").id)->sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(arrow->to()));
    }

    void aDropInsideAFrameJoinsThatNetworkAndUndoGivesBackTheFile()
    {
        auto window = openExample("gan-ring");
        const std::string before = fileText(*window);
        dropKind(*window, QStringLiteral("Dense"), {300, 380});
        QCOMPARE(window->document()->graph().findByName("dense1")->network, std::string("discriminator"));
        dropKind(*window, QStringLiteral("ReLU"), {0, 380});
        QCOMPARE(window->document()->graph().findByName("relu1")->network, std::string("generator"));
        QVERIFY(frame(*window, "generator")->frameRect().contains(item(*window, node(*window, "relu1").id)->sceneBoundingRect()));
        window->document()->undoStack()->undo();
        window->document()->undoStack()->undo();
        QCOMPARE(fileText(*window), before);
    }

    void draggingANodeIntoTheOtherFrameChangesItsNetworkInOneStep()
    {
        auto window = openExample("gan-ring");
        const std::string before = fileText(*window);
        QUndoStack *stack = window->document()->undoStack();
        const nn::Node &hidden = node(*window, "g_hidden2");
        mouseDrag(*window, {hidden.x, hidden.y}, {300, 170});
        QCOMPARE(node(*window, "g_hidden2").network, std::string("discriminator"));
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Move g_hidden2 into Discriminator"));
        // Its wires now cross the frames: the canvas says so, naming the frame.
        QVERIFY(window->document()->status(node(*window, "g_out").id).error.starts_with("Generator: the wire from g_hidden2"));
        stack->undo();
        QCOMPARE(fileText(*window), before);
        stack->redo();
        QCOMPARE(node(*window, "g_hidden2").network, std::string("discriminator"));
    }

    void theNoiseNodeEditsTheNoiseAndZ()
    {
        auto window = openExample("gan-ring");
        const std::string before = fileText(*window);
        const int noise = node(*window, "noise").id;
        window->scene()->selectNodes({noise});
        window->inspector()->showNode(noise);
        SettingEditor *distribution = window->inspector()->noiseEditor();
        QVERIFY2(distribution, "the noise node has no distribution editor");
        emit distribution->edited(std::string("normal"));
        QCOMPARE(window->document()->project().gan->noise, std::string("normal"));
        QCOMPARE(item(*window, noise)->kindText(), QStringLiteral("Noise · normal"));
        emit window->inspector()->editor("shape")->edited(std::vector<int64_t>{5});
        const nlohmann::json saved = nlohmann::json::parse(fileText(*window));
        QCOMPARE(saved["gan"]["noise"], nlohmann::json("normal"));
        QCOMPARE(saved["graph"]["nodes"][0]["settings"]["shape"], nlohmann::json({5}));
        const nn::GanGraphs gan = nn::splitGanGraph(window->document()->graph());
        QCOMPARE(gan.generator.inferShapes().at(noise).output(), (nn::Shape{nn::kBatch, 5}));
        window->document()->undoStack()->undo();
        window->document()->undoStack()->undo();
        QCOMPARE(fileText(*window), before);
        QCOMPARE(item(*window, noise)->kindText(), QStringLiteral("Noise · uniform"));
    }

    void aShapeErrorNamesTheFrameAndBothShapes()
    {
        auto window = openExample("gan-ring");
        const int out = node(*window, "g_out").id;
        window->document()->undoStack()->push(new ChangeSettingCommand(window->document(), out, "units", int64_t{3}));
        const QString error = QString::fromStdString(window->document()->status(out).error);
        QVERIFY2(error.startsWith(QStringLiteral("Generator: g_out gives [N, 3] but the real data is [N, 2]")), qPrintable(error));
        QVERIFY(item(*window, out)->showsError());
        window->document()->undoStack()->undo();
        QVERIFY(window->document()->status(out).ok());
    }

    void theGanSettingsAreEditableInTheTrainingTab()
    {
        auto window = openExample("gan-ring");
        const std::string before = fileText(*window);
        GanSection *section = window->trainingPanel()->ganSection();
        QVERIFY(!section->isHidden());
        emit section->editor("d_steps")->edited(int64_t{3});
        emit section->editor("loss")->edited(std::string("least-squares"));
        emit section->editor("label_smoothing")->edited(0.1);
        section->ownOptimizerBox()->setChecked(true);
        emit section->generatorOptimizer()->settingEdited("lr", 0.0005);
        const nn::GanConfig &gan = *window->document()->project().gan;
        QCOMPARE(gan.discriminatorSteps, 3);
        QCOMPARE(gan.loss, std::string("least-squares"));
        QCOMPARE(gan.labelSmoothing, 0.1);
        QCOMPARE(gan.generatorOptimizer, std::string("Adam"));
        QCOMPARE(gan.generatorOptimizerSettings["lr"], nlohmann::json(0.0005));
        QCOMPARE(window->document()->undoStack()->count(), 5);
        while (window->document()->undoStack()->canUndo())
            window->document()->undoStack()->undo();
        QCOMPARE(fileText(*window), before);
        QVERIFY(!section->ownOptimizerBox()->isChecked());

        auto plain = openExample("spiral");
        QVERIFY(plain->trainingPanel()->ganSection()->isHidden());
    }

    void autoLayoutKeepsEachNetworkInItsOwnFrame()
    {
        auto window = openExample("gan-digits");  // its file puts d_flatten over real_data
        window->canvasActions()->autoLayout()->trigger();
        const QRectF g = frame(*window, "generator")->frameRect(), d = frame(*window, "discriminator")->frameRect();
        QVERIFY2(!g.intersects(d), "the frames overlap after Auto Layout");
        const nn::Graph &graph = window->document()->graph();
        for (const nn::Node &a : graph.nodes())
            for (const nn::Node &b : graph.nodes())
                QVERIFY2(a.id == b.id || !item(*window, a.id)->sceneBoundingRect().intersects(item(*window, b.id)->sceneBoundingRect()),
                         (a.name + " overlaps " + b.name).c_str());
        window->document()->undoStack()->undo();
        QCOMPARE(nlohmann::json::parse(fileText(*window)), engineJson("gan-digits"));
    }

    void fileNewGanProjectStartsATrainableGan()
    {
        auto window = newWindow();
        QAction *action = nullptr;
        for (QAction *candidate : window->menuBar()->actions().front()->menu()->actions())
            if (candidate->text() == QStringLiteral("New &GAN Project"))
                action = candidate;
        QVERIFY2(action, "File has no New GAN Project");
        action->trigger();
        const nn::Project &project = window->document()->project();
        QVERIFY(project.gan && project.data.source == "ring");
        QVERIFY(!window->document()->isModified());
        const nn::GanGraphs gan = nn::splitGanGraph(project.graph);
        QCOMPARE(nn::generatorSampleShape(gan.generator), (nn::Shape{2}));
        QVERIFY(!window->trainingPanel()->ganSection()->isHidden());
        QCOMPARE(item(*window, node(*window, "noise").id)->kindText(), QStringLiteral("Noise · normal"));
        // The engine takes it as it is: the data loads and both networks build.
        const datasets::Experiment experiment(project);
        QVERIFY(experiment.isGan());
    }

    void makeThisAGanBuildsAWorkingPairForTheData()
    {
        auto window = openExample("spiral");
        const std::string before = fileText(*window);
        makegan::push(window->document());
        QVERIFY(window->document()->isGan());
        const nn::GanGraphs gan = nn::splitGanGraph(window->document()->graph());  // throws when they do not fit
        QCOMPARE(nn::generatorSampleShape(gan.generator), (nn::Shape{2}));
        QVERIFY(frame(*window, "generator")->isVisible());
        QCOMPARE(window->document()->undoStack()->count(), 1);
        for (const nn::Node &n : window->document()->graph().nodes())
            QVERIFY(window->document()->status(n.id).ok());
        window->document()->undoStack()->undo();
        QCOMPARE(fileText(*window), before);
        QVERIFY(!frame(*window, "generator")->isVisible());
    }
};

QTEST_MAIN(TestGuiGanFrames)
#include "test_gui_ganframes.moc"
