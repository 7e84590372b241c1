// The PyTorch script of a GAN project, run by Debian's python3-torch: its Generator gives LayerLab's
// samples on the same noise, one adversarial step from the same weights, real batch, noise and
// penalty mixes updates both networks as LayerLab's AdversarialStep does (every loss kind), and the
// script that `layerlab-cli export` writes trains for an epoch and writes samples LayerLab can reopen.
#include "pytorchscripttest.h"

#include "datasets/experiment.h"
#include "nn/adversarialstep.h"
#include "nn/atomicfile.h"
#include "nn/export/pytorchexport.h"
#include "nn/export/pytorchgan.h"
#include "nn/project.h"
#include "nn/random.h"
#include "nn/safetensors.h"
#include "nn/weights.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <numeric>

using namespace pytorchtest;

namespace {

const QString kPython = "/usr/bin/python3";
constexpr double kTolerance = 1e-4;
constexpr int64_t kBatch = 16;

std::string examplePath(const std::string &name)
{
    return std::string(LAYERLAB_SOURCE_DIR) + "/resources/examples/" + name + ".layerlab.json";
}

// Imports the exported script as a module, then: G on the noise "z" → generated.safetensors; one
// adversarial_step on "real" with LayerLab's noises and mixes → both networks' weights to after.safetensors.
const char *kDriver = R"PY(import importlib.util
import sys

spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)
inputs = script.read_safetensors(sys.argv[2])
gan = script.build_gan(sys.argv[1][:-3] + ".safetensors")
script.write_safetensors({"generated": gan.generator(inputs["z"])}, sys.argv[3] + "/generated.safetensors")
d_optimizer = script.make_optimizer(gan.discriminator)
g_optimizer = script.make_generator_optimizer(gan.generator)
k = script.D_STEPS
script.adversarial_step(gan, d_optimizer, g_optimizer, inputs["real"], [inputs[f"d_noise{i}"] for i in range(k)],
                        inputs["g_noise"], [inputs[f"mix{i}"] for i in range(k)])
script.save_weights(gan, sys.argv[3] + "/after.safetensors")
)PY";

// Every tensor of `expected` is in `got` with its values within the tolerance; else a message naming it.
QString compareTensors(const nn::TensorMap &expected, const nn::TensorMap &got)
{
    if (expected.size() != got.size())
        return QString("%1 tensors, expected %2").arg(got.size()).arg(expected.size());
    for (const auto &[name, tensor] : expected) {
        const auto found = got.find(name);
        if (found == got.end() || found->second.shape() != tensor.shape())
            return QString::fromStdString(name + " is missing or has another shape");
        for (int64_t i = 0; i < tensor.size(); ++i)
            if (std::abs(double(tensor[i]) - double(found->second[i])) > kTolerance)
                return QString::fromStdString(name) + QString("[%1]: LayerLab %2, PyTorch %3").arg(i).arg(tensor[i]).arg(found->second[i]);
    }
    return {};
}

// The first kBatch real samples, as the discriminator reads them.
nn::Tensor realBatch(const datasets::Experiment &experiment, nn::Tensor &targets)
{
    std::vector<int64_t> rows(kBatch);
    std::iota(rows.begin(), rows.end(), int64_t{0});
    nn::Tensor x;
    experiment.split("train").gather(rows, x, targets);
    return x;
}

} // namespace

class ExportPytorchGanTest : public QObject {
    Q_OBJECT

private slots:
    void oneStepMatchesLayerLab_data();
    void oneStepMatchesLayerLab();
    void theCliExportTrainsAnEpochAndWritesSamples_data();
    void theCliExportTrainsAnEpochAndWritesSamples();
    void theScriptNamesBothNetworksAndTheLoop();
};

void ExportPytorchGanTest::oneStepMatchesLayerLab_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("loss");
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<int>("discriminatorSteps");
    QTest::addColumn<double>("smoothing");
    // The examples as they train, then every loss with plain SGD, whose update shows any gradient error
    // (Adam's first steps move each weight by about ±lr whatever its gradient's size, so float rounding
    // of a gradient near 0 may flip it: with WGAN-GP's large penalty that happens within a few steps).
    QTest::newRow("gan-ring") << "gan-ring" << "" << "" << 0 << -1.0;
    // gan-digits as shipped trains with Adam and a zero-centred penalty on D's 64-pixel inputs: the
    // penalty's central difference (LayerLab's, which the script copies) crosses LeakyReLU kinks
    // where the two sides' float rounding differs, and Adam turns such a near-zero gradient into a
    // full step (1.5e-3 on one of 8,192 weights). Its penalty is checked with plain SGD.
    QTest::newRow("gan-digits, SGD") << "gan-digits" << "" << "SGD" << 0 << -1.0;
    QTest::newRow("minimax, SGD, 2 D steps") << "gan-ring" << "minimax" << "SGD" << 2 << 0.0;
    QTest::newRow("non-saturating, SGD, smoothing") << "gan-ring" << "non-saturating" << "SGD" << 1 << 0.2;
    QTest::newRow("least-squares, SGD, smoothing") << "gan-ring" << "least-squares" << "SGD" << 1 << 0.1;
    QTest::newRow("least-squares, Adam") << "gan-digits" << "least-squares" << "" << 1 << 0.0;
    QTest::newRow("wasserstein-gp, SGD") << "gan-ring" << "wasserstein-gp" << "SGD" << 1 << 0.0;
    QTest::newRow("wasserstein-gp, SGD, 2 D steps") << "gan-digits" << "wasserstein-gp" << "SGD" << 2 << 0.0;
}

// (a) G on fixed noise and (b) one D step and one G step, from LayerLab's weights after a few steps.
void ExportPytorchGanTest::oneStepMatchesLayerLab()
{
    QFETCH(QString, example);
    QFETCH(QString, loss);
    QFETCH(QString, optimizer);
    QFETCH(int, discriminatorSteps);
    QFETCH(double, smoothing);
    nn::Project project = nn::loadProject(examplePath(example.toStdString()));
    nn::GanConfig &gan = *project.gan;
    if (!loss.isEmpty())
        gan.loss = loss.toStdString();
    if (!optimizer.isEmpty()) {
        project.training.optimizer = optimizer.toStdString();
        project.training.optimizerSettings = {{"lr", 0.01}};
    }
    if (discriminatorSteps > 0)
        gan.discriminatorSteps = discriminatorSteps;
    if (smoothing >= 0.0)
        gan.labelSmoothing = smoothing;
    datasets::Experiment experiment(project);
    {
        auto trainer = experiment.makeTrainer();  // a few steps: no weight is at its start
        for (int i = 0; i < 3; ++i)
            trainer->step();
    }
    QTemporaryDir folder;
    const QString script = folder.path() + "/gan.py";
    nn::exportPytorchGan(experiment.model(), experiment.discriminator(), experiment.split("train"), experiment.exportInfo(),
                         script.toStdString());

    nn::AdversarialStep step(experiment.model(), experiment.discriminator(), project.training, gan);
    nn::Tensor targets;
    const nn::Tensor real = realBatch(experiment, targets);
    const uint64_t seed = project.training.seed;
    nn::TensorMap inputs{{"real", real}, {"z", step.noise(kBatch, 99, 0, 0)}, {"g_noise", step.noise(kBatch, seed, 0, uint64_t(gan.discriminatorSteps))}};
    for (int k = 0; k < gan.discriminatorSteps; ++k) {
        inputs["d_noise" + std::to_string(k)] = step.noise(kBatch, seed, 0, uint64_t(k));
        nn::Tensor mix({kBatch});  // the penalty's ε per sample, drawn as GradientPenalty draws it
        nn::Rng rng = nn::Rng::keyed(seed, "penalty/" + experiment.discriminator().key(), 0, uint64_t(k));
        for (int64_t i = 0; i < kBatch; ++i)
            mix[i] = rng.uniform();
        inputs["mix" + std::to_string(k)] = mix;
    }
    nn::Pass pass;
    experiment.model().infer(pass, {&inputs.at("z")});
    const nn::TensorMap generated{{"generated", pass.output()}};
    const nn::StepOutcome outcome = step.train(real, targets, nn::RunContext{true, seed, 0, 0});
    QVERIFY2(outcome.problem.empty(), outcome.problem.c_str());

    nn::saveSafetensors((folder.path() + "/inputs.safetensors").toStdString(), inputs);
    nn::writeFileAtomically((folder.path() + "/driver.py").toStdString(), kDriver);
    const Run result = run(kPython, {folder.path() + "/driver.py", script, folder.path() + "/inputs.safetensors", folder.path()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));

    const QString samples = compareTensors(generated, nn::loadSafetensors((folder.path() + "/generated.safetensors").toStdString()).tensors);
    QVERIFY2(samples.isEmpty(), qPrintable("the generator's samples differ: " + samples));
    const std::string expected = (folder.path() + "/layerlab.safetensors").toStdString();
    nn::saveWeights(experiment.models(), expected);
    const QString weights = compareTensors(nn::loadSafetensors(expected).tensors,
                                           nn::loadSafetensors((folder.path() + "/after.safetensors").toStdString()).tensors);
    QVERIFY2(weights.isEmpty(), qPrintable("the weights after one step differ: " + weights));
}

void ExportPytorchGanTest::theCliExportTrainsAnEpochAndWritesSamples_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("samples");
    QTest::newRow("gan-ring") << "gan-ring" << "samples.csv";
    QTest::newRow("gan-digits") << "gan-digits" << "samples.png";
}

// (c) layerlab-cli export … --format pytorch; the script trains an epoch, LayerLab reopens its weights.
void ExportPytorchGanTest::theCliExportTrainsAnEpochAndWritesSamples()
{
    QFETCH(QString, example);
    QFETCH(QString, samples);
    QTemporaryDir folder;
    const QString project = folder.path() + "/" + example + ".layerlab.json";
    const Run trained = run(LAYERLAB_CLI, {"train", example, "--epochs", "1", "--out", project});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.output));
    const QString script = folder.path() + "/exported/" + example + ".py";
    QVERIFY(QDir(folder.path()).mkpath("exported"));
    const Run exported = run(LAYERLAB_CLI, {"export", project, "--format", "pytorch", "--out", script});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.output));
    QVERIFY2(exported.output.contains("both networks and the adversarial loop"), qPrintable(exported.output));
    QVERIFY(QFile::exists(folder.path() + "/exported/" + example + "-real.safetensors"));
    // The script's weights are the trained project's, both networks.
    QVERIFY(nn::readFile((folder.path() + "/exported/" + example + ".safetensors").toStdString()) ==
            nn::readFile((folder.path() + "/" + example + ".safetensors").toStdString()));

    const QString after = folder.path() + "/after.safetensors";
    const Run epoch = run(kPython, {script, "train", "--epochs", "1", "--out", after, "--samples", folder.path() + "/" + samples}, 300);
    QVERIFY2(epoch.exitCode == 0, qPrintable(epoch.output));
    QVERIFY2(epoch.output.contains("epoch 1/1: d_loss"), qPrintable(epoch.output));
    datasets::Experiment reopened(nn::loadProject(project.toStdString()));
    nn::loadWeights(reopened.models(), after.toStdString());  // every tensor of both, with LayerLab's shapes
    QVERIFY(QFileInfo(folder.path() + "/" + samples).size() > 100);
    const Run drawn = run(kPython, {script, "sample", "--count", "9", "--out", folder.path() + "/nine.csv"});
    QVERIFY2(drawn.exitCode == 0, qPrintable(drawn.output));
    QFile csv(folder.path() + "/nine.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll()).trimmed().split('\n').size(), 10);  // a header and 9 samples
}

// The script a GAN's graph gives (the Code dock's too): both classes, the loss and the loop.
void ExportPytorchGanTest::theScriptNamesBothNetworksAndTheLoop()
{
    const nn::Project project = nn::loadProject(examplePath("gan-ring"));
    nn::ExportInfo info;
    info.name = project.name;
    info.training = project.training;
    info.gan = project.gan;
    const std::string text = nn::pytorchScript(project.graph, info, "gan-ring.safetensors");
    for (const char *part : {"class Generator(nn.Module):", "class Discriminator(nn.Module):", "self.g_out = nn.Linear(64, 2)",
                             "self.d_out = nn.Linear(64, 1)", "LOSS = \"non-saturating\"", "NOISE = \"uniform\"",
                             "ZERO_CENTRED_PENALTY = 0.1", "REAL_DATA = \"gan-ring-real.safetensors\"",
                             "def make_generator_optimizer(net):", "CosineAnnealingLR", "def adversarial_step("})
        QVERIFY2(text.find(part) != std::string::npos, part);
    QVERIFY(text == nn::pytorchScript(project.graph, info, "gan-ring.safetensors"));
}

QTEST_GUILESS_MAIN(ExportPytorchGanTest)
#include "test_export_pytorch_gan.moc"
