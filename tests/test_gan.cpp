// The GAN mode (issue 13): a GAN project's two networks in the file format, the adversarial
// trainer's settings and losses, the 2D mixtures, and gan-ring learning all eight modes.
#include "layerrun.h"

#include "datasets/classifierverdict.h"
#include "datasets/experiment.h"
#include "datasets/generatedsamples.h"
#include "datasets/mixturecoverage.h"
#include "datasets/mixtureset.h"
#include "nn/adversarialloss.h"
#include "nn/adversarialstep.h"
#include "nn/error.h"
#include "nn/gangraph.h"
#include "nn/gradientpenalty.h"
#include "nn/project.h"
#include "nn/random.h"
#include "nn/samplestatistics.h"
#include "nn/trainer.h"
#include "nn/weights.h"

#include <tbb/global_control.h>

#include <nlohmann/json.hpp>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <numeric>

using layerrun::bitwiseEqual;

namespace {

// G: noise [2] → Dense(8, tanh) → Dense(2); D: [2] → Dense(8, tanh) → Dense(1), tagged by network.
nn::Graph tinyGan()
{
    nn::Graph graph;
    const auto add = [&](const std::string &kind, const std::string &name, const std::string &network, nlohmann::json settings,
                         int from) {
        const int id = graph.addNode(kind, name);
        graph.node(id).network = network;
        graph.node(id).settings = nn::Settings::fromJson(graph.node(id).settings.spec(), settings);
        if (from > 0)
            graph.connect(from, id);
        return id;
    };
    int g = add("Input", "noise", "generator", {{"shape", {2}}}, 0);
    g = add("Dense", "g1", "generator", {{"units", 8}, {"activation", "tanh"}}, g);
    add("Dense", "g_out", "generator", {{"units", 2}}, g);
    int d = add("Input", "real", "discriminator", {{"shape", {2}}}, 0);
    d = add("Dense", "d1", "discriminator", {{"units", 8}, {"activation", "tanh"}}, d);
    add("Dense", "d_out", "discriminator", {{"units", 1}}, d);
    return graph;
}

nn::TrainingConfig sgd(double discriminatorRate)
{
    nn::TrainingConfig config;
    config.optimizer = "SGD";
    config.optimizerSettings = {{"lr", discriminatorRate}};
    return config;
}

std::vector<nn::Tensor> valuesOf(nn::Model &model)
{
    std::vector<nn::Tensor> values;
    for (const nn::NamedParameter &p : model.parametersAndBuffers())
        values.push_back(p.parameter->value);
    return values;
}

nn::Tensor ringBatch(int64_t n)
{
    const auto raw = datasets::MixtureSet::generate("ring", n, 0.1, 3);
    nn::Tensor x({n, 2});
    std::copy(raw.samples->inputs.begin(), raw.samples->inputs.end(), x.data());
    return x;
}

// gan-ring trained as the CLI trains it, with `seed`; returns the coverage of 2,000 samples.
datasets::MixtureCoverage trainGanRing(uint64_t seed, int threads, double &seconds)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
    project.training.seed = seed;
    project.training.threads = threads;
    datasets::Experiment experiment(project);
    const auto start = std::chrono::steady_clock::now();
    const nn::FinishReport result = experiment.makeTrainer()->run();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (result.reason != nn::FinishReport::Reason::Completed)
        qWarning("gan-ring did not complete: %s", result.message.c_str());
    nn::AdversarialStep step(experiment.model(), experiment.discriminator(), project.training, *project.gan);
    return datasets::MixtureCoverage::measure(step.generate(2000, 1), datasets::MixtureSet::centres("ring"), project.data.noise);
}

} // namespace

class TestGan : public QObject {
    Q_OBJECT

private slots:
    // A GAN project keeps both networks in one graph, each node tagged; saving and reading gives the
    // same text, and a one-network project's file has no tag and no "gan" section.
    void aGanProjectRoundTripsBothNetworks()
    {
        const nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
        QVERIFY(project.gan.has_value());
        QVERIFY(nn::isGanGraph(project.graph));
        const nn::GanGraphs gan = nn::splitGanGraph(project.graph);
        QCOMPARE(nn::generatorSampleShape(gan.generator), (nn::Shape{2}));
        QCOMPARE(nn::discriminatorInputShape(gan.discriminator), (nn::Shape{2}));
        const std::string text = nn::projectToText(project);
        QCOMPARE(nn::projectToText(nn::projectFromText(text, "again")), text);
        const std::string plain = nn::projectToText(nn::loadProject(datasets::resolveProjectPath("spiral")));
        QVERIFY2(plain.find("\"network\"") == std::string::npos && plain.find("\"gan\"") == std::string::npos, plain.c_str());
    }

    // Shape errors say which network they are in; a generator whose samples do not fit D's Input
    // gets both shapes named.
    void shapeErrorsNameTheNetwork()
    {
        nn::Graph graph = tinyGan();
        graph.node(graph.findByName("g_out")->id).settings.set("units", int64_t{3});
        try {
            nn::splitGanGraph(graph);
            QFAIL("a generator of [3] samples was accepted by a discriminator of [2]");
        } catch (const nn::ShapeError &e) {
            const std::string message = e.what();
            QVERIFY2(message.find("[3]") != std::string::npos && message.find("[2]") != std::string::npos, e.what());
            QVERIFY2(message.find("generator makes") != std::string::npos, e.what());
        }
        graph = tinyGan();
        graph.node(graph.findByName("g1")->id).network = "discriminator";
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, nn::splitGanGraph(graph));
        graph = tinyGan();
        const int reshape = graph.addNode("Reshape", "bad");
        graph.node(reshape).network = "generator";
        graph.node(reshape).settings.set("shape", std::vector<int64_t>{5});
        graph.connect(graph.findByName("g_out")->id, reshape);
        try {
            nn::splitGanGraph(graph);
            QFAIL("a Reshape of 2 values into 5 was accepted");
        } catch (const nn::ShapeError &e) {
            QVERIFY2(std::string(e.what()).starts_with("generator: "), e.what());
        }
    }

    // The real data must fit too: gan-ring's discriminator on the 64-pixel digits names both shapes.
    void realDataOfAnotherShapeIsNamed()
    {
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
        project.data.source = "digits";
        project.data.scaling = "auto";
        try {
            datasets::Experiment experiment(project);
            QFAIL("digits were accepted by a discriminator of [2]");
        } catch (const nn::ShapeError &e) {
            const std::string message = e.what();
            QVERIFY2(message.find("[1, 8, 8]") != std::string::npos && message.find("[2]") != std::string::npos, e.what());
        }
    }

    void theGeneratorsGradientThroughDMatchesFiniteDifferences_data()
    {
        QTest::addColumn<QString>("loss");
        for (const char *loss : {"minimax", "non-saturating", "least-squares", "wasserstein-gp"})
            QTest::newRow(loss) << loss;
    }

    // One G step with SGD at rate 1 moves G's weights by −∂g_loss/∂θ; that gradient, which reaches G
    // through the frozen D, matches central differences of g_loss for each loss.
    void theGeneratorsGradientThroughDMatchesFiniteDifferences()
    {
        QFETCH(QString, loss);
        const nn::GanGraphs graphs = nn::splitGanGraph(tinyGan());
        nn::Model g(graphs.generator, 4, "generator"), d(graphs.discriminator, 4, "discriminator");
        nn::GanConfig gan;
        gan.loss = loss.toStdString();
        gan.generatorOptimizer = "SGD";
        gan.generatorOptimizerSettings = {{"lr", 1.0}};
        nn::AdversarialStep step(g, d, sgd(0.0), gan);
        const int64_t n = 16;
        const nn::RunContext ctx{true, 9, 5};
        const std::vector<nn::Tensor> before = valuesOf(g);
        step.stepGenerator(n, ctx);
        const std::vector<nn::Tensor> after = valuesOf(g);
        const nn::Tensor z = step.noise(n, ctx.seed, ctx.step, 1);
        const nn::AdversarialLoss adversarial(gan.loss, 0.0);
        const auto gLoss = [&] {
            nn::Pass made, judged;
            g.infer(made, {&z});
            d.infer(judged, {&made.output()});
            nn::Tensor unused;
            return adversarial.generator(judged.output(), unused);
        };
        const auto parameters = g.parametersAndBuffers();
        for (size_t p = 0; p < parameters.size(); ++p)
            parameters[p].parameter->value = before[p];  // differences around the weights the step started from
        for (size_t p = 0; p < parameters.size(); ++p) {
            nn::Tensor &value = parameters[p].parameter->value;
            for (int64_t i = 0; i < value.size(); ++i) {
                const float h = 1e-2f, kept = value[i];
                value[i] = kept + h;
                const double up = gLoss();
                value[i] = kept - h;
                const double down = gLoss();
                value[i] = kept;
                const double numeric = (up - down) / (2.0 * h), analytic = before[p][i] - after[p][i];
                QVERIFY2(std::abs(numeric - analytic) <= 2e-3 + 2e-2 * std::abs(numeric),
                         qPrintable(QString("%1[%2]: finite differences %3, the step %4")
                                        .arg(parameters[p].name.c_str()).arg(i).arg(numeric).arg(analytic)));
            }
        }
    }

    // A G step leaves every weight of D bitwise as it was, and changes G.
    void theDiscriminatorIsBitwiseUnchangedWhileGSteps()
    {
        const nn::GanGraphs graphs = nn::splitGanGraph(tinyGan());
        nn::Model g(graphs.generator, 4, "generator"), d(graphs.discriminator, 4, "discriminator");
        nn::TrainingConfig config;
        config.optimizer = "Adam";
        nn::AdversarialStep step(g, d, config);
        step.stepDiscriminator(ringBatch(32), {true, 1, 0});
        const std::vector<nn::Tensor> dBefore = valuesOf(d), gBefore = valuesOf(g);
        step.stepGenerator(32, {true, 1, 1});
        const std::vector<nn::Tensor> dAfter = valuesOf(d), gAfter = valuesOf(g);
        for (size_t i = 0; i < dBefore.size(); ++i)
            QVERIFY2(bitwiseEqual(dBefore[i], dAfter[i]), "a G step changed D");
        QVERIFY2(!bitwiseEqual(gBefore.front(), gAfter.front()), "a G step left G unchanged");
    }

    // The gradient penalty's gradient (a central difference of D's parameter gradient along ∇x D)
    // matches central differences of the penalty itself: WGAN-GP's (centred on 1) and the zero-centred one.
    void theGradientPenaltysGradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<double>("centre");
        QTest::newRow("wasserstein-gp") << 1.0;
        QTest::newRow("zero-centred") << 0.0;
    }

    void theGradientPenaltysGradientMatchesFiniteDifferences()
    {
        QFETCH(double, centre);
        const nn::GanGraphs graphs = nn::splitGanGraph(tinyGan());
        nn::Model d(graphs.discriminator, 6, "discriminator");
        const nn::Tensor real = ringBatch(8);
        nn::Tensor fake({8, 2});
        nn::Rng rng(5);
        for (int64_t i = 0; i < fake.size(); ++i)
            fake[i] = rng.normal();
        nn::GradientPenalty penalty;
        const nn::RunContext ctx{true, 2, 3};
        d.zeroGrad();
        penalty.addGradient(d, real, fake, 10.0, ctx, 0, centre);
        // The same points x̂ as addGradient drew: ε from its keyed stream.
        nn::Tensor mixed({8, 2});
        nn::Rng mix = nn::Rng::keyed(ctx.seed, "penalty/discriminator", ctx.step, 0);
        for (int64_t i = 0; i < 8; ++i) {
            const float e = mix.uniform();
            for (int64_t f = 0; f < 2; ++f)
                mixed[2 * i + f] = e * real[2 * i + f] + (1.0f - e) * fake[2 * i + f];
        }
        nn::GradientPenalty probe;
        for (const nn::NamedParameter &p : d.parameters()) {
            nn::Tensor &value = p.parameter->value;
            for (int64_t i = 0; i < value.size(); ++i) {
                const float h = 1e-2f, kept = value[i];
                value[i] = kept + h;
                const double up = probe.value(d, mixed, 10.0, ctx, centre);
                value[i] = kept - h;
                const double down = probe.value(d, mixed, 10.0, ctx, centre);
                value[i] = kept;
                const double numeric = (up - down) / (2.0 * h), analytic = p.parameter->grad[i];
                QVERIFY2(std::abs(numeric - analytic) <= 2e-2 + 3e-2 * std::abs(numeric),
                         qPrintable(QString("%1[%2]: finite differences %3, the penalty's gradient %4")
                                        .arg(p.name.c_str()).arg(i).arg(numeric).arg(analytic)));
            }
        }
    }

    // The same seed gives bitwise the same GAN on 1, 2 and 16 threads (gan-ring's zero-centred
    // penalty included).
    void aGanRunIsBitwiseEqualOn1_2And16Threads()
    {
        std::vector<std::vector<nn::Tensor>> runs;
        // oneTBB keeps one thread per core; this lets the run have 16 on a machine of 2.
        const tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 16);
        for (int threads : {1, 2, 16}) {
            nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
            project.training.threads = threads;
            project.training.epochs = 2;
            datasets::Experiment experiment(project);
            const auto trainer = experiment.makeTrainer();
            QCOMPARE(trainer->arena().threads(), threads);
            trainer->run();
            std::vector<nn::Tensor> weights = valuesOf(experiment.model());
            for (const nn::Tensor &t : valuesOf(experiment.discriminator()))
                weights.push_back(t);
            runs.push_back(std::move(weights));
        }
        for (size_t run = 1; run < runs.size(); ++run)
            for (size_t i = 0; i < runs[0].size(); ++i)
                QVERIFY2(bitwiseEqual(runs[0][i], runs[run][i]), qPrintable(QString("run %1, tensor %2").arg(run).arg(i)));
    }

    // A run that blows up ends as diverged, with a message, instead of crashing.
    void divergenceIsReportedNotCrashedOn()
    {
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
        project.training.optimizer = "SGD";
        project.training.optimizerSettings = {{"lr", 10.0}};
        project.gan->loss = "wasserstein-gp";
        project.gan->gradientPenalty = 0.0;
        project.training.epochs = 20;
        datasets::Experiment experiment(project);
        const nn::FinishReport result = experiment.makeTrainer()->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Diverged));
        QVERIFY2(!result.message.empty(), "no message");
    }

    // The data section's "class" keeps one class (by name or number) and says which others exist.
    void oneClassOfASetCanBeKept()
    {
        nn::DataSpec spec;
        spec.source = "digits";
        spec.onlyClass = "3";
        const datasets::LoadedData data = datasets::load(spec, 1);
        std::vector<int64_t> all(static_cast<size_t>(data.train->size()));
        std::iota(all.begin(), all.end(), int64_t{0});
        nn::Tensor x, y;
        data.train->gather(all, x, y);
        QVERIFY2(data.train->size() > 100, "about a tenth of 1,797 digits are threes");
        QVERIFY2((y.array() == 3.0f).all(), "a digit other than 3 was kept");
        spec.onlyClass = "eleven";
        try {
            datasets::load(spec, 1);
            QFAIL("a class the set does not have was accepted");
        } catch (const nn::SettingError &e) {
            QVERIFY2(std::string(e.what()).find("'eleven'") != std::string::npos, e.what());
        }
    }

    // The epoch's measures: energy distance 0 for a set against itself and large against a shifted
    // copy; a collapsed set has spread 0.
    void energyDistanceAndSpreadMeasureTheSamples()
    {
        const nn::Tensor ring = ringBatch(400);
        QVERIFY(std::abs(nn::energyDistance(ring, ring)) < 1e-9);
        nn::Tensor shifted = ring;
        for (int64_t i = 0; i < shifted.size(); i += 2)
            shifted[i] += 3.0f;
        QVERIFY(nn::energyDistance(ring, shifted) > 1.0);
        nn::Tensor collapsed({400, 2}, 1.5f);
        QCOMPARE(nn::meanFeatureStd(collapsed), 0.0);
        QVERIFY(nn::meanFeatureStd(ring) > 1.0);
    }

    // gan-ring, trained as layerlab-cli trains it, puts 80% of 2,000 samples within 3σ of a mode
    // and at least 5% in each of the 8 modes (the bar; scripts/gan-ring-seeds measures it
    // for seeds 1 to 5 through the CLI, and all 5 hold since the zero-centred penalty and cosine schedule,
    // at 300 epochs and at the 200 the example trains).
    void ganRingCoversAllEightModes()
    {
        if (LAYERLAB_SANITIZED)
            QSKIP("200 epochs of gan-ring take minutes under the sanitizers; the other GAN tests run its steps");
        double seconds = 0.0;
        const datasets::MixtureCoverage coverage = trainGanRing(1, 0, seconds);
        QString shares;
        for (double share : coverage.perMode)
            shares += QString::number(100.0 * share, 'f', 1) + "% ";
        qInfo("gan-ring seed 1: %.1f s, modes %s, near a mode %.1f%%", seconds, qPrintable(shares), 100.0 * coverage.nearAnyMode);
        QVERIFY2(coverage.modesHolding(0.05) == 8, qPrintable("mode shares: " + shares));
        QVERIFY2(coverage.nearAnyMode >= 0.8, qPrintable(QString::number(coverage.nearAnyMode)));
    }

    // gan-digits, trained as layerlab-cli trains it (400 epochs, a few seconds of CPU), makes digits
    // that a separately trained classifier (tests/fixtures/digits-classifier, 98% on the digits' test
    // split) recognises: all 10 digits among the samples it is sure of (p > 0.9), and it is sure of
    // at least 60% of 1,000, the bar. Seed 1 gives 65.0%, seeds 1–5 63.7–66.4% (docs/gan.md).
    void ganDigitsIsRecognisedByTheDigitClassifier()
    {
        if (LAYERLAB_SANITIZED)
            QSKIP("400 epochs of gan-digits take minutes under the sanitizers; the other GAN tests run its steps");
        datasets::Experiment gan(nn::loadProject(datasets::resolveProjectPath("gan-digits")));
        const nn::FinishReport result = gan.makeTrainer()->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Completed));
        const std::string fixture = std::string(LAYERLAB_FIXTURES_DIR) + "/digits-classifier.layerlab.json";
        datasets::Experiment classifier(nn::loadProject(fixture));
        nn::loadWeights(classifier.models(), nn::weightsPathFor(fixture));
        const auto verdict = datasets::ClassifierVerdict::judge(classifier, datasets::generatedSamplesInDataUnits(gan, 1000, 1));
        QString perClass;
        for (int64_t n : verdict.confidentPerClass)
            perClass += QString::number(n) + " ";
        qInfo("gan-digits: the classifier is sure of %.1f%% of 1,000 samples; per digit %s", 100.0 * verdict.confidentShare(),
              qPrintable(perClass));
        QVERIFY2(verdict.confidentShare() >= 0.6, qPrintable(QString::number(verdict.confidentShare())));
        QCOMPARE(verdict.classesSeen(), 10);
    }

    // The classifier check names what is wrong: a GAN is no classifier, and samples must fit.
    void theClassifierCheckRejectsWhatItCannotJudge()
    {
        const std::string fixture = std::string(LAYERLAB_FIXTURES_DIR) + "/digits-classifier.layerlab.json";
        datasets::Experiment classifier(nn::loadProject(fixture));
        try {
            datasets::ClassifierVerdict::judge(classifier, ringBatch(10));
            QFAIL("points of 2 values were judged by a classifier of 8×8 images");
        } catch (const nn::SettingError &e) {
            QVERIFY2(std::string(e.what()).find("[1, 8, 8]") != std::string::npos, e.what());
        }
        datasets::Experiment ring(nn::loadProject(datasets::resolveProjectPath("gan-ring")));
        QVERIFY_EXCEPTION_THROWN(datasets::ClassifierVerdict::judge(ring, ringBatch(10)), nn::SettingError);
    }
};

QTEST_GUILESS_MAIN(TestGan)
#include "test_gan.moc"
