// ONNX export: every example project and a graph of every layer kind, briefly trained, pass the
// ONNX checker with full shape inference, compute what LayerLab computes from raw data rows (run
// by tests/onnx_eval.py, a torch evaluator, at two batch sizes) and give the same bytes every time;
// and `layerlab-cli export` writes them, or says why not.
#include "errormessage.h"
#include "everykindgraph.h"
#include "imagefolderproject.h"
#include "testonlylayer.h"

#include "datasets/experiment.h"
#include "nn/export/onnxexport.h"
#include "nn/random.h"
#include "nn/registry.h"
#include "nn/weights.h"

#include <nlohmann/json.hpp>
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <QtTest>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace {

struct Result {
    int exitCode = -1;
    QString out, err;
};

Result run(const QString &program, const QStringList &arguments, const QString &workingDirectory = {})
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Debian's python3, which has python3-onnx and python3-torch.
QString python()
{
    if (QFile::exists("/usr/bin/python3"))
        return "/usr/bin/python3";
    return QStandardPaths::findExecutable("python3");
}

Result onnxChecker(const QString &path)
{
    return run(python(), {"-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)", path});
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

nn::Project example(const std::string &name)
{
    return nn::loadProject(datasets::resolveProjectPath(name));
}

// A few training steps, so that weights and batch-norm running statistics are not the defaults.
std::unique_ptr<datasets::Experiment> trainedBriefly(nn::Project project)
{
    auto experiment = std::make_unique<datasets::Experiment>(std::move(project));
    auto trainer = experiment->makeTrainer();
    for (int step = 0; step < 3; ++step)
        trainer->step();
    return experiment;
}

// `count` training samples as they are in the data file: the scaled samples mapped back through the
// scaling (image pixels rounded back to the bytes they were).
std::vector<float> rawRows(const datasets::Experiment &experiment, int64_t count)
{
    std::vector<int64_t> indices(static_cast<size_t>(count));
    std::iota(indices.begin(), indices.end(), 0);
    nn::Tensor x, y;
    experiment.data().train->gather(indices, x, y);
    const datasets::DataInfo &info = experiment.data().info;
    const int64_t features = x.size() / count;
    std::vector<float> raw(x.data(), x.data() + x.size());
    for (size_t i = 0; i < raw.size() && !info.scale.empty(); ++i) {
        const auto f = i % static_cast<size_t>(features);
        raw[i] = (raw[i] - info.offset[f]) / info.scale[f];
    }
    if (info.featureNames.empty())
        std::transform(raw.begin(), raw.end(), raw.begin(), [](float v) { return std::round(v); });
    return raw;
}

// The first `rows` rows as a CSV file that `layerlab-cli predict` reads: the feature columns, or
// p0… for images.
void writeCsv(const QString &path, const datasets::DataInfo &info, const std::vector<float> &raw, int64_t rows)
{
    const int64_t features = nn::elementCount(info.sampleShape);
    QStringList header;
    for (int64_t f = 0; f < features; ++f)
        header << (info.featureNames.empty() ? QString("p%1").arg(f) : QString::fromStdString(info.featureNames[size_t(f)]));
    QByteArray text = header.join(',').toUtf8() + "\n";
    for (int64_t r = 0; r < rows; ++r) {
        QStringList cells;
        for (int64_t f = 0; f < features; ++f)
            cells << QString::number(raw[size_t(r * features + f)], 'g', 9);
        text += cells.join(',').toUtf8() + "\n";
    }
    writeBytes(path, text);
}

// What `layerlab-cli predict` computes for the CSV's rows: scaled input, forward, probabilities.
nn::Tensor layerLabOutput(datasets::Experiment &experiment, const QString &csv)
{
    const nn::Tensor x = datasets::readFeatures(csv.toStdString(), experiment.data().info);
    const nn::Tensor &logits = experiment.model().forward(x, nn::RunContext{});
    const nn::Tensor values = experiment.probabilities(logits);
    return values;
}

// The ONNX file run by onnx_eval.py on the first 3 and the first 5 raw rows, compared with LayerLab.
void compareWithLayerLab(datasets::Experiment &experiment, const QString &onnxPath, const QTemporaryDir &dir)
{
    const std::vector<float> raw = rawRows(experiment, 5);
    const auto features = static_cast<qsizetype>(raw.size() / 5);
    QStringList arguments{QString(LAYERLAB_SOURCE_DIR) + "/tests/onnx_eval.py", onnxPath};
    for (int rows : {3, 5}) {
        writeBytes(dir.filePath(QString("in%1.f32").arg(rows)),
                   QByteArray(reinterpret_cast<const char *>(raw.data()), rows * features * qsizetype(sizeof(float))));
        arguments << dir.filePath(QString("in%1.f32").arg(rows)) << dir.filePath(QString("out%1.f32").arg(rows));
    }
    const Result evaluated = run(python(), arguments);
    QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
    for (int rows : {3, 5}) {
        writeCsv(dir.filePath("rows.csv"), experiment.data().info, raw, rows);
        const nn::Tensor expected = layerLabOutput(experiment, dir.filePath("rows.csv"));
        const QByteArray bytes = readBytes(dir.filePath(QString("out%1.f32").arg(rows)));
        QCOMPARE(bytes.size(), qsizetype(expected.size() * qsizetype(sizeof(float))));
        const auto *onnx = reinterpret_cast<const float *>(bytes.constData());
        // A diverged example (exploding-gradients) computes NaN: the same NaN on both sides agrees.
        for (int64_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs(onnx[i] - expected[i]) <= 1e-4f * std::max(1.0f, std::abs(expected[i])) ||
                         (std::isnan(onnx[i]) && std::isnan(expected[i])),
                     qPrintable(QString("batch %1, value %2: ONNX %3, LayerLab %4").arg(rows).arg(i).arg(onnx[i]).arg(expected[i])));
    }
}

// Exports, runs the checker and compares the numbers.
void exportCheckAndCompare(datasets::Experiment &experiment, const QString &path, const QTemporaryDir &dir)
{
    nn::exportOnnx(experiment.model(), experiment.exportInfo(), path.toStdString());
    const Result checked = onnxChecker(path);
    QVERIFY2(checked.exitCode == 0, qPrintable("onnx.checker: " + checked.err));
    compareWithLayerLab(experiment, path, dir);
}

// A GAN's export is its generator alone: noise [N, z] in, samples out, compared with the engine's
// generator on the same noise.
void exportGeneratorCheckAndCompare(datasets::Experiment &experiment, const QString &path, const QTemporaryDir &dir)
{
    nn::exportOnnx(experiment.model(), experiment.exportInfo(), path.toStdString());
    const Result checked = onnxChecker(path);
    QVERIFY2(checked.exitCode == 0, qPrintable("onnx.checker: " + checked.err));
    const int64_t z = nn::elementCount(experiment.model().inputShape()), rows = 5;
    nn::Tensor noise({rows, z});
    nn::Rng rng(11);
    for (int64_t i = 0; i < noise.size(); ++i)
        noise[i] = rng.normal();
    writeBytes(dir.filePath("noise.f32"), QByteArray(reinterpret_cast<const char *>(noise.data()), qsizetype(noise.size() * 4)));
    const Result evaluated = run(python(), {QString(LAYERLAB_SOURCE_DIR) + "/tests/onnx_eval.py", path, dir.filePath("noise.f32"),
                                            dir.filePath("samples.f32")});
    QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
    nn::Pass pass;
    experiment.model().infer(pass, {&noise});
    const nn::Tensor &expected = pass.output();
    const QByteArray bytes = readBytes(dir.filePath("samples.f32"));
    QCOMPARE(bytes.size(), qsizetype(expected.size() * qsizetype(sizeof(float))));
    const auto *onnx = reinterpret_cast<const float *>(bytes.constData());
    for (int64_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(onnx[i] - expected[i]) <= 1e-4f * std::max(1.0f, std::abs(expected[i])),
                 qPrintable(QString("value %1: ONNX %2, the generator %3").arg(i).arg(onnx[i]).arg(expected[i])));
}

nn::Project everyKindProject()
{
    nn::Project project = example("spiral");
    project.name = "every-kind";
    project.graph = testgraphs::everyKindGraph();
    return project;
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

onnx::ModelProto parsed(const std::string &bytes)
{
    onnx::ModelProto proto;
    proto.ParseFromString(bytes);
    return proto;
}

std::string metadata(const onnx::ModelProto &proto, const std::string &key)
{
    for (const auto &entry : proto.metadata_props())
        if (entry.key() == key)
            return entry.value();
    return {};
}

} // namespace

class TestExportOnnx : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;

private slots:
    void everyRegisteredKindHasAWriter()
    {
        for (const std::string &kind : nn::layerRegistry().kinds())
            QVERIFY2(nn::hasOnnxWriter(kind), qPrintable(QString::fromStdString("no ONNX writer for " + kind)));
    }

    void everyKindGraphPassesTheCheckerAndComputesTheSame()
    {
        std::set<std::string> used;
        const nn::Graph graph = testgraphs::everyKindGraph();
        for (const nn::Node &node : graph.nodes())
            used.insert(node.kind);
        for (const std::string &kind : nn::layerRegistry().kinds())
            QVERIFY2(used.count(kind), qPrintable(QString::fromStdString("the test graph lacks " + kind)));
        auto experiment = trainedBriefly(everyKindProject());
        exportCheckAndCompare(*experiment, dir.filePath("every-kind.onnx"), dir);
    }

    void examplesPassTheCheckerAndComputeTheSame_data()
    {
        QTest::addColumn<QString>("name");
        for (const std::string &name : datasets::exampleNames())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void examplesPassTheCheckerAndComputeTheSame()
    {
        QFETCH(QString, name);
        if (example(name.toStdString()).data.source == "fashion-mnist" && !QFile::exists("/usr/share/datasets/fashion-mnist"))
            QSKIP("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        auto experiment = trainedBriefly(example(name.toStdString()));
        if (experiment->isGan())
            exportGeneratorCheckAndCompare(*experiment, dir.filePath(name + ".onnx"), dir);
        else
            exportCheckAndCompare(*experiment, dir.filePath(name + ".onnx"), dir);
    }

    void libonnxCheckerAndStrictShapeInferenceAccept()
    {
        auto experiment = trainedBriefly(everyKindProject());
        onnx::ModelProto proto = parsed(nn::onnxModelBytes(experiment->model(), experiment->exportInfo()));
        try {
            onnx::checker::check_model(proto);
            onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(),
                                               onnx::ShapeInferenceOptions(true, 1, true));
        } catch (const std::exception &error) {
            QFAIL(error.what());
        }
        QVERIFY2(proto.graph().value_info_size() > 0, "shape inference typed the intermediate values");
    }

    void sameTrainedModelGivesTheSameBytes()
    {
        auto experiment = trainedBriefly(everyKindProject());
        const std::string first = nn::onnxModelBytes(experiment->model(), experiment->exportInfo());
        const std::string weights = dir.filePath("every-kind.safetensors").toStdString();
        nn::saveWeights(experiment->model(), weights);
        datasets::Experiment reopened(everyKindProject());
        nn::loadWeights(reopened.model(), weights);
        QVERIFY2(nn::onnxModelBytes(reopened.model(), reopened.exportInfo()) == first,
                 "a reopened model exports different bytes");
        trainedBriefly(everyKindProject());  // other models in between change nothing either
        QVERIFY(nn::onnxModelBytes(experiment->model(), experiment->exportInfo()) == first);
    }

    void namesShapesAndDocumentationDescribeTheData()
    {
        auto experiment = trainedBriefly(example("spiral"));
        const onnx::ModelProto proto = parsed(nn::onnxModelBytes(experiment->model(), experiment->exportInfo()));
        QCOMPARE(proto.opset_import(0).version(), int64_t{17});
        QCOMPARE(q(proto.graph().name()), "spiral");
        QCOMPARE(q(proto.graph().input(0).name()), "input");
        QCOMPARE(q(proto.graph().input(0).type().tensor_type().shape().dim(0).dim_param()), "N");
        QCOMPARE(q(proto.graph().output(0).name()), nn::kOnnxProbabilitiesOutput);
        QCOMPARE(q(metadata(proto, "class_names")), q(nlohmann::json(experiment->data().info.classNames).dump()));
        QCOMPARE(q(metadata(proto, "feature_names")), R"(["x1","x2"])");
        QVERIFY2(proto.doc_string().find("x1, x2") != std::string::npos, proto.doc_string().c_str());
        QVERIFY2(proto.doc_string().find("class probabilities") != std::string::npos, proto.doc_string().c_str());

        auto regression = trainedBriefly(example("sine-regression"));
        const onnx::ModelProto values = parsed(nn::onnxModelBytes(regression->model(), regression->exportInfo()));
        QCOMPARE(q(values.graph().output(0).name()), nn::kOnnxValuesOutput);
        QVERIFY2(values.doc_string().find("regression values") != std::string::npos, values.doc_string().c_str());
    }

    // layerlab-cli predict on a folder of pictures and the exported ONNX model fed the same fitted
    // pixels agree; the model's doc string and metadata state the size, colours, resize and scaling.
    void onnxAgreesWithPredictOnPictures_data() { imagefoldertest::addResizeRows(); }
    void onnxAgreesWithPredictOnPictures()
    {
        QFETCH(QString, resize);
        const auto [made, files, expected, error] = imagefoldertest::predictPictures(resize);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(files.size(), qsizetype(std::size(imagefoldertest::kPictureSizes)));

        const QString onnxPath = dir.filePath("pictures-" + resize + ".onnx");
        const Result exported = run(LAYERLAB_CLI, {"export", made.project, "--format", "onnx", "--out", onnxPath});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const onnx::ModelProto proto = parsed(readBytes(onnxPath).toStdString());
        QCOMPARE(q(metadata(proto, "input_size")), "32x32");
        QCOMPARE(q(metadata(proto, "input_channels")), "3 (RGB)");
        QCOMPARE(q(metadata(proto, "image_resize")), resize);
        QCOMPARE(q(metadata(proto, "pixel_scaling")), "x / 255");
        QVERIFY2(proto.doc_string().find("'" + resize.toStdString() + "'") != std::string::npos, proto.doc_string().c_str());

        std::vector<std::string> paths;
        for (const QString &file : files)
            paths.push_back(file.toStdString());
        const std::vector<uint8_t> bytes = datasets::ImageFolder::decodeFiles(paths, {3, 32, 32}, resize.toStdString());
        const std::vector<float> raw(bytes.begin(), bytes.end());  // 0-255: the graph scales them itself
        writeBytes(dir.filePath("pictures.f32"), QByteArray(reinterpret_cast<const char *>(raw.data()), qsizetype(raw.size() * sizeof(float))));
        const Result evaluated = run(python(), {QString(LAYERLAB_SOURCE_DIR) + "/tests/onnx_eval.py", onnxPath,
                                                dir.filePath("pictures.f32"), dir.filePath("pictures.out")});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        const QByteArray out = readBytes(dir.filePath("pictures.out"));
        QCOMPARE(out.size(), qsizetype(files.size() * 2 * qsizetype(sizeof(float))));
        const auto *values = reinterpret_cast<const float *>(out.constData());
        for (qsizetype row = 0; row < files.size(); ++row)
            for (int c = 0; c < 2; ++c)
                QVERIFY2(std::abs(values[row * 2 + c] - expected[size_t(row)][size_t(c)]) <= 1e-4,
                         qPrintable(QString("%1, class %2: ONNX %3, predict %4").arg(files[row]).arg(c)
                                        .arg(values[row * 2 + c]).arg(expected[size_t(row)][size_t(c)])));
    }

    void cliExportsOnnxAndSafetensors()
    {
        const QString project = dir.filePath("spiral-trained.layerlab.json");
        const Result trained = run(LAYERLAB_CLI, {"train", "spiral", "--epochs", "2", "--out", project});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const Result exported = run(LAYERLAB_CLI, {"export", project, "--format", "onnx"}, dir.path());
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const Result checked = onnxChecker(dir.filePath("spiral-trained.onnx"));
        QVERIFY2(checked.exitCode == 0, qPrintable("onnx.checker: " + checked.err));

        const QString weights = dir.filePath("copy.safetensors");
        const Result saved = run(LAYERLAB_CLI, {"export", project, "--format", "safetensors", "--out", weights});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QCOMPARE(readBytes(weights), readBytes(dir.filePath("spiral-trained.safetensors")));
    }

    void cliExportRefusesWithAMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString trained = dir.filePath("spiral-trained.layerlab.json");
        QTest::newRow("unknown format") << QStringList{"export", trained, "--format", "tflite"}
                                        << QStringList{"tflite", "onnx, safetensors or pytorch"};
        QTest::newRow("no trained weights") << QStringList{"export", "iris", "--format", "onnx"}
                                            << QStringList{"no trained weights", "iris.safetensors", "layerlab-cli train iris"};
        QTest::newRow("unwritable path") << QStringList{"export", trained, "--out", "/nonexistent-folder/model.onnx"}
                                         << QStringList{"/nonexistent-folder/model.onnx"};
    }
    void cliExportRefusesWithAMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QVERIFY2(QFile::exists(dir.filePath("spiral-trained.safetensors")), "cliExportsOnnxAndSafetensors trains it first");
        const Result r = run(LAYERLAB_CLI, arguments, dir.path());
        QVERIFY2(r.exitCode == 1, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        for (const QString &word : expected)
            QVERIFY2(r.err.contains(word), qPrintable(QString("'%1' not in: %2").arg(word, r.err)));
    }

    // Last: it registers a kind of its own, which the tests above would rightly reject.
    void kindWithoutWriterIsAClearError()
    {
        registerTestOnlyKind("MadeUpLayer", "Test");
        nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {2}}}}, {"MadeUpLayer", {}}, {"Dense", {{"units", 2}}}});
        nn::Model model(graph, 1);
        const std::string message = errorMessage([&] { nn::onnxModelBytes(model, nn::ExportInfo{}); });
        QVERIFY2(message.find("MadeUpLayer") != std::string::npos && message.find("no ONNX writer") != std::string::npos,
                 message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestExportOnnx)
#include "test_export_onnx.moc"
