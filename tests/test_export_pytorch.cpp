// The PyTorch script exporter: every layer kind has a writer; the script, run by Debian's
// python3-torch, predicts what LayerLab predicts (within 1e-4), trains (one step lowers the loss,
// LayerLab reopens the weights), runs under torchrun on two processes, and is the same bytes twice.
#include "everykindgraph.h"
#include "imagefolderproject.h"
#include "pytorchscripttest.h"

#include "datasets/datasets.h"
#include "datasets/experiment.h"
#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/export/pytorchexport.h"
#include "nn/export/lossexport.h"
#include "nn/export/pytorchlayers.h"
#include "nn/loss.h"
#include "nn/project.h"
#include "nn/registry.h"
#include "nn/weights.h"

#include <QtTest>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <filesystem>
#include <set>

using namespace pytorchtest;

namespace {

const QString kPython = "/usr/bin/python3";
const QString kTorchrun = "/usr/bin/torchrun";
constexpr double kTolerance = 1e-4;

std::string examplePath(const std::string &name)
{
    return std::string(LAYERLAB_SOURCE_DIR) + "/resources/examples/" + name + ".layerlab.json";
}

// Random points [2] in two classes, the every-kind graph's input and output.
class RandomPoints : public nn::BatchSource {
public:
    RandomPoints() : x_({32, 2})
    {
        nn::Rng rng(7);
        for (int64_t i = 0; i < x_.size(); ++i)
            x_.data()[i] = rng.normal();
    }
    int64_t size() const override { return 32; }
    nn::Shape sampleShape() const override { return {2}; }
    nn::Shape targetShape() const override { return {}; }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        x.resize({int64_t(indices.size()), 2});
        y.resize({int64_t(indices.size())});
        for (size_t i = 0; i < indices.size(); ++i) {
            std::copy_n(x_.data() + indices[i] * 2, 2, x.data() + i * 2);
            y.data()[i] = float(indices[i] % 2);
        }
    }

private:
    nn::Tensor x_;
};

// Writes the script and its weights into `folder`; returns the script's path.
QString exportTo(const QString &folder, nn::Model &model, const nn::ExportInfo &info)
{
    const std::string stem = (folder + "/net").toStdString();
    nn::saveWeights(model, stem + ".safetensors");
    nn::writeFileAtomically(stem + ".py", nn::pytorchScript(model.graph(), info, "net.safetensors"));
    return QString::fromStdString(stem + ".py");
}

// Compares the script's `predict` on `csv` with LayerLab's outputs read through the same CSV.
void comparePredictions(const QString &script, const QString &csv, const nn::Tensor &expected, const QStringList &extra = {})
{
    const Run result = run(kPython, QStringList{script, "predict", csv} + extra);
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const int64_t columns = expected.size() / expected.dim(0);
    const auto rows = predictions(result.standardOutput, int(columns));
    QCOMPARE(int64_t(rows.size()), expected.dim(0));
    for (int64_t i = 0; i < expected.dim(0); ++i)
        for (int64_t c = 0; c < columns; ++c) {
            const double want = expected.data()[i * columns + c], got = rows[size_t(i)].at(size_t(c));
            QVERIFY2(std::abs(want - got) <= kTolerance,
                     qPrintable(QString("row %1 column %2: LayerLab %3, PyTorch %4").arg(i).arg(c).arg(want).arg(got)));
        }
}

// LayerLab's readable outputs (as `layerlab-cli predict` prints them) for the rows of a CSV file.
nn::Tensor layerlabPredictions(datasets::Experiment &experiment, const std::string &csv)
{
    const nn::Tensor x = datasets::readFeatures(csv, experiment.data().info);
    const nn::Tensor &out = experiment.model().forward(x, nn::RunContext{});
    const nn::Tensor values = experiment.probabilities(out);
    return values;
}

// An example project trained for a few steps, so no weight and no running statistic is at its start.
std::unique_ptr<datasets::Experiment> brieflyTrained(const std::string &name)
{
    auto experiment = std::make_unique<datasets::Experiment>(nn::loadProject(examplePath(name)));
    auto trainer = experiment->makeTrainer();
    for (int i = 0; i < 5; ++i)
        trainer->step();
    return experiment;
}

} // namespace

class ExportPytorchTest : public QObject {
    Q_OBJECT

private slots:
    void everyRegisteredKindHasAWriter();
    void everyRegisteredLossHasAWriter();
    void anUnknownKindIsRefusedByName();
    void aNodeNameThatCannotNameASubmoduleIsRefused();
    void exportingTwiceGivesTheSameBytes();
    void theCliWritesTheScriptAndItsWeights();
    void everyKindPredictsAsLayerLab();
    void weightDecayAppliesToTheParametersTheEngineDecays();
    void examplesPredictAsLayerLab_data();
    void examplesPredictAsLayerLab();
    void oneTrainingStepLowersTheLossAndLayerLabReopensTheWeights();
    void torchrunTrainsAnEpochOnTwoProcesses();
    void picturesPredictAsLayerLab_data();
    void picturesPredictAsLayerLab();
};

void ExportPytorchTest::everyRegisteredKindHasAWriter()
{
    for (const std::string &kind : nn::layerRegistry().kinds())
        QVERIFY2(nn::hasPytorchWriter(kind), qPrintable("no PyTorch writer for the layer kind " + QString::fromStdString(kind)));
    std::set<std::string> used;
    const nn::Graph graph = testgraphs::everyKindGraph();
    for (const nn::Node &node : graph.nodes())
        used.insert(node.kind);
    for (const std::string &kind : nn::layerRegistry().kinds())
        QVERIFY2(used.count(kind), qPrintable("the every-kind graph lacks " + QString::fromStdString(kind)));
}

void ExportPytorchTest::everyRegisteredLossHasAWriter()
{
    for (const std::string &kind : nn::lossRegistry().kinds())
        QVERIFY2(nn::lossExport(kind), qPrintable("no PyTorch writer for the loss " + QString::fromStdString(kind)));
}

void ExportPytorchTest::anUnknownKindIsRefusedByName()
{
    nn::Node node;
    node.name = "mystery1";
    node.kind = "Mystery";
    try {
        nn::pytorchNode(node, {});
        QFAIL("an unknown kind was exported");
    } catch (const nn::Error &error) {
        QVERIFY2(QString(error.what()).contains("Mystery") && QString(error.what()).contains("mystery1"), error.what());
    }
}

void ExportPytorchTest::aNodeNameThatCannotNameASubmoduleIsRefused()
{
    nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {3}}}}, {"Dense", {{"units", 2}}}});
    graph.node(graph.nodes().back().id).name = "forward";
    QVERIFY_THROWS_EXCEPTION(nn::Error, nn::pytorchScript(graph, nn::ExportInfo{}, "net.safetensors"));
    graph.node(graph.nodes().back().id).name = "dense-1";  // not an identifier, but a fine submodule name
    const std::string script = nn::pytorchScript(graph, nn::ExportInfo{}, "net.safetensors");
    QVERIFY(script.find("self.add_module(\"dense-1\", nn.Linear(3, 2))") != std::string::npos);
}

void ExportPytorchTest::exportingTwiceGivesTheSameBytes()
{
    const std::string first = nn::pytorchScript(brieflyTrained("iris")->project().graph,
                                                datasets::Experiment(nn::loadProject(examplePath("iris"))).exportInfo(), "iris.safetensors");
    const std::string second = nn::pytorchScript(brieflyTrained("iris")->project().graph,
                                                 datasets::Experiment(nn::loadProject(examplePath("iris"))).exportInfo(), "iris.safetensors");
    QVERIFY(!first.empty());
    QVERIFY(first == second);
}

void ExportPytorchTest::theCliWritesTheScriptAndItsWeights()
{
    auto experiment = brieflyTrained("iris");
    QTemporaryDir folder;
    const std::string project = (folder.path() + "/iris.layerlab.json").toStdString();
    nn::saveProject(experiment->project(), project);
    nn::saveWeights(experiment->model(), nn::weightsPathFor(project));
    QVERIFY(QDir(folder.path()).mkpath("first") && QDir(folder.path()).mkpath("second"));
    for (const QString out : {"/first/iris.py", "/second/iris.py"}) {
        const Run result = run(LAYERLAB_CLI, {"export", QString::fromStdString(project), "--format", "pytorch", "--out", folder.path() + out});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    }
    const std::string first = nn::readFile((folder.path() + "/first/iris.py").toStdString());
    QVERIFY(first == nn::readFile((folder.path() + "/second/iris.py").toStdString()));
    QVERIFY(first == nn::pytorchScript(experiment->project().graph, experiment->exportInfo(), "iris.safetensors"));
    QVERIFY(nn::readFile((folder.path() + "/first/iris.safetensors").toStdString()) ==
            nn::readFile(nn::weightsPathFor(project)));
}

void ExportPytorchTest::everyKindPredictsAsLayerLab()
{
    nn::Model model(testgraphs::everyKindGraph(), 3);
    RandomPoints points;
    nn::TrainingConfig config;
    config.batchSize = 8;
    auto step = std::make_unique<nn::SupervisedStep>(model, config, points, 2);
    const nn::Loss &loss = step->loss();
    nn::Trainer trainer(std::move(step), config, points, nullptr, 2);
    for (int i = 0; i < 4; ++i)
        trainer.step();
    nn::ExportInfo info;
    info.name = "every kind";
    info.outputActivation = "softmax";
    info.classNames = {"a", "b"};
    for (int f = 0; f < 2; ++f) {  // a scaling the script must apply: raw·scale + offset
        info.inputScale.push_back(0.5f + float(f % 7) * 0.25f);
        info.inputOffset.push_back(float(f % 5) * 0.1f - 0.2f);
    }
    QTemporaryDir folder;
    const QString script = exportTo(folder.path(), model, info);
    const std::string csv = (folder.path() + "/raw.csv").toStdString();
    nn::writeFileAtomically(csv, rawCsv(points, 6, {}, info.inputScale, info.inputOffset, nullptr));
    datasets::DataInfo data;
    data.sampleShape = {2};
    data.scale = info.inputScale;
    data.offset = info.inputOffset;
    nn::Tensor values;
    loss.probabilities(model.forward(datasets::readFeatures(csv, data), nn::RunContext{}), values);
    comparePredictions(script, QString::fromStdString(csv), values);
}

void ExportPytorchTest::weightDecayAppliesToTheParametersTheEngineDecays()
{
    nn::Model model(testgraphs::everyKindGraph(), 3);
    const std::string script = nn::pytorchScript(model.graph(), nn::ExportInfo{}, "net.safetensors");
    const auto begin = script.find("DECAYING = ["), end = script.find(']', begin);
    QVERIFY(begin != std::string::npos && end != std::string::npos);
    const std::string listed = script.substr(begin, end - begin);
    int decaying = 0;
    for (const nn::NamedParameter &parameter : model.parameters()) {
        const bool found = listed.find('"' + parameter.name + '"') != std::string::npos;
        QVERIFY2(found == parameter.parameter->decays, qPrintable(QString::fromStdString(parameter.name + " in " + listed)));
        decaying += parameter.parameter->decays ? 1 : 0;
    }
    QCOMPARE(int(std::count(listed.begin(), listed.end(), '"')), 2 * decaying);
}

void ExportPytorchTest::examplesPredictAsLayerLab_data()
{
    QTest::addColumn<QString>("example");
    for (const char *name : {"spiral", "iris", "sine-regression", "fashion-mnist-mlp", "fashion-mnist-cnn"})
        QTest::newRow(name) << name;
}

void ExportPytorchTest::examplesPredictAsLayerLab()
{
    QFETCH(QString, example);
    if (example.startsWith("fashion") && !std::filesystem::exists("/usr/share/datasets/fashion-mnist"))
        QSKIP("Fashion-MNIST is not installed (/usr/share/datasets/fashion-mnist)");
    auto experiment = brieflyTrained(example.toStdString());
    const nn::ExportInfo info = experiment->exportInfo();
    QTemporaryDir folder;
    const QString script = exportTo(folder.path(), experiment->model(), info);
    const std::string csv = (folder.path() + "/raw.csv").toStdString();
    nn::writeFileAtomically(csv, rawCsv(experiment->split("test"), 8, info.featureNames, info.inputScale,
                                        info.inputOffset, nullptr));
    comparePredictions(script, QString::fromStdString(csv), layerlabPredictions(*experiment, csv));
}

void ExportPytorchTest::oneTrainingStepLowersTheLossAndLayerLabReopensTheWeights()
{
    auto experiment = brieflyTrained("iris");
    const nn::ExportInfo info = experiment->exportInfo();
    QTemporaryDir folder;
    const QString script = exportTo(folder.path(), experiment->model(), info);
    const std::string data = (folder.path() + "/train.csv").toStdString();
    const nn::BatchSource &train = experiment->split("train");
    nn::writeFileAtomically(data, rawCsv(train, train.size(), info.featureNames, info.inputScale, info.inputOffset,
                                         &info.classNames));
    const QString trained = folder.path() + "/trained.safetensors";
    const Run result = run(kPython, {script, "train", QString::fromStdString(data), "--epochs", "1", "--max-steps",
                                     "1", "--batch", QString::number(train.size()), "--out", trained});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const double before = printedValue(result.output, "loss before:"), after = printedValue(result.output, "loss after:");
    QVERIFY2(after < before, qPrintable(result.output));

    nn::loadWeights(experiment->model(), trained.toStdString());
    const std::string csv = (folder.path() + "/raw.csv").toStdString();
    nn::writeFileAtomically(csv, rawCsv(experiment->split("test"), 8, info.featureNames, info.inputScale,
                                        info.inputOffset, nullptr));
    comparePredictions(script, QString::fromStdString(csv), layerlabPredictions(*experiment, csv), {"--weights", trained});
}

void ExportPytorchTest::torchrunTrainsAnEpochOnTwoProcesses()
{
    if (!QFile::exists(kTorchrun))
        QSKIP("torchrun is not installed (Debian's python3-torch)");
    auto experiment = brieflyTrained("spiral");
    const nn::ExportInfo info = experiment->exportInfo();
    QTemporaryDir folder;
    const QString script = exportTo(folder.path(), experiment->model(), info);
    const std::string data = (folder.path() + "/train.csv").toStdString();
    const nn::BatchSource &train = experiment->split("train");
    nn::writeFileAtomically(data, rawCsv(train, train.size(), info.featureNames, info.inputScale, info.inputOffset,
                                         &info.classNames));
    const QString trained = folder.path() + "/ddp.safetensors";
    // --redirects 1 --tee 1: Debian's torchrun (torch 1.13 on Python 3.11) fails on its default "0".
    const Run result = run(kTorchrun, {"--standalone", "--redirects", "1", "--tee", "1", "--nproc_per_node=2", script, "train",
                                       QString::fromStdString(data), "--epochs", "1", "--out", trained});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY2(result.output.contains("epoch 1/1: train loss") && result.output.contains("in 2 process(es)"),
             qPrintable(result.output));
    nn::loadWeights(experiment->model(), trained.toStdString());  // LayerLab reopens what rank 0 saved
}

// The script's predict reads the picture files themselves (its own PNG decoder: Debian has neither
// Pillow nor torchvision) and fits them as LayerLab does, so it gives what layerlab-cli predict gives.
void ExportPytorchTest::picturesPredictAsLayerLab_data()
{
    imagefoldertest::addResizeRows();
}

void ExportPytorchTest::picturesPredictAsLayerLab()
{
    QFETCH(QString, resize);
    const auto [made, files, expected, error] = imagefoldertest::predictPictures(resize);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString script = QFileInfo(made.project).path() + "/tiny-" + resize + ".py";
    const Run exported = run(LAYERLAB_CLI, {"export", made.project, "--format", "pytorch", "--out", script});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.output));
    const std::string text = nn::readFile(script.toStdString());
    QVERIFY2(text.find("IMAGE_RESIZE = \"" + resize.toStdString() + "\"") != std::string::npos, "the script states the resize");
    QVERIFY2(text.find("Pixel scaling: x / 255") != std::string::npos, "the script states the pixel scaling");

    const Run result = run(kPython, {script, "predict", made.pictures});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const QStringList lines = result.standardOutput.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), "file,predicted,blue,red");  // the folder's classes, sorted
    const auto rows = predictions(result.standardOutput, 2);
    QCOMPARE(rows.size(), expected.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(lines[qsizetype(i) + 1].section(',', 0, 0), files[qsizetype(i)]);
        for (size_t c = 0; c < 2; ++c)
            QVERIFY2(std::abs(rows[i][c] - expected[i][c]) <= kTolerance,
                     qPrintable(QString("%1, class %2: PyTorch %3, LayerLab %4").arg(files[qsizetype(i)]).arg(c)
                                    .arg(rows[i][c]).arg(expected[i][c])));
    }
}

QTEST_GUILESS_MAIN(ExportPytorchTest)
#include "test_export_pytorch.moc"
