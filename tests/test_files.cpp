// The files suite: project files, training settings, safetensors, model weights and atomic
// saves, including damaged and hand-edited files, which must be rejected with a useful message.
#include "safetensorscases.h"

#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/model.h"
#include "nn/project.h"
#include "nn/projectsettings.h"
#include "nn/safetensors.h"
#include "nn/trainingconfig.h"
#include "nn/weights.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <cstring>
#include <limits>

#include <sys/resource.h>

namespace {

// The message of the `Expected` error `action` throws, or a note that it threw none or another.
template <typename Expected, typename Action>
QString errorFrom(Action action)
{
    try {
        action();
    } catch (const Expected &e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        return "WRONG ERROR TYPE: " + QString::fromStdString(e.what());
    }
    return "NO ERROR";
}

#define VERIFY_MENTIONS(message, keywords)                                                               \
    for (const QString &keyword : keywords)                                                              \
        QVERIFY2((message).contains(keyword), qPrintable("'" + keyword + "' missing from: " + (message)))

bool sameBits(const nn::Tensor &a, const nn::Tensor &b)
{
    // memcmp wants valid pointers even for zero bytes, and an empty tensor may hold none.
    return a.shape() == b.shape() && (a.size() == 0 || std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0);
}

nn::Graph smallNetwork(int units = 3)
{
    return nn::Graph::chain({{"Input", {{"shape", {4}}}}, {"Dense", {{"units", units}}}});
}

// A project with every field away from its default, so a field the file forgets shows up.
nn::Project sampleProject()
{
    nn::Project project;
    project.name = "Spiral classifier";
    project.description = "Two inputs, three classes; café ü";
    project.graph = nn::Graph::chain({{"Input", {{"shape", {2}}}}, {"Dense", {{"units", 8}}}, {"Dense", {{"units", 3}}}});
    project.graph.node(1).x = 12.5;
    project.graph.node(2).y = -40.1;
    project.graph.node(3).x = 1.0 / 3.0;
    project.data.source = "moons";
    project.data.featureColumns = {"x", "y"};
    project.data.samples = 512;
    project.data.noise = 0.25;
    project.data.scaling = "standardize";
    project.data.validationSplit = 0.2;
    nn::TrainingConfig &t = project.training;
    t.optimizer = "SGD";
    t.optimizerSettings = {{"lr", 0.05}, {"momentum", 0.9}};
    t.epochs = 25;
    t.batchMode = "stochastic";
    t.batchSize = 16;
    t.shuffle = false;
    t.seed = 12345678901234567ull;
    t.threads = 3;
    t.l1 = 0.001;
    t.l2 = 0.0005;
    t.clipNorm = 5.0;
    t.schedule = {"step", 5, 0.5, 0.0};
    t.earlyStoppingPatience = 4;
    return project;
}

std::string minimalProject(const std::string &graph, const std::string &extra = "")
{
    return R"({"schema_version": 1, "graph": )" + graph + extra + "}";
}

const char *kGoodGraph = R"({"nodes": [{"id": 1, "name": "in", "kind": "Input", "settings": {"shape": [2]}}], "edges": []})";

} // namespace

// Project files, training settings, safetensors, weights and atomic saves.
class FilesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(dir_.isValid(), "cannot create a temporary folder"); }

    // Project file.
    void projectRoundTripIsByteIdentical();
    void projectRoundTripKeepsEverything();
    void projectTopLevelKeysInReadingOrder();
    void malformedProjectGivesLineAndColumn_data();
    void malformedProjectGivesLineAndColumn();
    void badProjectExplainsItself_data();
    void badProjectExplainsItself();
    void missingProjectNamesThePath();
    void projectWithoutNameTakesFileName();
    void weightsPathSitsBesideTheProject_data();
    void weightsPathSitsBesideTheProject();

    // Training settings.
    void trainingConfigRoundTrip();
    void trainingConfigMissingKeysKeepDefaults();
    void trainingConfigRejectsBadValues_data();
    void trainingConfigRejectsBadValues();
    void trainingConfigChecksEveryDeclaredRange();
    void effectiveBatchSize_data();
    void effectiveBatchSize();

    // Safetensors.
    void safetensorsRoundTrip();
    void safetensorsSameTensorsSameBytes();
    void safetensorsLayoutFollowsTheSpec();
    void safetensorsReadsPyTorchFile();
    void safetensorsConvertsHalfFloats_data();
    void safetensorsConvertsHalfFloats();
    void corruptedSafetensorsRejected_data() { safetensorscases::addCorruptedRows(); }
    void corruptedSafetensorsRejected() { safetensorscases::checkCorruptedRow(dir_.path()); }
    void everyTruncationRejected() { safetensorscases::checkEveryTruncationRejected(); }
    void byteFlipsNeverCrash() { safetensorscases::checkByteFlipsNeverCrash(); }

    // Model weights.
    void weightsRoundTrip();
    void weightsRoundTripKeepsRunningStatistics();
    void weightsShapeMismatchNamesTensorAndShapes();
    void weightsMissingTensorListsFileContents();
    void weightsExtraTensorRejected();
    void weightsLoadIsAllOrNothing();

    // Atomic saves.
    void writeIntoMissingFolderNamesPath();
    void failedWriteKeepsExistingFile();
    void successfulWriteLeavesNoTemporaryFile();
    void readingMissingFileNamesPath();

private:
    std::string path(const QString &name) const { return dir_.filePath(name).toStdString(); }
    QString load(const std::string &text, const std::string &name = "broken.layerlab.json");

    QTemporaryDir dir_;
};

QString FilesTest::load(const std::string &text, const std::string &name)
{
    const std::string file = path(QString::fromStdString(name));
    nn::writeFileAtomically(file, text);
    return errorFrom<nn::Error>([&] { nn::loadProject(file); });
}

void FilesTest::projectRoundTripIsByteIdentical()
{
    const std::string first = path("first.layerlab.json");
    const std::string second = path("second.layerlab.json");
    nn::saveProject(sampleProject(), first);
    nn::saveProject(nn::loadProject(first), second);
    QVERIFY2(nn::readFile(first) == nn::readFile(second), "save, load, save gave different bytes");
    QVERIFY2(nn::readFile(first).find("\n  \"graph\": {\n    \"edges\"") != std::string::npos,
             "the project is not pretty-printed with a 2-space indent");
}

void FilesTest::projectRoundTripKeepsEverything()
{
    const nn::Project saved = sampleProject();
    nn::saveProject(saved, path("keep.layerlab.json"));
    const nn::Project loaded = nn::loadProject(path("keep.layerlab.json"));
    QCOMPARE(loaded.name, saved.name);
    QCOMPARE(loaded.description, saved.description);
    QVERIFY2(loaded.graph.toJson() == saved.graph.toJson(), "the graph changed on the way through the file");
    QVERIFY2(loaded.graph.edges() == saved.graph.edges(), "the edges changed");
    for (const auto &node : saved.graph.nodes()) {
        const nn::Node &back = loaded.graph.node(node.id);
        QVERIFY2(back.x == node.x && back.y == node.y, qPrintable("position of " + QString::fromStdString(node.name)));
        QVERIFY2(back.name == node.name && back.kind == node.kind && back.settings == node.settings,
                 qPrintable("node " + QString::fromStdString(node.name)));
    }
    QVERIFY2(loaded.data.toJson() == saved.data.toJson(), "the data spec changed");
    QVERIFY2(loaded.training.toJson() == saved.training.toJson(), "the training settings changed");
    QCOMPARE(loaded.training.seed, uint64_t(12345678901234567ull));
    QCOMPARE(loaded.training.schedule.kind, std::string("step"));
}

void FilesTest::projectTopLevelKeysInReadingOrder()
{
    const std::string text = nn::projectToText(sampleProject());
    const char *keys[] = {"\"schema_version\": 1", "\"name\"", "\"description\"", "\"graph\"", "\"data\"", "\"training\""};
    size_t previous = 0;
    for (const char *key : keys) {
        const size_t at = text.find(key);
        QVERIFY2(at != std::string::npos && at >= previous, qPrintable(QString("%1 out of order").arg(key)));
        previous = at;
    }
}

void FilesTest::malformedProjectGivesLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("cutOff");
    QTest::newRow("missing comma") << "{\n  \"schema_version\": 1,\n  \"name\": \"x\"\n  \"graph\": {}\n}" << 4 << 9 << false;
    QTest::newRow("single quotes") << "{'graph': {}}" << 1 << 2 << false;
    QTest::newRow("columns count characters") << "{\n  \"name\": \"Café\" x\n}" << 2 << 18 << false;
    QTest::newRow("truncated after a line") << "{\n  \"schema_version\": 1,\n  \"graph\": {\n    \"nodes\": [\n"
                                             << 5 << 1 << true;
    QTest::newRow("truncated inside a string") << "{\n  \"name\": \"abc" << 2 << 15 << true;
    QTest::newRow("text after the end") << "{\"graph\": {}}\n}" << 2 << 1 << false;
}

void FilesTest::malformedProjectGivesLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(bool, cutOff);
    const QString message = load(text.toStdString());
    const QString where = QString("line %1, column %2:").arg(line).arg(column);
    QVERIFY2(message.contains("broken.layerlab.json, " + where), qPrintable("expected '" + where + "' in: " + message));
    QVERIFY2(message.contains("malformed"), qPrintable(message));
    QVERIFY2(message.contains("cut off") == cutOff, qPrintable("cut-off hint wrong in: " + message));
}

void FilesTest::badProjectExplainsItself_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keywords");
    const std::string blob = R"({"nodes": [{"id": 1, "name": "in", "kind": "Input", "settings": {"shape": [2]}},
        {"id": 2, "name": "blob", "kind": "Blob"}], "edges": []})";
    const std::string zeroUnits = R"({"nodes": [{"id": 1, "name": "in", "kind": "Input", "settings": {"shape": [2]}},
        {"id": 2, "name": "hidden", "kind": "Dense", "settings": {"units": 0}}], "edges": [{"from": 1, "to": 2}]})";
    auto row = [](const char *name, const std::string &text, QStringList keywords) {
        QTest::newRow(name) << QString::fromStdString(text) << keywords;
    };
    row("unknown layer kind", minimalProject(blob), {"Unknown layer kind 'Blob'", "Dense", "Input"});
    row("setting out of range", minimalProject(zeroUnits), {"hidden", "units", "got 0"});
    row("newer schema version", R"({"schema_version": 7, "graph": {"nodes": []}})", {"newer", "version 7", "up to version 1"});
    row("schema version not a number", R"({"schema_version": "1", "graph": {"nodes": []}})", {"schema_version", "whole number"});
    row("missing graph", R"({"schema_version": 1, "name": "x"})", {"no \"graph\" section"});
    row("graph without nodes", minimalProject("{}"), {"\"nodes\" list"});
    row("not an object", "[1, 2, 3]", {"not a LayerLab project", "array"});
    row("empty file", "  \n", {"empty"});
    row("name not text", minimalProject(kGoodGraph, R"(, "name": 5)"), {"\"name\"", "text"});
    row("training out of range", minimalProject(kGoodGraph, R"(, "training": {"epochs": 0})"),
        {"epochs", "between 1 and 100000", "got 0"});
    row("training unknown key", minimalProject(kGoodGraph, R"(, "training": {"epoch": 5})"), {"'epoch'", "epochs"});
    row("data out of range", minimalProject(kGoodGraph, R"(, "data": {"noise": -1})"), {"noise", "got -1"});
    row("edge to a missing node", minimalProject(R"({"nodes": [], "edges": [{"from": 1, "to": 2}]})"), {"id 1"});
}

void FilesTest::badProjectExplainsItself()
{
    QFETCH(QString, text);
    QFETCH(QStringList, keywords);
    const QString message = load(text.toStdString());
    QVERIFY2(message.startsWith(QString::fromStdString(path("broken.layerlab.json"))),
             qPrintable("the message does not start with the file name: " + message));
    VERIFY_MENTIONS(message, keywords);
}

void FilesTest::missingProjectNamesThePath()
{
    const std::string missing = path("nowhere.layerlab.json");
    const QString message = errorFrom<nn::FileError>([&] { nn::loadProject(missing); });
    VERIFY_MENTIONS(message, (QStringList{QString::fromStdString(missing), "No such file"}));
}

void FilesTest::projectWithoutNameTakesFileName()
{
    const std::string file = path("moons.layerlab.json");
    nn::writeFileAtomically(file, minimalProject(kGoodGraph));
    const nn::Project project = nn::loadProject(file);
    QCOMPARE(project.name, std::string("moons"));
    QVERIFY2(project.training.toJson() == nn::TrainingConfig().toJson(), "missing training settings should be defaults");
    QVERIFY2(project.data.toJson() == nn::DataSpec().toJson(), "a missing data section should be the default");
}

void FilesTest::weightsPathSitsBesideTheProject_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("weights");
    QTest::newRow("project file") << "work/spiral.layerlab.json" << "work/spiral.safetensors";
    QTest::newRow("plain json") << "/tmp/model.json" << "/tmp/model.safetensors";
    QTest::newRow("no extension") << "net" << "net.safetensors";
    QTest::newRow("dot in folder") << "runs.v2/net" << "runs.v2/net.safetensors";
}

void FilesTest::weightsPathSitsBesideTheProject()
{
    QFETCH(QString, project);
    QFETCH(QString, weights);
    QCOMPARE(QString::fromStdString(nn::weightsPathFor(project.toStdString())), weights);
}

void FilesTest::trainingConfigRoundTrip()
{
    const nn::TrainingConfig config = sampleProject().training;
    const nlohmann::json json = config.toJson();
    QVERIFY2(nn::TrainingConfig::fromJson(json).toJson() == json, qPrintable(QString::fromStdString(json.dump())));
    for (const char *key : {"loss", "loss_settings", "optimizer", "optimizer_settings", "epochs", "batch_mode",
                            "batch_size", "shuffle", "seed", "threads", "l1", "l2", "clip_norm", "schedule",
                            "early_stopping_patience", "steps_per_second"})
        QVERIFY2(json.contains(key), key);
    for (const char *key : {"kind", "step_size", "gamma", "min_lr"})
        QVERIFY2(json["schedule"].contains(key), key);
}

void FilesTest::trainingConfigMissingKeysKeepDefaults()
{
    const nn::TrainingConfig config = nn::TrainingConfig::fromJson({{"epochs", 3}, {"schedule", {{"kind", "cosine"}}}});
    nlohmann::json expected = nn::TrainingConfig().toJson();
    expected["epochs"] = 3;
    expected["schedule"]["kind"] = "cosine";
    QVERIFY2(config.toJson() == expected, qPrintable(QString::fromStdString(config.toJson().dump())));
}

void FilesTest::trainingConfigRejectsBadValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("keywords");
    auto row = [](const char *name, const char *json, QStringList keywords) { QTest::newRow(name) << json << keywords; };
    row("epochs 0", R"({"epochs": 0})", {"'epochs'", "between 1 and 100000", "got 0"});
    row("epochs too many", R"({"epochs": 100001})", {"'epochs'", "100000", "got 100001"});
    row("batch_size 0", R"({"batch_size": 0})", {"'batch_size'", "between 1 and 1000000", "got 0"});
    row("batch_mode unknown", R"({"batch_mode": "huge"})", {"'batch_mode'", "huge", "full, minibatch, stochastic"});
    row("threads negative", R"({"threads": -1})", {"'threads'", "between 0 and 1024", "got -1"});
    row("threads too many", R"({"threads": 2000})", {"'threads'", "1024", "got 2000"});
    row("l1 negative", R"({"l1": -0.1})", {"'l1'", "between 0 and 10", "got -0.1"});
    row("l2 too large", R"({"l2": 11})", {"'l2'", "between 0 and 10", "got 11"});
    row("clip_norm too large", R"({"clip_norm": 2e6})", {"'clip_norm'", "between 0 and 1000000", "got 2000000"});
    row("schedule kind", R"({"schedule": {"kind": "linear"}})", {"'kind'", "linear", "constant, step, cosine"});
    row("step_size 0", R"({"schedule": {"step_size": 0}})", {"'step_size'", "got 0"});
    row("gamma 0", R"({"schedule": {"gamma": 0}})", {"'gamma'", "greater than 0", "got 0"});
    row("gamma above 1", R"({"schedule": {"gamma": 1.5}})", {"'gamma'", "greater than 0 and at most 1", "got 1.5"});
    row("patience too long", R"({"early_stopping_patience": 10001})", {"'early_stopping_patience'", "10000"});
    row("unknown key", R"({"epoch": 5})", {"'epoch'", "its settings are"});
    row("epochs as text", R"({"epochs": "10"})", {"'epochs'", "whole number", "\"10\""});
    row("epochs fractional", R"({"epochs": 2.5})", {"'epochs'", "whole number"});
    row("shuffle as number", R"({"shuffle": 1})", {"'shuffle'", "true or false"});
    row("seed negative", R"({"seed": -1})", {"'seed'", "whole number"});
    row("l2 as text", R"({"l2": "0.1"})", {"'l2'", "a number"});
    row("loss not a name", R"({"loss": 3})", {"'loss'"});
    row("optimizer_settings a list", R"({"optimizer_settings": [1]})", {"'optimizer_settings'", "object"});
    row("schedule a number", R"({"schedule": 5})", {"'schedule'", "object"});
    row("not an object", "[]", {"training", "object"});
}

void FilesTest::trainingConfigRejectsBadValues()
{
    QFETCH(QString, json);
    QFETCH(QStringList, keywords);
    const QString message = errorFrom<nn::SettingError>(
        [&] { nn::TrainingConfig::fromJson(nlohmann::json::parse(json.toStdString())); });
    VERIFY_MENTIONS(message, keywords);
}

// The reader checks each declared number against its declaration, so the window and the command
// line, which read the same declarations, never offer what a file may not hold.
void FilesTest::trainingConfigChecksEveryDeclaredRange()
{
    for (const nn::SettingSpec &spec : nn::trainingSettings().settings) {
        const bool number = spec.type == nn::SettingSpec::Type::Int || spec.type == nn::SettingSpec::Type::Float;
        if (!number || spec.name == "seed")  // a seed is any unsigned 64-bit number
            continue;
        const std::string key = spec.name.substr(spec.name.rfind('.') + 1);
        for (const double value : {spec.min - 1.0, spec.max + 1.0}) {
            nlohmann::json json = nlohmann::json::object();
            if (spec.type == nn::SettingSpec::Type::Int)
                json[key] = static_cast<int64_t>(value);
            else
                json[key] = value;
            if (spec.name.starts_with("schedule."))
                json = {{"schedule", json}};
            const QString message = errorFrom<nn::SettingError>([&] { nn::TrainingConfig::fromJson(json); });
            QVERIFY2(message.contains(QString::fromStdString("'" + key + "'")),
                     qPrintable(QString::fromStdString(json.dump()) + " gave: " + message));
        }
        nlohmann::json fits = nn::TrainingConfig().toJson();
        nlohmann::json &at = spec.name.starts_with("schedule.") ? fits["schedule"][key] : fits[key];
        if (spec.type == nn::SettingSpec::Type::Int)
            at = static_cast<int64_t>(spec.max);
        else
            at = spec.max;
        QVERIFY2(nn::TrainingConfig::fromJson(fits).toJson() == fits, spec.name.c_str());
    }
}

void FilesTest::effectiveBatchSize_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<qint64>("samples");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("full batch is every sample") << "full" << 32 << qint64(1000) << qint64(1000);
    QTest::newRow("stochastic is one") << "stochastic" << 32 << qint64(1000) << qint64(1);
    QTest::newRow("minibatch") << "minibatch" << 32 << qint64(1000) << qint64(32);
    QTest::newRow("minibatch clamped to samples") << "minibatch" << 64 << qint64(10) << qint64(10);
}

void FilesTest::effectiveBatchSize()
{
    QFETCH(QString, mode);
    QFETCH(int, batchSize);
    QFETCH(qint64, samples);
    QFETCH(qint64, expected);
    nn::TrainingConfig config;
    config.batchMode = mode.toStdString();
    config.batchSize = batchSize;
    QCOMPARE(qint64(config.effectiveBatchSize(samples)), expected);
}

void FilesTest::safetensorsRoundTrip()
{
    const float inf = std::numeric_limits<float>::infinity();
    nn::TensorMap tensors;
    tensors.emplace("conv.weight", nn::Tensor({3, 1, 2, 2}, {1, -2, 3.5f, 1e-40f, -0.0f, inf, -inf, 7, 8, 9, 10, 11}));
    tensors.emplace("conv.bias", nn::Tensor({2}, {0.1f, std::nanf("")}));
    tensors.emplace("scalar", nn::Tensor(nn::Shape{}, {42}));
    tensors.emplace("empty", nn::Tensor({0, 4}));
    const nn::SafetensorsMetadata metadata = {{"format", "pt"}, {"note", "ünïcode"}};
    nn::saveSafetensors(path("round.safetensors"), tensors, metadata);
    const nn::SafetensorsFile file = nn::loadSafetensors(path("round.safetensors"));
    QCOMPARE(file.tensors.size(), tensors.size());
    for (const auto &[name, tensor] : tensors)
        QVERIFY2(file.tensors.count(name) && sameBits(file.tensors.at(name), tensor), name.c_str());
    QVERIFY2(file.metadata == metadata, "the metadata changed");
}

void FilesTest::safetensorsSameTensorsSameBytes()
{
    nn::TensorMap first, second;
    first.emplace("b", nn::Tensor({3}, {1, 2, 3}));
    first.emplace("a", nn::Tensor({2, 2}, {4, 5, 6, 7}));
    second.emplace("a", nn::Tensor({2, 2}, {4, 5, 6, 7}));
    second.emplace("b", nn::Tensor({3}, {1, 2, 3}));
    nn::saveSafetensors(path("one.safetensors"), first, {{"format", "pt"}});
    nn::saveSafetensors(path("two.safetensors"), second, {{"format", "pt"}});
    QVERIFY2(nn::readFile(path("one.safetensors")) == nn::readFile(path("two.safetensors")),
             "the same tensors gave different bytes");
}

void FilesTest::safetensorsLayoutFollowsTheSpec()
{
    nn::TensorMap tensors;
    tensors.emplace("z", nn::Tensor({1}, {1.0f}));
    tensors.emplace("a", nn::Tensor({2}, {2.0f, -1.0f}));
    const std::string bytes = nn::encodeSafetensors(tensors);
    uint64_t length = 0;
    for (int i = 7; i >= 0; --i)
        length = (length << 8) | static_cast<unsigned char>(bytes[size_t(i)]);
    QVERIFY2((8 + length) % 8 == 0, "the data does not start 8-byte aligned");
    QCOMPARE(bytes.size(), size_t(8 + length + 12));
    const std::string header = bytes.substr(8, length);
    QVERIFY2(header.find_first_not_of(' ', header.rfind('}') + 1) == std::string::npos, "padding is not spaces");
    const nlohmann::json json = nlohmann::json::parse(header);
    QVERIFY2(!json.contains("__metadata__"), "empty metadata should be left out");
    QVERIFY2(json["a"]["data_offsets"] == nlohmann::json({0, 8}) && json["z"]["data_offsets"] == nlohmann::json({8, 12}),
             "tensors are not laid out in name order");
    QCOMPARE(json["a"]["dtype"].get<std::string>(), std::string("F32"));
    // 2.0f is 0x40000000, little-endian.
    QVERIFY2(bytes.substr(8 + length, 4) == std::string("\x00\x00\x00\x40", 4), "floats are not little-endian");
}

void FilesTest::safetensorsReadsPyTorchFile()
{
    const std::string fixtures = LAYERLAB_FIXTURES_DIR;
    const nn::SafetensorsFile file = nn::loadSafetensors(fixtures + "/reference.safetensors");
    const nlohmann::json expected = nlohmann::json::parse(nn::readFile(fixtures + "/reference_safetensors.json"));
    QCOMPARE(file.tensors.size(), expected["tensors"].size());
    QVERIFY2(nlohmann::json(file.metadata) == expected["metadata"], "metadata differs");
    for (const auto &[name, entry] : expected["tensors"].items()) {
        QVERIFY2(file.tensors.count(name), qPrintable("missing " + QString::fromStdString(name)));
        const nn::Tensor &tensor = file.tensors.at(name);
        QVERIFY2(tensor.shape() == entry["shape"].get<nn::Shape>(), qPrintable("shape of " + QString::fromStdString(name)));
        const auto values = entry["values"].get<std::vector<double>>();
        QCOMPARE(size_t(tensor.size()), values.size());
        for (size_t i = 0; i < values.size(); ++i)
            QVERIFY2(tensor[int64_t(i)] == static_cast<float>(values[i]),
                     qPrintable(QString("%1[%2]: read %3, PyTorch has %4")
                                    .arg(QString::fromStdString(name)).arg(i).arg(tensor[int64_t(i)]).arg(values[i])));
    }
}

void FilesTest::safetensorsConvertsHalfFloats_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<int>("bits");
    QTest::addColumn<float>("expected");
    const float inf = std::numeric_limits<float>::infinity();
    QTest::newRow("F16 one") << "F16" << 0x3c00 << 1.0f;
    QTest::newRow("F16 -2") << "F16" << 0xc000 << -2.0f;
    QTest::newRow("F16 largest") << "F16" << 0x7bff << 65504.0f;
    QTest::newRow("F16 smallest normal") << "F16" << 0x0400 << std::ldexp(1.0f, -14);
    QTest::newRow("F16 smallest subnormal") << "F16" << 0x0001 << std::ldexp(1.0f, -24);
    QTest::newRow("F16 largest subnormal") << "F16" << 0x03ff << std::ldexp(1023.0f, -24);
    QTest::newRow("F16 -0") << "F16" << 0x8000 << -0.0f;
    QTest::newRow("F16 inf") << "F16" << 0x7c00 << inf;
    QTest::newRow("F16 -inf") << "F16" << 0xfc00 << -inf;
    QTest::newRow("F16 nan") << "F16" << 0x7e00 << std::nanf("");
    QTest::newRow("BF16 one") << "BF16" << 0x3f80 << 1.0f;
    QTest::newRow("BF16 -3.140625") << "BF16" << 0xc049 << -3.140625f;
    QTest::newRow("BF16 inf") << "BF16" << 0x7f80 << inf;
}

void FilesTest::safetensorsConvertsHalfFloats()
{
    QFETCH(QString, dtype);
    QFETCH(int, bits);
    QFETCH(float, expected);
    const std::string header = R"({"t":{"dtype":")" + dtype.toStdString() + R"(","shape":[1],"data_offsets":[0,2]}})";
    const std::string data{static_cast<char>(bits & 0xff), static_cast<char>(bits >> 8)};
    const float got = nn::decodeSafetensors(safetensorscases::fileBytes(header, data), "half").tensors.at("t")[0];
    const bool same = std::isnan(expected) ? std::isnan(got) : got == expected && std::signbit(got) == std::signbit(expected);
    QVERIFY2(same, qPrintable(QString("read %1, expected %2").arg(got).arg(expected)));
}

void FilesTest::weightsRoundTrip()
{
    nn::Model saved(smallNetwork(), 1);
    nn::saveWeights(saved, path("net.safetensors"));
    const nn::SafetensorsFile file = nn::loadSafetensors(path("net.safetensors"));
    QVERIFY2(file.tensors.count("dense1.weight") && file.tensors.at("dense1.weight").shape() == nn::Shape({3, 4}),
             "dense1.weight should be stored as PyTorch's [out, in] = [3, 4]");
    QVERIFY2(file.tensors.count("dense1.bias") && file.tensors.at("dense1.bias").shape() == nn::Shape({3}),
             "dense1.bias should be stored as [3]");
    nn::Model loaded(smallNetwork(), 2);
    nn::loadWeights(loaded, path("net.safetensors"));
    const auto expected = saved.parameters();
    const auto got = loaded.parameters();
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
        QVERIFY2(sameBits(got[i].parameter->value, expected[i].parameter->value), got[i].name.c_str());
}

// BatchNorm's running statistics are saved beside the parameters under PyTorch's state_dict names.
void FilesTest::weightsRoundTripKeepsRunningStatistics()
{
    const nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {2, 3, 3}}}}, {"BatchNorm", {}}});
    nn::Model trained(graph, 1);
    nn::Tensor batch({4, 2, 3, 3});
    for (int64_t i = 0; i < batch.size(); ++i)
        batch[i] = float(i % 7) * 0.5f + 1.0f;
    trained.forward(batch, nn::RunContext{true, 0, 0});
    nn::saveWeights(trained, path("norm.safetensors"));
    const nn::SafetensorsFile file = nn::loadSafetensors(path("norm.safetensors"));
    for (const char *name :
         {"batchnorm1.weight", "batchnorm1.bias", "batchnorm1.running_mean", "batchnorm1.running_var"})
        QVERIFY2(file.tensors.count(name) && file.tensors.at(name).shape() == nn::Shape({2}),
                 qPrintable(QString("%1 should be stored with shape [2]").arg(name)));
    nn::Model loaded(graph, 2);
    nn::loadWeights(loaded, path("norm.safetensors"));
    const auto expected = trained.buffers();
    const auto got = loaded.buffers();
    QCOMPARE(got.size(), size_t(2));
    for (size_t i = 0; i < got.size(); ++i) {
        const nn::Tensor &value = expected[i].parameter->value;
        QVERIFY2(!value.array().isZero() && !(value.array() == 1.0f).all(),
                 (expected[i].name + " did not move in training").c_str());
        QVERIFY2(sameBits(got[i].parameter->value, expected[i].parameter->value), got[i].name.c_str());
    }
}

void FilesTest::weightsShapeMismatchNamesTensorAndShapes()
{
    nn::Model small(smallNetwork(3), 1);
    nn::saveWeights(small, path("three.safetensors"));
    nn::Model wide(smallNetwork(5), 1);
    const QString message = errorFrom<nn::FileError>([&] { nn::loadWeights(wide, path("three.safetensors")); });
    VERIFY_MENTIONS(message, (QStringList{"dense1.weight", "[3, 4]", "expects [5, 4]"}));
}

void FilesTest::weightsMissingTensorListsFileContents()
{
    nn::Model model(smallNetwork(), 1);
    nn::TensorMap tensors;
    tensors.emplace("dense1.weight", nn::Tensor({3, 4}));
    nn::saveSafetensors(path("partial.safetensors"), tensors);
    const QString message = errorFrom<nn::FileError>([&] { nn::loadWeights(model, path("partial.safetensors")); });
    VERIFY_MENTIONS(message, (QStringList{"no tensor 'dense1.bias'", "the file has dense1.weight"}));
}

void FilesTest::weightsExtraTensorRejected()
{
    nn::Model model(smallNetwork(), 1);
    nn::TensorMap tensors;
    for (const auto &[name, parameter] : model.parameters())
        tensors.emplace(name, parameter->value);
    tensors.emplace("dense9.weight", nn::Tensor({1}));
    nn::saveSafetensors(path("extra.safetensors"), tensors);
    const QString message = errorFrom<nn::FileError>([&] { nn::loadWeights(model, path("extra.safetensors")); });
    VERIFY_MENTIONS(message, (QStringList{"'dense9.weight'", "does not have"}));
}

void FilesTest::weightsLoadIsAllOrNothing()
{
    nn::Model model(smallNetwork(), 1);
    std::vector<nn::Tensor> before;
    for (const auto &[name, parameter] : model.parameters())
        before.push_back(parameter->value);
    // The weight fits, the bias does not: nothing may be copied, not even the weight.
    nn::TensorMap tensors;
    tensors.emplace("dense1.weight", nn::Tensor({3, 4}, 7.0f));
    tensors.emplace("dense1.bias", nn::Tensor({4}, 7.0f));
    nn::saveSafetensors(path("half.safetensors"), tensors);
    const QString message = errorFrom<nn::FileError>([&] { nn::loadWeights(model, path("half.safetensors")); });
    VERIFY_MENTIONS(message, (QStringList{"dense1.bias", "[4]", "[3]"}));
    const auto after = model.parameters();
    for (size_t i = 0; i < after.size(); ++i)
        QVERIFY2(sameBits(after[i].parameter->value, before[i]), qPrintable("changed: " + QString::fromStdString(after[i].name)));
}

void FilesTest::writeIntoMissingFolderNamesPath()
{
    const std::string target = path("no/such/folder/spiral.layerlab.json");
    const QString message = errorFrom<nn::FileError>([&] { nn::saveProject(sampleProject(), target); });
    VERIFY_MENTIONS(message, (QStringList{QString::fromStdString(target), "No such file or directory"}));
}

void FilesTest::failedWriteKeepsExistingFile()
{
    QTemporaryDir folder;
    const std::string target = folder.filePath("keep.json").toStdString();
    nn::writeFileAtomically(target, "original");
    // A file-size limit makes the write fail part way, as a full disk would (and works as root).
    rlimit saved{};
    getrlimit(RLIMIT_FSIZE, &saved);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 64;
    setrlimit(RLIMIT_FSIZE, &small);
    const QString message = errorFrom<nn::FileError>([&] { nn::writeFileAtomically(target, std::string(4096, 'x')); });
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);
    VERIFY_MENTIONS(message, (QStringList{QString::fromStdString(target), "File too large", "unchanged"}));
    QCOMPARE(nn::readFile(target), std::string("original"));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{"keep.json"});
}

void FilesTest::successfulWriteLeavesNoTemporaryFile()
{
    QTemporaryDir folder;
    const std::string target = folder.filePath("file.txt").toStdString();
    nn::writeFileAtomically(target, "first");
    nn::writeFileAtomically(target, "second");
    QCOMPARE(nn::readFile(target), std::string("second"));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{"file.txt"});
}

void FilesTest::readingMissingFileNamesPath()
{
    const std::string missing = path("absent.safetensors");
    const QString message = errorFrom<nn::FileError>([&] { nn::loadSafetensors(missing); });
    VERIFY_MENTIONS(message, (QStringList{QString::fromStdString(missing), "No such file"}));
}

QTEST_GUILESS_MAIN(FilesTest)
#include "test_files.moc"
