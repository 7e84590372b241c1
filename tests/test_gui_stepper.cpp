// The backprop stepper in the window: every number it shows is the one a separate Model::forward,
// Model::backward and optimizer step compute on the same batch (the spiral MLP and a digits CNN);
// Next/Previous walk the steps and the canvas marks the path; a paused run's optimizer continues.
#include "digitsproject.h"
#include "guitest.h"

#include "canvas/nodeitem.h"
#include "training/trainingcontroller.h"
#include "views/inside/insidepanel.h"
#include "views/inside/stepper/backpropstepperview.h"
#include "views/inside/stepper/stepperformulas.h"
#include "views/inside/stepper/tensorpicture.h"

#include "datasets/experiment.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "nn/project.h"
#include "nn/registry.h"

#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>

Q_DECLARE_METATYPE(nn::Project)

namespace {

// The digits through Conv2D(3, 3×3, relu) → MaxPool2D(2) → Flatten → Dense(10).
nn::Project digitsCnn()
{
    nn::Project project = digitsProject(1);
    nn::Graph &graph = project.graph;
    const int conv = graph.addNode("Conv2D", "conv1"), pool = graph.addNode("MaxPool2D", "pool");
    graph.node(conv).settings.set("filters", int64_t{3});
    graph.node(conv).settings.set("kernel_size", int64_t{3});
    graph.node(conv).settings.set("activation", std::string("relu"));
    const int input = graph.findByName("input")->id, flatten = graph.findByName("flatten")->id;
    graph.disconnect(flatten, 0);
    graph.connect(input, conv);
    graph.connect(conv, pool);
    graph.connect(pool, flatten);
    return project;
}

bool same(const nn::Tensor &a, const nn::Tensor &b)
{
    return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

// What the stepper shows of a batch tensor: one sample's when it is an image.
nn::Tensor shownOf(const nn::Tensor &batch, int sample) { return batch.rank() >= 3 ? nn::itemOf(batch, sample) : batch; }

const StepperTensor *tensorNamed(const StepperStep &step, const QString &prefix)
{
    for (const StepperTensor &t : step.tensors)
        if (t.label.startsWith(prefix + QStringLiteral("  ")) || t.label.startsWith(prefix + QStringLiteral("[")))
            return &t;
    return nullptr;
}

// The number after the last " = " of a formula line (before any "   (" note).
QString lastNumber(const QString &line)
{
    const qsizetype note = line.indexOf(QStringLiteral("   ("));
    const QString formula = note >= 0 ? line.left(note) : line;
    return formula.mid(formula.lastIndexOf(QStringLiteral(" = ")) + 3).trimmed();
}

// The model's weights and the training split's samples [first, first + n), read on the worker thread.
struct Reference {
    std::vector<std::pair<std::string, nn::Tensor>> weights;
    nn::Tensor x, y;
};

Reference readReference(TrainingController *training, int first, int n)
{
    auto reference = std::make_shared<Reference>();
    auto done = std::make_shared<std::atomic<bool>>(false);
    training->runProbeNow([reference, done, first, n](ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
        for (const auto &[name, value] : model.weights())
            reference->weights.emplace_back(name, *value);
        std::vector<int64_t> indices(static_cast<size_t>(n));
        std::iota(indices.begin(), indices.end(), int64_t(first));
        experiment.split("train").gather(indices, reference->x, reference->y);
        *done = true;
    }, [done] { *done = true; });
    if (!QTest::qWaitFor([&] { return done->load(); }, 20000))
        qWarning("the worker did not answer");
    return *reference;
}

std::unique_ptr<MainWindow> windowWithStepper(const nn::Project &project)
{
    auto window = guitest::newWindow();
    TrainingController *training = window->training();
    QSignalSpy prepared(training, &TrainingController::prepared);
    window->document()->setProject(project, {});
    if (!prepared.wait(40000))
        qWarning("the project was not prepared");
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("inside"));
    dock->show();
    dock->raise();
    window->insidePanel()->showView(QStringLiteral("stepper"));
    return window;
}

} // namespace

class GuiStepperTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    void everyNumberIsTheEngines_data()
    {
        QTest::addColumn<nn::Project>("project");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("denseNode");
        nn::Project spiral = nn::loadProject(datasets::resolveProjectPath("spiral"));
        QTest::newRow("spiral") << spiral << "hidden2.weight" << "hidden2";
        QTest::newRow("digits cnn") << digitsCnn() << "conv1.weight" << "output";
    }

    // A separate forward, loss, backward and optimizer step on the same batch and weights give every
    // tensor the stepper shows, bit for bit, and the numbers its formulas end in.
    void everyNumberIsTheEngines()
    {
        QFETCH(nn::Project, project);
        QFETCH(QString, parameter);
        QFETCH(QString, denseNode);
        auto window = windowWithStepper(project);
        BackpropStepperView *stepper = window->insidePanel()->stepper();
        QSignalSpy shown(stepper, &BackpropStepperView::snapshotShown);
        const StepperRequest chosen{5, 3, 1, 2, parameter, 7};
        stepper->setRequest(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(stepper->snapshot().request.parameter == parameter && stepper->snapshot().request.firstSample == 5 &&
                                     stepper->snapshot().request.element == 7 && !stepper->snapshot().steps.empty(),
                                 30000);
        const StepperSnapshot &snapshot = stepper->snapshot();
        QVERIFY2(snapshot.problem.isEmpty(), qPrintable(snapshot.problem));
        const int n = snapshot.request.sample;
        QCOMPARE(n, 1);

        // The same step, separately.
        const Reference reference = readReference(window->training(), 5, 3);
        nn::Model model(project.graph, project.training.seed);
        auto named = model.parameters();
        QCOMPARE(named.size(), reference.weights.size());
        for (size_t i = 0; i < named.size(); ++i)
            named[i].parameter->value = reference.weights[i].second;
        auto loss = nn::lossRegistry().create(project.training.loss, nn::Settings::fromJson(nn::lossRegistry().spec(project.training.loss), project.training.lossSettings));
        auto optimizer = nn::optimizerRegistry().create(project.training.optimizer,
            nn::Settings::fromJson(nn::optimizerRegistry().spec(project.training.optimizer), project.training.optimizerSettings));
        nn::Pass pass;
        model.zeroGrad();
        model.forward(pass, {&reference.x}, {true, project.training.seed, 0, 0});
        nn::Tensor dOut;
        const double lossValue = loss->forward(pass.output(), reference.y);
        loss->backward(pass.output(), reference.y, dOut);
        model.backward(pass, {&dOut}, true);
        std::map<std::string, nn::Tensor> grads;
        for (const auto &p : named)
            grads[p.name] = p.parameter->grad;
        QCOMPARE(snapshot.trace.lossValue, lossValue);

        const nn::Graph &graph = model.graph();
        int checked = 0;
        for (const StepperStep &step : snapshot.steps) {
            const QByteArray where = step.title.toUtf8();
            if (step.phase == StepperStep::Phase::Forward && step.nodeId >= 0 && graph.node(step.nodeId).kind != "Input") {
                const StepperTensor *y = tensorNamed(step, QStringLiteral("y"));
                QVERIFY2(y && same(y->value, shownOf(pass.activation(step.nodeId), n)), where);
                ++checked;
            }
            if (step.phase == StepperStep::Phase::Backward) {
                const std::string node = graph.node(step.nodeId).name;
                const StepperTensor *delta = tensorNamed(step, QStringLiteral("δ = ∂L/∂y"));
                QVERIFY2(delta && same(delta->value, shownOf(pass.gradient(step.nodeId), n)), where);
                for (const auto &[name, grad] : grads)
                    if (name.rfind(node + ".", 0) == 0) {
                        const std::string own = name.substr(node.size() + 1);
                        const StepperTensor *shownGrad = tensorNamed(step, own == "weight" ? QStringLiteral("∂L/∂W") : QStringLiteral("∂L/∂b"));
                        if (!shownGrad)
                            shownGrad = tensorNamed(step, QStringLiteral("∂L/∂") + QString::fromStdString(own));
                        QVERIFY2(shownGrad && same(shownGrad->value, grad), qPrintable(step.title + QString::fromStdString(" " + name)));
                        ++checked;
                    }
                const int producer = graph.inputsOf(step.nodeId).at(0);
                const StepperTensor *dx = tensorNamed(step, QStringLiteral("∂L/∂x"));
                if (graph.node(producer).kind == "Input")
                    QVERIFY2(dx && same(dx->value, shownOf(pass.inputGradient(), n)), where);
                else
                    QVERIFY2(dx && same(dx->value, shownOf(pass.gradient(producer), n)), where);
            }
            if (step.phase == StepperStep::Phase::Loss) {
                QVERIFY(same(tensorNamed(step, QStringLiteral("ŷ"))->value, pass.output()));
                QVERIFY(same(tensorNamed(step, QStringLiteral("∂L/∂ŷ"))->value, dOut));
                QVERIFY2(step.formula.front().contains(stepperformulas::number(lossValue)), qPrintable(step.formula.front()));
            }
        }
        QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));

        // Dense: y = f(Wx + b) ends in the output's value, ∂L/∂W[u,i] in the gradient's.
        const int dense = graph.findByName(denseNode.toStdString())->id;
        const nn::Tensor &out = pass.activation(dense);
        for (const StepperStep &step : snapshot.steps) {
            if (step.nodeId != dense)
                continue;
            if (step.phase == StepperStep::Phase::Forward) {
                const int64_t units = out.dim(1);
                const int u = parameter.startsWith(denseNode + QLatin1Char('.')) ? int(7 / grads[parameter.toStdString()].dim(1)) : std::min<int>(2, int(units) - 1);
                QCOMPARE(lastNumber(step.formula.last()), stepperformulas::number(out[n * units + u]));
            } else if (step.phase == StepperStep::Phase::Backward && parameter.startsWith(denseNode + QLatin1Char('.'))) {
                const QString line = step.formula.filter(QStringLiteral("∂L/∂W[u,i]")).value(0);
                QCOMPARE(lastNumber(line), stepperformulas::number(grads[parameter.toStdString()][7]));
            }
        }

        // Conv2D: y = f(Σ W ⋆ x + b) at the filter's strongest position ends in the engine's output there;
        // ∂L/∂W[c,k,i,j] of the explained weight and ∂L/∂b[c] end in the engine's gradients.
        if (const nn::Node *convNode = graph.findByName("conv1")) {
            const nn::Tensor &maps = pass.activation(convNode->id);  // [N, F, H', W']
            const nn::Tensor &weight = grads["conv1.weight"];        // [F, C, k, k]
            const int64_t filter = parameter == QStringLiteral("conv1.weight") ? 7 / (weight.size() / weight.dim(0)) : 2;
            const int64_t positions = maps.dim(2) * maps.dim(3);
            const float *map = maps.data() + (n * maps.dim(1) + filter) * positions;
            const float strongest = *std::max_element(map, map + positions);
            int convChecked = 0;
            for (const StepperStep &step : snapshot.steps) {
                if (step.nodeId != convNode->id)
                    continue;
                if (step.phase == StepperStep::Phase::Forward) {
                    QVERIFY2(step.formula.front().contains(QStringLiteral("filter c = %1,").arg(filter)), qPrintable(step.formula.front()));
                    QCOMPARE(lastNumber(step.formula.last()), stepperformulas::number(strongest));
                    ++convChecked;
                } else if (step.phase == StepperStep::Phase::Backward) {
                    if (parameter == QStringLiteral("conv1.weight")) {
                        const QString line = step.formula.filter(QStringLiteral("∂L/∂W[c,k,i,j]")).value(0);
                        QCOMPARE(lastNumber(line), stepperformulas::number(weight[7]));
                    }
                    const QString bias = step.formula.filter(QStringLiteral("∂L/∂b[c]")).value(0);
                    QCOMPARE(lastNumber(bias), stepperformulas::number(grads["conv1.bias"][filter]));
                    ++convChecked;
                }
            }
            QCOMPARE(convChecked, 2);
        }

        // The update: the optimizer's own step of the same gradients.
        optimizer->step(model.parameterList());
        const StepperStep &update = snapshot.steps.back();
        QCOMPARE(update.phase, StepperStep::Phase::Update);
        for (const auto &p : named)
            if (p.name == parameter.toStdString()) {
                QVERIFY(same(tensorNamed(update, QStringLiteral("θ after"))->value, p.parameter->value));
                QCOMPARE(snapshot.trace.update.after, p.parameter->value[7]);
                QVERIFY2(update.formula.filter(QStringLiteral("w ← w − ")).value(0).endsWith(stepperformulas::number(p.parameter->value[7])),
                         qPrintable(update.formula.join('\n')));
            }
    }

    // Next/Previous (buttons and Page Down/Up) walk the steps; the canvas marks the node the step is at
    // and the nodes walked before it; hiding the stepper clears the marks.
    void nextAndPreviousWalkTheCanvasPath()
    {
        auto window = windowWithStepper(nn::loadProject(datasets::resolveProjectPath("spiral")));
        BackpropStepperView *stepper = window->insidePanel()->stepper();
        QTRY_VERIFY_WITH_TIMEOUT(!stepper->snapshot().steps.empty(), 30000);
        QCOMPARE(stepper->currentStep(), 0);
        const auto mark = [&](const char *name) { return guitest::item(*window, guitest::nodeNamed(*window, name))->stepMark(); };
        QCOMPARE(mark("input"), NodeItem::StepMark::Current);
        auto *next = stepper->findChild<QPushButton *>();
        for (QPushButton *button : stepper->findChildren<QPushButton *>())
            if (button->text().startsWith(QStringLiteral("Next")))
                next = button;
        QTest::mouseClick(next, Qt::LeftButton);
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(stepper->currentStep(), 2);
        QCOMPARE(mark("hidden2"), NodeItem::StepMark::Current);
        QCOMPARE(mark("hidden1"), NodeItem::StepMark::Walked);
        QCOMPARE(mark("output"), NodeItem::StepMark::None);
        stepper->stepList()->setFocus();
        QTest::keyClick(stepper->stepList(), Qt::Key_PageUp);
        QCOMPARE(stepper->currentStep(), 1);
        QCOMPARE(mark("hidden2"), NodeItem::StepMark::None);
        // Forward 4 nodes, the loss, backward 3, the update: 9 stops.
        QCOMPARE(stepper->stepList()->count(), 9);
        stepper->setCurrentStep(6);  // backward at hidden2, walked back from the output
        QCOMPARE(mark("hidden2"), NodeItem::StepMark::Current);
        QCOMPARE(mark("output"), NodeItem::StepMark::Walked);
        QCOMPARE(mark("hidden1"), NodeItem::StepMark::None);
        QVERIFY(!stepper->findChildren<TensorPicture *>().isEmpty());
        window->findChild<QDockWidget *>(QStringLiteral("inside"))->hide();
        QCOMPARE(mark("hidden2"), NodeItem::StepMark::None);
    }

    // Paused after a few steps, the stepper continues the run's optimizer: Adam's step t and its
    // moments are the run's; while training runs, Take Batch is off.
    void aPausedRunsOptimizerContinues()
    {
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("spiral"));
        project.training.stepsPerSecond = 0.0;
        auto window = windowWithStepper(project);
        BackpropStepperView *stepper = window->insidePanel()->stepper();
        TrainingController *training = window->training();
        QTRY_VERIFY_WITH_TIMEOUT(!stepper->snapshot().steps.empty(), 30000);
        QCOMPARE(stepper->snapshot().trace.update.step, int64_t(1));
        for (int i = 0; i < 3; ++i) {
            const qint64 before = training->batchesTrained();
            training->stepAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(training->batchesTrained() == before + 1, 20000);
        }
        QTRY_COMPARE(training->state(), TrainingController::State::Paused);
        stepper->retrace();
        QTRY_VERIFY_WITH_TIMEOUT(stepper->snapshot().trace.update.step == 4, 30000);
        const nn::UpdateExplanation &update = stepper->snapshot().trace.update;
        QVERIFY(update.term("m") && update.term("m")->value != 0.0);
        QVERIFY(update.term("v") && update.term("v")->value > 0.0);
        training->togglePause();
        QTRY_COMPARE(training->state(), TrainingController::State::Running);
        QPushButton *take = nullptr;
        for (QPushButton *button : stepper->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Take Batch"))
                take = button;
        QVERIFY(take && !take->isEnabled());
        training->stop();
        QTRY_VERIFY(!training->isRunActive());
        QTRY_VERIFY(take->isEnabled());
    }
};

QTEST_MAIN(GuiStepperTest)
#include "test_gui_stepper.moc"
