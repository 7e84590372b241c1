// The Inside dock's sequence views (attention, recurrent state, per-token predictions) fed with tap
// records the engine recorded here on the small projects in tests/projects, checked cell by cell
// against those records, and the real window's tabs updating during a run.
#include "guitest.h"

#include "training/trainingcontroller.h"
#include "views/inside/attentionview.h"
#include "views/inside/insidepanel.h"
#include "views/inside/recurrentstateview.h"
#include "views/inside/tokendecoder.h"
#include "views/inside/tokenheatmap.h"
#include "views/inside/tokenstrip.h"
#include "views/inside/tokenview.h"

#include "datasets/experiment.h"
#include "nn/project.h"
#include "nn/taps.h"
#include "nn/trainer.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

namespace {

// Keeps every record the trainer hands over.
struct SequenceTapCollector : nn::TrainingObserver {
    void tapped(const nn::TapRecord &record) override { records.push_back(record); }
    std::vector<nn::TapRecord> records;
};

nn::Project testProject(const char *name)
{
    return nn::loadProject(std::string(LAYERLAB_SOURCE_DIR) + "/tests/projects/" + name + ".layerlab.json");
}

// A few steps of `project`, each tapped for `sample`, and the names its data gives ids and classes.
struct Recorded {
    std::vector<nn::TapRecord> records;
    TokenDecoder decoder;
};

Recorded recordSteps(nn::Project project, int steps, int64_t sample)
{
    datasets::Experiment experiment(std::move(project));
    auto trainer = experiment.makeTrainer();
    SequenceTapCollector collector;
    trainer->setObserver(&collector);
    for (int i = 0; i < steps; ++i) {
        trainer->requestTap(nn::TapRequest{sample, ""});
        trainer->step();
    }
    return {collector.records, TokenDecoder::of(experiment.data().info)};
}

const nn::NodeTap &nodeNamed(const nn::TapRecord &record, const std::string &name)
{
    for (const nn::NodeTap &node : record.nodes)
        if (node.name == name)
            return node;
    throw std::runtime_error("the record has no node " + name);
}

// The sample's real tokens: the ids before the padding, read through the vocabulary.
QStringList realTokens(const nn::TapRecord &record, const TokenDecoder &decoder)
{
    const nn::Tensor &ids = nodeNamed(record, "ids").sampleActivation;
    QStringList tokens;
    for (int64_t t = 0; t < ids.size() && ids[t] != 0.0f; ++t)
        tokens << decoder.token(ids[t]);
    return tokens;
}

// `view` drawing the last record of `recorded`, tapped for `sample`.
void showLast(SequenceTab &view, const Recorded &recorded, int sample)
{
    view.resize(1000, 700);
    view.setDecoder(recorded.decoder);
    view.setSample(sample);
    view.addRecord(recorded.records.back());
}

} // namespace

class GuiSequenceInsideTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    // Every cell of every head's map is the tap's attention weight of the chosen sample, query row
    // by key column, with the sample's letters (the padding cut) on both axes.
    void attentionMapsAreTheTapsWeights()
    {
        const Recorded recorded = recordSteps(testProject("words-attention-gru"), 2, 3);
        const nn::TapRecord &record = recorded.records.back();
        AttentionView view;
        showLast(view, recorded, 3);
        QCOMPARE(view.selectedLayer(), QStringLiteral("attention"));
        QCOMPARE(view.drawnStep(), record.step);
        const nn::Tensor &weights = nodeNamed(record, "attention").internals.at(0).value;  // [heads, T, T]
        const QStringList tokens = realTokens(record, recorded.decoder);
        QVERIFY(tokens.size() >= 3 && tokens.size() <= 12);
        QCOMPARE(int(view.heads().size()), 2);
        for (int h = 0; h < 2; ++h) {
            const TokenHeatMap &map = *view.heads()[size_t(h)];
            QCOMPARE(map.rowLabels(), tokens);
            QCOMPARE(map.columnLabels(), tokens);
            QCOMPARE(map.rows(), int(tokens.size()));
            for (int i = 0; i < map.rows(); ++i)
                for (int j = 0; j < map.columns(); ++j) {
                    const float weight = weights[(int64_t(h) * 12 + i) * 12 + j];
                    QCOMPARE(map.value(i, j), weight);
                    QCOMPARE(map.cellColour(i, j), map.colour(weight));
                }
        }
        // The padding mask: a real token reads nothing from the padding, so its row sums to 1.
        double row = 0.0;
        for (int j = 0; j < view.heads()[0]->columns(); ++j)
            row += view.heads()[0]->value(0, j);
        QVERIFY(std::abs(row - 1.0) < 1e-5);
        // Another sample's record is not drawn.
        nn::TapRecord other = record;
        other.sample = 0;
        other.step += 1;
        view.addRecord(other);
        QCOMPARE(view.drawnStep(), record.step);
    }

    // The bidirectional GRU's hidden states, units × steps, each cell the tap's h[t, u], in colours
    // diverging around 0.
    void recurrentStateMapsAreTheTapsHiddenStates()
    {
        const Recorded recorded = recordSteps(testProject("words-attention-gru"), 1, 2);
        const nn::TapRecord &record = recorded.records.back();
        RecurrentStateView view;
        showLast(view, recorded, 2);
        const nn::NodeTap &gru = nodeNamed(record, "gru");
        QCOMPARE(gru.internals.size(), size_t(2));
        QCOMPARE(int(view.states().size()), 2);
        const QStringList tokens = realTokens(record, recorded.decoder);
        for (size_t s = 0; s < 2; ++s) {
            const nn::Tensor &state = gru.internals[s].value;  // [T, H]
            const TokenHeatMap &map = *view.states()[s];
            QCOMPARE(map.rows(), 12);
            QCOMPARE(map.columns(), int(tokens.size()));
            QCOMPARE(map.columnLabels(), tokens);
            for (int u = 0; u < map.rows(); ++u)
                for (int t = 0; t < map.columns(); ++t) {
                    const float h = state[int64_t(t) * 12 + u];
                    QCOMPARE(map.value(u, t), h);
                    const QColor colour = map.cellColour(u, t);
                    QVERIFY(h > 0.02f ? colour.red() > colour.blue() : h < -0.02f ? colour.blue() > colour.red() : true);
                }
        }
        QVERIFY(view.states()[1]->title().contains(QStringLiteral("backward")));
    }

    // Per token: the read token, the predicted class (the largest logit), right or wrong against the
    // target, and each step's loss as the engine computed it, drawn as a bar of that share.
    void tokenViewShowsEachStepsPredictionAndLoss()
    {
        const Recorded recorded = recordSteps(testProject("reverse-lstm"), 3, 1);
        const nn::TapRecord &record = recorded.records.back();
        QCOMPARE(record.stepLosses.size(), size_t(10));
        TokenView view;
        QVERIFY(view.shows(record));
        showLast(view, recorded, 1);
        const TokenStrip &strip = *view.strip();
        const nn::Tensor &logits = nodeNamed(record, "output").sampleActivation;  // [T, K]
        const nn::Tensor &ids = nodeNamed(record, "ids").sampleActivation;
        QCOMPARE(int(strip.steps().size()), 10);
        for (int t = 0; t < 10; ++t) {
            const TokenStrip::Step &step = strip.steps()[size_t(t)];
            Eigen::Index best = 0;
            logits.matrix().row(t).maxCoeff(&best);
            QCOMPARE(step.input, recorded.decoder.token(ids[t]));
            QCOMPARE(step.predicted, recorded.decoder.className(int(best)));
            QCOMPARE(step.target, recorded.decoder.className(int(record.sampleTarget[t])));
            QCOMPARE(step.right, float(best) == record.sampleTarget[t]);
            QCOMPARE(step.loss, record.stepLosses[size_t(t)]);
            QVERIFY(std::abs(strip.barRect(t).height() - step.loss / strip.lossScale() * 120.0) <= 1.0);
        }
        // Reversing: the target at step t is the symbol read at step T − 1 − t.
        QCOMPARE(strip.steps().front().target, strip.steps().back().input);
    }

    // The sequence tabs appear for a model that has what they show, and only then.
    void sequenceTabsAppearOnlyForSequenceModels()
    {
        InsidePanel panel;
        for (const QString &name : {QStringLiteral("attention"), QStringLiteral("recurrent-state"), QStringLiteral("tokens")})
            QVERIFY(InsidePanel::viewNames().contains(name));
        const auto visible = [&](QWidget *tab) { return panel.isTabVisible(panel.indexOf(tab)); };
        QVERIFY(!visible(panel.attention()) && !visible(panel.recurrentState()) && !visible(panel.tokens()));
        panel.addRecord(recordSteps(testProject("words-attention-gru"), 1, 0).records.back());
        QVERIFY(visible(panel.attention()) && visible(panel.recurrentState()) && !visible(panel.tokens()));
        SequenceFacts facts;
        facts.tokens = true;
        panel.setSequenceFacts(facts);
        QVERIFY(!visible(panel.attention()) && !visible(panel.recurrentState()) && visible(panel.tokens()));
        // One sample for all of them, and in the request.
        panel.recurrentState()->setSample(4);
        QCOMPARE(panel.sample(), 4);
        QCOMPARE(panel.attention()->sample(), 4);
        QVERIFY(panel.showView(QStringLiteral("attention")));
        QCOMPARE(panel.currentWidget(), static_cast<QWidget *>(panel.attention()));
    }

    // In the window, the attention tab of a prepared attention model shows, and draws the run's taps
    // as they come: the map changes during the run and ends on the last record of its sample.
    void attentionTabUpdatesDuringARun()
    {
        auto window = guitest::newWindow();
        nn::Project project = testProject("words-attention-gru");
        project.training.epochs = 100'000;  // still running after three taps, on any machine
        TrainingController *training = window->training();
        QSignalSpy prepared(training, &TrainingController::prepared);
        window->document()->setProject(project, {});
        QVERIFY(prepared.wait(40000));
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("inside"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        InsidePanel *panel = window->insidePanel();
        QTRY_VERIFY(panel->isTabVisible(panel->indexOf(panel->attention())));
        QVERIFY(!panel->isTabVisible(panel->indexOf(panel->tokens())));
        QVERIFY(panel->showView(QStringLiteral("attention")));
        QCOMPARE(panel->request()->sample, int64_t(0));
        QSignalSpy tapped(training, &TrainingController::tapsRecorded);
        training->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(panel->attention()->drawnStep() > 0, 40000);
        const int64_t first = panel->attention()->drawnStep();
        QTRY_VERIFY_WITH_TIMEOUT(panel->attention()->drawnStep() > first, 40000);
        training->stopAction()->trigger();
        QTRY_VERIFY(!training->isRunActive());
        const nn::TapRecord last = tapped.last().at(0).value<nn::TapRecord>();
        QTRY_COMPARE(panel->attention()->drawnStep(), last.step);
        const nn::Tensor &weights = nodeNamed(last, "attention").internals.at(0).value;
        const TokenHeatMap &head = *panel->attention()->heads().at(1);
        for (int i = 0; i < head.rows(); ++i)
            for (int j = 0; j < head.columns(); ++j)
                QCOMPARE(head.value(i, j), weights[(12 + i) * 12 + j]);
    }
};

QTEST_MAIN(GuiSequenceInsideTest)
#include "test_gui_sequence_inside.moc"
