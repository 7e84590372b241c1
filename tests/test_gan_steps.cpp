// A GAN's step kinds (issue 13): the Trainer's Step trains D's part, G's part or both, through the
// RunControl and the TrainingStep, and each part touches only its own network.
#include "layerrun.h"

#include "datasets/experiment.h"
#include "nn/adversarialstep.h"
#include "nn/gannoise.h"
#include "nn/project.h"
#include "nn/trainer.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using layerrun::bitwiseEqual;

namespace {

std::vector<nn::Tensor> weightsOf(nn::Model &model)
{
    std::vector<nn::Tensor> values;
    for (const nn::NamedParameter &p : model.parametersAndBuffers())
        values.push_back(p.parameter->value);
    return values;
}

bool sameWeights(const std::vector<nn::Tensor> &a, const std::vector<nn::Tensor> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!bitwiseEqual(a[i], b[i]))
            return false;
    return true;
}

// gan-ring as the window trains it: a paused trainer that trains only the steps it is allowed.
struct PausedRing {
    std::unique_ptr<datasets::Experiment> experiment;
    std::unique_ptr<nn::Trainer> trainer;

    explicit PausedRing(int discriminatorSteps = 1)
    {
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
        project.gan->discriminatorSteps = discriminatorSteps;
        project.training.threads = 1;
        experiment = std::make_unique<datasets::Experiment>(project);
        trainer = experiment->makeTrainer();
        trainer->setPaused(true);
    }
    nn::Model &g() { return experiment->model(); }
    nn::Model &d() { return experiment->discriminator(); }
    // Lets one step of `kind` through and trains it as a window's event loop does.
    void step(nn::StepKind kind)
    {
        trainer->stepOnce(kind);
        QCOMPARE(trainer->advance(std::chrono::milliseconds(0)), nn::Trainer::Progress::Paused);
        QCOMPARE(trainer->advance(std::chrono::milliseconds(0)), nn::Trainer::Progress::Paused);  // one only
    }
};

// Records every step's losses.
struct LossLog : nn::TrainingObserver {
    std::vector<nn::Measures> steps;
    void stepFinished(const nn::StepReport &report) override { steps.push_back(report.losses); }
};

double valueOf(const nn::Measures &measures, const std::string &name)
{
    for (const auto &[key, value] : measures)
        if (key == name)
            return value;
    return std::nan("");
}

} // namespace

class GanStepsTest : public QObject {
    Q_OBJECT

private slots:
    // "Step D only" trains D and leaves every weight of G bitwise as it was; it reports d_loss and
    // leaves g_loss unmeasured (NaN).
    void aDiscriminatorStepLeavesTheGeneratorBitwiseUnchanged()
    {
        PausedRing ring;
        LossLog log;
        ring.trainer->setObserver(&log);
        const auto g = weightsOf(ring.g()), d = weightsOf(ring.d());
        ring.step(nn::StepKind::Discriminator);
        QVERIFY2(sameWeights(g, weightsOf(ring.g())), "a D step changed G");
        QVERIFY2(!sameWeights(d, weightsOf(ring.d())), "a D step left D unchanged");
        QCOMPARE(ring.trainer->globalStep(), int64_t{1});
        QCOMPARE(log.steps.size(), size_t{1});
        QVERIFY2(std::isfinite(valueOf(log.steps[0], "d_loss")), "a D step reports its loss");
        QVERIFY2(std::isnan(valueOf(log.steps[0], "g_loss")), "a D step measures no g_loss");
    }

    // "Step G only" trains G through the frozen D and leaves every weight of D bitwise as it was.
    void aGeneratorStepLeavesTheDiscriminatorBitwiseUnchanged()
    {
        PausedRing ring;
        LossLog log;
        ring.trainer->setObserver(&log);
        const auto g = weightsOf(ring.g()), d = weightsOf(ring.d());
        ring.step(nn::StepKind::Generator);
        QVERIFY2(sameWeights(d, weightsOf(ring.d())), "a G step changed D");
        QVERIFY2(!sameWeights(g, weightsOf(ring.g())), "a G step left G unchanged");
        QVERIFY2(std::isnan(valueOf(log.steps[0], "d_loss")) && std::isfinite(valueOf(log.steps[0], "g_loss")),
                 "a G step reports g_loss only");
    }

    // With one D step per G step, D's part then G's part on the same batch and position are one
    // whole step, bitwise, in both networks.
    void aDStepThenAGStepEqualOneCombinedStep()
    {
        PausedRing parts, whole;
        nn::Tensor x, y;
        std::vector<int64_t> first(16);
        std::iota(first.begin(), first.end(), int64_t{0});
        parts.experiment->data().train->gather(first, x, y);
        const nn::RunContext ctx{true, 3, 7};
        nn::TrainingStep &split = parts.trainer->trainingStep();
        QVERIFY(split.hasParts());
        split.trainPart(x, y, ctx, nn::StepKind::Discriminator);
        split.trainPart(x, y, ctx, nn::StepKind::Generator);
        whole.trainer->trainingStep().trainPart(x, y, ctx, nn::StepKind::Both);
        QVERIFY2(sameWeights(weightsOf(parts.d()), weightsOf(whole.d())), "D differs from the combined step's");
        QVERIFY2(sameWeights(weightsOf(parts.g()), weightsOf(whole.g())), "G differs from the combined step's");
        QVERIFY2(!sameWeights(weightsOf(parts.g()), weightsOf(PausedRing().g())), "the steps trained nothing");
    }

    // Steps of different kinds queue in order: D, G, D trains D twice and G once.
    void stepsOfEachKindQueueInOrder()
    {
        PausedRing ring;
        LossLog log;
        ring.trainer->setObserver(&log);
        for (nn::StepKind kind : {nn::StepKind::Discriminator, nn::StepKind::Generator, nn::StepKind::Both})
            ring.trainer->stepOnce(kind);
        for (int calls = 0; ring.trainer->advance(std::chrono::seconds(1)) == nn::Trainer::Progress::Running; ++calls)
            QVERIFY2(calls < 3, "more steps than were allowed");
        QCOMPARE(log.steps.size(), size_t{3});
        QVERIFY(std::isnan(valueOf(log.steps[0], "g_loss")));
        QVERIFY(std::isnan(valueOf(log.steps[1], "d_loss")));
        QVERIFY(std::isfinite(valueOf(log.steps[2], "d_loss")) && std::isfinite(valueOf(log.steps[2], "g_loss")));
    }

    // An epoch's mean of each loss counts only the steps that measured it.
    void anEpochsLossesAverageTheStepsThatMeasuredThem()
    {
        PausedRing ring;
        nn::EpochReport epoch;
        struct Both : LossLog {
            nn::EpochReport *epoch;
            void epochFinished(const nn::EpochReport &report) override { *epoch = report; }
        } observer;
        observer.epoch = &epoch;
        ring.trainer->setObserver(&observer);
        const int64_t batches = ring.trainer->batchesPerEpoch();
        for (int64_t b = 0; b < batches; ++b)
            ring.trainer->step(b % 2 ? nn::StepKind::Generator : nn::StepKind::Discriminator);
        QCOMPARE(epoch.epoch, 1);
        double gSum = 0.0;
        int gSteps = 0;
        for (const nn::Measures &step : observer.steps)
            if (const double g = valueOf(step, "g_loss"); !std::isnan(g)) {
                gSum += g;
                ++gSteps;
            }
        QVERIFY(gSteps > 0);
        const double mean = valueOf(epoch.trainLosses, "g_loss");
        QVERIFY2(std::abs(mean - gSum / gSteps) < 0.05 * std::abs(mean) + 1e-6,
                 qPrintable(QString("g_loss's epoch mean %1, its steps' %2").arg(mean).arg(gSum / gSteps)));
    }

    // The views' noise is the step's: ganNoise is what AdversarialStep::noise draws.
    void theViewsNoiseIsTheSteps()
    {
        PausedRing ring;
        auto &step = dynamic_cast<nn::AdversarialStep &>(ring.trainer->trainingStep());
        const nn::Tensor a = step.noise(5, 11, 2, 1);
        const nn::Tensor b = nn::ganNoise(ring.g(), *ring.experiment->project().gan, 5, 11, 2, 1);
        QVERIFY(bitwiseEqual(a, b));
        QVERIFY(!bitwiseEqual(a, nn::ganNoise(ring.g(), *ring.experiment->project().gan, 5, 12, 2, 1)));
    }
};

QTEST_APPLESS_MAIN(GanStepsTest)
#include "test_gan_steps.moc"
