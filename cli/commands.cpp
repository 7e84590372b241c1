// The layerlab-cli subcommands: open a project through datasets::Experiment and act on it.
#include "commands.h"

#include "gancommands.h"
#include "loadreporter.h"
#include "progressreporter.h"

#include "datasets/experiment.h"
#include "datasets/imagedecoder.h"
#include "datasets/textcsv.h"
#include "datasets/textsampler.h"
#include "datasets/textset.h"
#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/export/onnxexport.h"
#include "nn/export/pytorchexport.h"
#include "nn/export/pytorchgan.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"
#include "nn/runstate.h"
#include "nn/weights.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>
#include <unistd.h>

namespace cli {

namespace {

// The --augment-… options, checked by the data section's reader like the same keys in a file.
void applyAugmentOverrides(nn::Project &project, const std::map<std::string, double> &augment)
{
    if (augment.empty())
        return;
    nlohmann::json data = project.data.toJson();
    nlohmann::json &section = data["augment"];
    for (const auto &[key, value] : augment) {
        const nn::SettingSpec &spec = nn::dataSetting("augment." + key);
        if (spec.type == nn::SettingSpec::Type::Bool)
            section[key] = value != 0.0;
        else if (spec.type == nn::SettingSpec::Type::Int)
            section[key] = static_cast<int64_t>(std::llround(value));
        else
            section[key] = value;
    }
    project.data = nn::DataSpec::fromJson(data);
}

void applyOverrides(nn::Project &project, const TrainOptions &options)
{
    if (!options.data.empty() && options.data != project.data.source) {
        project.data.source = options.data;
        project.data.vocabulary.clear();  // another set's tokens: count them afresh
    }
    if (options.epochs)
        project.training.epochs = *options.epochs;
    if (options.batch) {
        project.training.batchMode = *options.batch == 1 ? "stochastic" : "minibatch";
        project.training.batchSize = *options.batch;
    }
    if (!options.optimizer.empty() && options.optimizer != project.training.optimizer) {
        const double rate = project.training.optimizerSettings.value("lr", -1.0);
        project.training.optimizer = options.optimizer;
        project.training.optimizerSettings = nlohmann::json::object();
        if (rate > 0.0 && !options.learningRate)
            project.training.optimizerSettings["lr"] = rate;
    }
    if (options.learningRate)
        project.training.optimizerSettings["lr"] = *options.learningRate;
    if (!options.schedule.empty())
        project.training.schedule.kind = options.schedule;
    if (options.seed)
        project.training.seed = *options.seed;
    if (options.threads)
        project.training.threads = *options.threads;
    applyAugmentOverrides(project, options.augment);
}

// Where a trained project goes: --out, else over the input, except that bundled examples are
// copied into the current folder rather than changed.
std::string outputPath(const std::string &input, const std::string &out)
{
    if (!out.empty())
        return out;
    if (datasets::isBundledExample(input))
        return std::filesystem::path(input).filename().string();
    return input;
}

// Opens a project's experiment with the loading of a folder of images reported to `reporter`.
datasets::Experiment openExperiment(const nn::Project &project, LoadReporter &reporter)
{
    const auto start = std::chrono::steady_clock::now();
    datasets::Experiment experiment(project, reporter.progress());
    reporter.loaded(experiment.data().info, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return experiment;
}

int64_t parameterCount(datasets::Experiment &experiment)
{
    int64_t total = 0;
    for (const nn::Model *model : experiment.models())
        total += model->parameterCount();
    return total;
}

// A bundled example's name means its trained copy in the current folder once `train NAME` has put
// one there (outputPath), so that `train char-language-model` then `sample char-language-model` works.
std::string trainedProjectPath(const std::string &pathOrName)
{
    const std::string path = datasets::resolveProjectPath(pathOrName);
    if (datasets::isBundledExample(path)) {
        const std::string copy = outputPath(path, {});
        if (std::filesystem::exists(copy) && std::filesystem::exists(nn::weightsPathFor(copy)))
            return copy;
    }
    return path;
}

} // namespace

datasets::Experiment openTrained(const std::string &pathOrName)
{
    const std::string path = trainedProjectPath(pathOrName);
    const std::string weights = nn::weightsPathFor(path);
    if (!std::filesystem::exists(weights))  // before the data loads: the message comes at once
        throw nn::FileError("'" + path + "' has no trained weights (" + weights +
                            " is missing); train it first with: layerlab-cli train " + pathOrName);
    LoadReporter reporter(stderr, false);
    datasets::Experiment experiment = openExperiment(nn::loadProject(path), reporter);
    nn::loadWeights(experiment.models(), weights);
    return experiment;
}

namespace {

// NAME.layerlab.json → NAME + extension, in the current folder.
std::string defaultExportPath(const std::string &projectPath, const std::string &extension)
{
    std::string stem = std::filesystem::path(projectPath).filename().string();
    for (const std::string suffix : {".layerlab.json", ".json"})
        if (stem.ends_with(suffix)) {
            stem.resize(stem.size() - suffix.size());
            break;
        }
    return stem + extension;
}

// The file extension of an export format; SettingError for a format that does not exist.
std::string exportExtension(const std::string &format)
{
    if (format == "onnx")
        return ".onnx";
    if (format == "safetensors")
        return ".safetensors";
    if (format == "pytorch")
        return ".py";
    throw nn::SettingError("Unknown export format '" + format + "'; choose onnx, safetensors or pytorch.");
}

nlohmann::json evaluationJson(const nn::Evaluation &evaluation, const std::string &prefix)
{
    nlohmann::json json = {{prefix + "_loss", finiteOrNull(evaluation.loss)}, {prefix + "_samples", evaluation.samples}};
    if (evaluation.classification) {
        const auto &m = *evaluation.classification;
        json[prefix + "_accuracy"] = m.accuracy;
        json[prefix + "_macro_precision"] = m.macroPrecision;
        json[prefix + "_macro_recall"] = m.macroRecall;
        json[prefix + "_macro_f1"] = m.macroF1;
    }
    if (evaluation.regression) {
        json[prefix + "_mae"] = evaluation.regression->mae;
        json[prefix + "_r2"] = evaluation.regression->r2;
    }
    return json;
}

void printEvaluation(const nn::Evaluation &evaluation, const datasets::DataInfo &info, const std::string &split)
{
    std::printf("%s split: %lld samples, loss %.4f\n", split.c_str(), static_cast<long long>(evaluation.samples), evaluation.loss);
    if (evaluation.regression) {
        std::printf("MAE %.4f  R² %.4f\n", evaluation.regression->mae, evaluation.regression->r2);
        return;
    }
    const auto &m = *evaluation.classification;
    std::printf("accuracy %.2f%%  macro precision %.3f  recall %.3f  F1 %.3f\n\n", 100.0 * m.accuracy, m.macroPrecision,
                m.macroRecall, m.macroF1);
    if (info.languageModel)  // a class per token: a table of every character would drown the result
        return;
    std::printf("%-16s %9s %9s %9s\n", "class", "precision", "recall", "F1");
    for (size_t c = 0; c < m.precision.size(); ++c)
        std::printf("%-16s %9.3f %9.3f %9.3f\n", c < info.classNames.size() ? info.classNames[c].c_str() : std::to_string(c).c_str(),
                    m.precision[c], m.recall[c], m.f1[c]);
    std::printf("\nconfusion matrix (rows: true class, columns: predicted)\n");
    for (const auto &row : m.confusion) {
        for (int64_t count : row)
            std::printf("%6lld", static_cast<long long>(count));
        std::printf("\n");
    }
}

// predict's CSV header: the file (for images) or text, the predicted class or row, then one
// column per class probability or regression target.
void printPredictionHeader(const datasets::DataInfo &info, int64_t columns, const std::string &what)
{
    const auto className = [&](size_t c) { return c < info.classNames.size() ? info.classNames[c] : std::to_string(c); };
    std::printf("%s%s", what.empty() ? "" : (what + ",").c_str(), info.classification ? "predicted" : "row");
    for (int64_t c = 0; c < columns; ++c)
        std::printf(",%s", info.classification ? ("p_" + className(static_cast<size_t>(c + (columns == 1)))).c_str()
                                               : (c < static_cast<int64_t>(info.targetNames.size()) ? info.targetNames[static_cast<size_t>(c)]
                                                                                                    : "y" + std::to_string(c)).c_str());
    std::printf("\n");
}

// A CSV field: as is, or in quotes (with quotes doubled) when it holds a comma, quote or line break.
std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// The raw texts for a project trained on text: --text, or a CSV file's text column.
std::vector<std::string> textsToPredict(const PredictOptions &options, const datasets::Experiment &experiment)
{
    const datasets::DataInfo &info = experiment.data().info;
    if (info.languageModel)
        throw nn::SettingError("This project is a language model; let it write text with: layerlab-cli sample " + options.project);
    if (!experiment.data().train->targetShape().empty())
        throw nn::SettingError("This project predicts a token at every step (" + info.name +
                               "); predict gives one class per text, so it cannot read its outputs.");
    return options.texts.empty() ? datasets::TextCsv::readColumn(options.input, experiment.project().data.textColumn) : options.texts;
}

} // namespace

int train(const TrainOptions &options)
{
    const std::string path = datasets::resolveProjectPath(options.project);
    nn::Project project = nn::loadProject(path);
    applyOverrides(project, options);
    LoadReporter loadReporter(stdout, options.json);
    datasets::Experiment experiment = openExperiment(project, loadReporter);
    nn::TrainingConfig config = project.training;
    std::optional<nn::RunState> continued;
    if (options.resume) {
        nn::loadWeights(experiment.models(), nn::weightsPathFor(path));
        // Saved runs older than the run state file continue from their weights with a fresh optimizer.
        if (const std::string runPath = nn::runStatePathFor(path); std::filesystem::exists(runPath)) {
            continued = nn::loadRunState(experiment.models(), runPath);
            config.epochs += continued->completedEpochs();  // --epochs counts the epochs to add
        } else if (!options.json) {
            std::printf("No run state beside the weights (%s): the optimizer starts afresh.\n", runPath.c_str());
        }
    }
    auto trainer = experiment.makeTrainer(config);
    if (continued)
        for (const std::string &change : trainer->continueFrom(*continued))
            if (!options.json)
                std::printf("Continuing, but %s.\n", change.c_str());
    // Create the output folder before training, so that a long run is never lost to a missing folder.
    const std::string out = outputPath(path, options.out);
    if (const auto folder = std::filesystem::path(out).parent_path(); !folder.empty())
        std::filesystem::create_directories(folder);

    const auto style = options.json ? ProgressReporter::Style::Json
                       : isatty(fileno(stdout)) ? ProgressReporter::Style::Bar
                                                : ProgressReporter::Style::Lines;
    ProgressReporter reporter(style, config.epochs, experiment.data().train->size());
    trainer->setObserver(&reporter);
    if (!options.json)
        std::printf("Training %s on %s: %lld training, %lld validation samples, %lld parameters, %d thread(s)\n",
                    project.name.c_str(), experiment.data().info.name.c_str(),
                    static_cast<long long>(experiment.data().train->size()),
                    static_cast<long long>(experiment.data().validation ? experiment.data().validation->size() : 0),
                    static_cast<long long>(parameterCount(experiment)), trainer->arena().threads());
    const nn::FinishReport result = trainer->run();

    nn::saveProject(experiment.project(), out);
    nn::saveWeights(experiment.models(), nn::weightsPathFor(out));
    nn::saveRunState(experiment.models(), trainer->runState(), nn::runStatePathFor(out));

    nlohmann::json done = {{"event", "done"},
                           {"reason", result.reason == nn::FinishReport::Reason::Completed      ? "completed"
                                      : result.reason == nn::FinishReport::Reason::EarlyStopped ? "early_stopped"
                                      : result.reason == nn::FinishReport::Reason::Stopped      ? "stopped"
                                                                                                : "diverged"},
                           {"epochs", result.epochsRun},
                           {"message", result.message},
                           {"project", out},
                           {"weights", nn::weightsPathFor(out)}};
    const nn::BatchSource *test = experiment.data().test.get();
    if (experiment.isGan() && result.reason != nn::FinishReport::Reason::Diverged)
        done.update(ganSummary(experiment, !options.json));
    else if (result.reason != nn::FinishReport::Reason::Diverged && test && test->size() > 0) {
        const nn::Evaluation evaluation = trainer->evaluate(*test);
        done.update(evaluationJson(evaluation, "test"));
        if (!options.json) {
            std::printf("\n");
            printEvaluation(evaluation, experiment.data().info, "test");
        }
    }
    if (options.json)
        std::cout << done.dump() << std::endl;
    else
        std::printf("\nSaved %s and %s\n", out.c_str(), nn::weightsPathFor(out).c_str());
    if (result.reason == nn::FinishReport::Reason::Diverged) {
        std::cerr << "error: " << result.message << std::endl;
        return kExitDiverged;
    }
    return 0;
}

int evaluate(const EvalOptions &options)
{
    datasets::Experiment experiment = openTrained(options.project);
    const nn::Evaluation evaluation = experiment.makeTrainer()->evaluate(experiment.split(options.split));
    if (options.json) {
        nlohmann::json json = evaluationJson(evaluation, options.split);
        json["event"] = "eval";
        if (evaluation.classification)
            json["confusion"] = evaluation.classification->confusion;
        std::cout << json.dump() << std::endl;
    } else {
        printEvaluation(evaluation, experiment.data().info, options.split);
    }
    return 0;
}

int predict(const PredictOptions &options)
{
    if (options.input.empty() && options.texts.empty())
        throw nn::SettingError("Give predict something to read: --input FILE (a CSV, an image or a folder of images) or --text \"…\".");
    datasets::Experiment experiment = openTrained(options.project);
    const datasets::DataInfo &info = experiment.data().info;
    // Images (a folder, or a file that is one) and texts get a first column with the file or the
    // text; a CSV of numbers does not.
    const bool text = !info.vocabulary.empty();
    std::vector<std::string> files = text ? textsToPredict(options, experiment) : std::vector<std::string>{};
    if (!text && !options.texts.empty())
        throw nn::SettingError("This project was trained on " + info.name + ", which is not text; give it --input FILE instead of --text.");
    if (!text && (std::filesystem::is_directory(options.input) || datasets::ImageDecoder::hasImageExtension(options.input)))
        files = datasets::ImageFolder::imageFilesAt(options.input);
    const std::string what = text ? "text" : files.empty() ? "" : "file";
    const nn::Tensor features = text           ? datasets::TextSet::encode(files, info)
                                : files.empty() ? datasets::readFeatures(options.input, info)
                                                : datasets::readImages(files, info, experiment.project().data.imageResize);
    nn::ThreadArena arena(experiment.project().training.threads);  // the project's threads to predict on
    const nn::Tensor output = arena.run([&] { return experiment.model().forward(features, nn::RunContext{}); });
    const nn::Tensor values = experiment.probabilities(output);
    const auto classes = nn::MetricsAccumulator::predictedClasses(output);
    const int64_t columns = values.rank() > 1 ? values.size() / values.dim(0) : 1;
    const auto className = [&](size_t c) { return c < info.classNames.size() ? info.classNames[c] : std::to_string(c); };

    if (!options.json)
        printPredictionHeader(info, columns, what);
    for (int64_t row = 0; row < values.dim(0); ++row) {
        nlohmann::json line = {{"row", row}};
        if (!files.empty())
            line[what] = files[static_cast<size_t>(row)];
        std::vector<double> rowValues(values.data() + row * columns, values.data() + (row + 1) * columns);
        if (options.json) {
            if (info.classification) {
                line["predicted"] = className(static_cast<size_t>(classes[static_cast<size_t>(row)]));
                line["probabilities"] = rowValues;
            } else {
                line["values"] = rowValues;
            }
            std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            continue;
        }
        if (!files.empty())
            std::printf("%s,", csvField(files[static_cast<size_t>(row)]).c_str());
        std::printf("%s", info.classification ? className(static_cast<size_t>(classes[static_cast<size_t>(row)])).c_str()
                                              : std::to_string(row).c_str());
        for (double v : rowValues)
            std::printf(",%.6g", v);
        std::printf("\n");
    }
    return 0;
}

int sample(const SampleOptions &options)
{
    datasets::Experiment experiment = openTrained(options.project);
    const datasets::TextSampler sampler(experiment.model(), experiment.data().info);
    nn::ThreadArena arena(experiment.project().training.threads);
    const std::string text = arena.run([&] { return sampler.sample(options.prompt, options.length, options.temperature, options.seed); });
    std::printf("%s%s\n", options.prompt.c_str(), text.c_str());
    return 0;
}

int info(const std::string &pathOrName, bool json)
{
    const std::string path = datasets::resolveProjectPath(pathOrName);
    const nn::Project project = nn::loadProject(path);
    const nn::Graph &graph = project.graph;
    const auto status = graph.inferShapes();
    const auto counts = graph.parameterCounts(status);
    nlohmann::json layers = nlohmann::json::array();
    int64_t total = 0;
    std::string problems;
    for (int id : graph.topologicalOrder()) {
        const nn::Node &node = graph.node(id);
        const nn::NodeStatus &s = status.at(id);
        const int64_t count = counts.at(id);
        if (!s.ok() && !s.blockedUpstream)
            problems += "  " + s.error + "\n";
        if (__builtin_add_overflow(total, count, &total))
            total = std::numeric_limits<int64_t>::max();
        layers.push_back({{"name", node.name}, {"kind", node.kind}, {"output", s.ok() ? nn::toString(s.output()) : "?"},
                          {"parameters", count}, {"settings", node.settings.toJson()}});
        if (!node.network.empty())
            layers.back()["network"] = node.network;
    }
    if (total > nn::kMaxParameters)
        problems += "  The network has " + std::to_string(total) + " parameters, more than the " +
                    std::to_string(nn::kMaxParameters) + " LayerLab trains; make its largest layers smaller.\n";
    if (json) {
        std::cout << nlohmann::json{{"project", project.name}, {"layers", layers}, {"parameters", total},
                                    {"data", project.data.toJson()}, {"training", project.training.toJson()}}
                         .dump(2)
                  << std::endl;
        return problems.empty() ? 0 : kExitError;
    }
    std::printf("%s — %s\n\n", project.name.c_str(), project.description.c_str());
    std::printf("%-14s %-12s %-20s %12s\n", "layer", "kind", "output", "parameters");
    for (const auto &layer : layers)
        std::printf("%-14s %-12s %-20s %12lld\n", layer["name"].get<std::string>().c_str(),
                    layer["kind"].get<std::string>().c_str(), layer["output"].get<std::string>().c_str(),
                    static_cast<long long>(layer["parameters"].get<int64_t>()));
    std::printf("\ntotal parameters: %lld\n", static_cast<long long>(total));
    std::printf("data: %s   loss: %s   optimizer: %s   epochs: %d   batch: %s %d\n", project.data.source.c_str(),
                project.training.loss.c_str(), project.training.optimizer.c_str(), project.training.epochs,
                project.training.batchMode.c_str(), project.training.batchSize);
    if (!problems.empty()) {
        std::fprintf(stderr, "\nThe network has problems:\n%s", problems.c_str());
        return kExitError;
    }
    return 0;
}

int exportModel(const ExportOptions &options)
{
    const std::string extension = exportExtension(options.format);
    const std::string path = datasets::resolveProjectPath(options.project);
    datasets::Experiment experiment = openTrained(options.project);
    const std::string out = options.out.empty() ? defaultExportPath(path, extension) : options.out;
    if (options.format == "onnx")
        nn::exportOnnx(experiment.model(), experiment.exportInfo(), out);
    else if (options.format == "safetensors")
        nn::saveWeights(experiment.models(), out);
    else if (experiment.isGan())
        nn::exportPytorchGan(experiment.model(), experiment.discriminator(), experiment.split("train"),
                             experiment.exportInfo(), out);
    else
        nn::exportPytorch(experiment.model(), experiment.exportInfo(), out);
    std::printf("Exported %s as %s to %s\n", path.c_str(), options.format.c_str(), out.c_str());
    if (experiment.isGan() && options.format == "onnx") {
        nn::Shape noise = experiment.model().inputShape();
        noise.insert(noise.begin(), nn::kBatch);
        std::printf("It holds the generator alone: noise %s in, samples out.\n", nn::toString(noise).c_str());
    }
    if (options.format == "pytorch") {
        const std::filesystem::path weights = std::filesystem::path(out).replace_extension(".safetensors");
        std::printf("The script loads its weights from %s\n", weights.string().c_str());
        if (experiment.isGan())
            std::printf("It holds both networks and the adversarial loop; it trains on the real samples in %s\n",
                        (weights.parent_path() / nn::pytorchGanDataFileName(weights.filename().string())).string().c_str());
    }
    return 0;
}

} // namespace cli
