// layerlab-cli: train, evaluate, predict with, inspect and export LayerLab projects from the terminal.
#include "commands.h"
#include "datacommand.h"
#include "racecommand.h"

#include "nn/error.h"
#include "nn/jsontext.h"
#include "nn/projectsettings.h"
#include "nn/registry.h"
#include "nn/schedule.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <optional>

namespace {

// CLI11's check of a declared setting's range (in whole numbers for a whole-number setting).
CLI::Validator rangeOf(const nn::SettingSpec &spec)
{
    if (spec.type == nn::SettingSpec::Type::Int)
        return CLI::Range(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
    return CLI::Range(spec.min, spec.max);
}

// The learning rate as the optimizers declare it, over the widest range any of them accepts.
nn::SettingSpec learningRate()
{
    std::optional<nn::SettingSpec> rate;
    for (const nn::ComponentSpec *optimizer : nn::optimizerRegistry().specs())
        if (const nn::SettingSpec *lr = optimizer->find("lr")) {
            if (!rate)
                rate = *lr;
            rate->min = std::min(rate->min, lr->min);
            rate->max = std::max(rate->max, lr->max);
        }
    return rate.value_or(nn::SettingSpec::real("lr", 0.01, 0.0, 10.0, "Learning rate"));
}

// --augment-flip-horizontal, --augment-rotation DEGREES, …: one option per declared "augment." data
// setting, a flag for those that are on or off.
void addAugmentOptions(CLI::App &train, cli::TrainOptions &options)
{
    const std::string prefix = "augment.";
    for (const nn::SettingSpec &spec : nn::dataSettings().settings) {
        if (!spec.name.starts_with(prefix))
            continue;
        const std::string key = spec.name.substr(prefix.size());
        std::string option = "--augment-" + key;
        std::replace(option.begin(), option.end(), '_', '-');
        if (spec.type == nn::SettingSpec::Type::Bool)
            train.add_flag_callback(option, [&options, key] { options.augment[key] = 1.0; }, spec.help)->group("Augmentation");
        else if (spec.type == nn::SettingSpec::Type::Int)
            train.add_option_function<int64_t>(option, [&options, key](int64_t value) { options.augment[key] = static_cast<double>(value); }, spec.help)
                ->check(rangeOf(spec))
                ->group("Augmentation");
        else
            train.add_option_function<double>(option, [&options, key](double value) { options.augment[key] = value; }, spec.help)
                ->check(rangeOf(spec))
                ->group("Augmentation");
    }
}

// `train`'s options, checked against the declared training settings.
CLI::App *addTrainCommand(CLI::App &app, cli::TrainOptions &options)
{
    using nn::trainingSetting;
    const nn::SettingSpec rate = learningRate();
    auto *train = app.add_subcommand("train", "Train a project and save its weights beside it");
    train->add_option("project", options.project, "Project file (NAME.layerlab.json) or bundled example name")->required();
    train->add_option("--data", options.data, "Data set name (iris, spiral, fashion-mnist, shapes, …), a CSV/IDX path, or a folder of images "
                                       "with one subfolder per class");
    train->add_option("--epochs", options.epochs, trainingSetting("epochs").help)->check(rangeOf(trainingSetting("epochs")));
    train->add_option("--batch", options.batch, "Mini-batch size (1 = stochastic)")->check(rangeOf(trainingSetting("batch_size")));
    train->add_option("--optimizer", options.optimizer, "One of: " + nn::joined(nn::optimizerRegistry().kinds()));
    train->add_option("--lr", options.learningRate, rate.help)->check(rangeOf(rate));
    train->add_option("--schedule", options.schedule, trainingSetting("schedule.kind").help)
        ->check(CLI::IsMember(trainingSetting("schedule.kind").choices));
    train->add_option("--seed", options.seed, trainingSetting("seed").help);
    train->add_option("--threads", options.threads, trainingSetting("threads").help)->check(rangeOf(trainingSetting("threads")));
    train->add_option("--out", options.out, "Where to save the trained project (default: over the input)");
    train->add_flag("--resume", options.resume,
                    "Continue the saved run exactly where it stopped (weights, optimizer moments, position); "
                    "--epochs then counts the epochs to add");
    train->add_flag("--json", options.json, "Print one JSON object per epoch instead of a progress bar");
    addAugmentOptions(*train, options);
    return train;
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"LayerLab command-line tool: train, evaluate, predict with, inspect and export neural-network projects."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "layerlab-cli " LAYERLAB_VERSION, "Print the version and exit");

    cli::TrainOptions trainOptions;
    auto *train = addTrainCommand(app, trainOptions);

    cli::EvalOptions evalOptions;
    auto *eval = app.add_subcommand("eval", "Evaluate a trained project on a split");
    eval->add_option("project", evalOptions.project, "Project file or bundled example name")->required();
    eval->add_option("--split", evalOptions.split, "train, validation or test")->check(CLI::IsMember({"train", "validation", "test"}));
    eval->add_flag("--json", evalOptions.json, "Print the result as JSON");

    cli::PredictOptions predictOptions;
    auto *predict = app.add_subcommand("predict", "Predict with a trained project on the rows of a CSV file, or on images");
    predict->add_option("project", predictOptions.project, "Project file or bundled example name")->required();
    auto *input = predict->add_option("--input", predictOptions.input, "CSV file with the feature columns the project was trained on, "
                                                                         "or a PNG/JPEG image, or a folder of them");
    auto *text = predict->add_option("--text", predictOptions.texts, "Raw text for a project trained on text (repeat for several)");
    input->excludes(text);
    predict->add_flag("--json", predictOptions.json, "Print one JSON object per row");

    cli::ExportOptions exportOptions;
    auto *exportCommand = app.add_subcommand("export", "Export a trained project as ONNX, safetensors or a PyTorch script");
    exportCommand->add_option("project", exportOptions.project, "Project file or bundled example name")->required();
    exportCommand->add_option("--format", exportOptions.format, "onnx, safetensors or pytorch (default onnx)");
    exportCommand->add_option("--out", exportOptions.out, "File to write (default: NAME.onnx, NAME.safetensors or NAME.py here)");

    cli::SampleOptions sampleOptions;
    auto *sample = app.add_subcommand("sample", "Let a trained language model write text");
    sample->add_option("project", sampleOptions.project, "Project file or bundled example name")->required();
    sample->add_option("--prompt", sampleOptions.prompt, "Text to continue (default: none)");
    sample->add_option("--temperature", sampleOptions.temperature, "0: always the likeliest character; 1: the model's own odds; "
                                                                   "higher: wilder (default 0.8)")->check(CLI::Range(0.0, 100.0));
    sample->add_option("--length", sampleOptions.length, "Tokens to write (default 200)")->check(CLI::Range(1, 100000));
    sample->add_option("--seed", sampleOptions.seed, "Random seed: the same seed writes the same text (default 1)");
    cli::GenerateOptions generateOptions;
    auto *generate = app.add_subcommand("generate", "Write samples of a trained GAN: CSV rows for points, a PNG grid for images");
    generate->add_option("project", generateOptions.project, "GAN project file or bundled example name (gan-ring, gan-digits)")->required();
    generate->add_option("--count", generateOptions.count, "How many samples")->check(CLI::Range(1, 100000));
    generate->add_option("--seed", generateOptions.seed, "Draws the noise: the same seed gives the same samples");
    generate->add_option("--out", generateOptions.out, "File to write (default: NAME-samples.csv or NAME-samples.png here)");
    generate->add_option("--classifier", generateOptions.classifier,
                         "A trained classifier project that judges the samples: how many it is sure of (p > 0.9), "
                         "and of which classes (e.g. tests/fixtures/digits-classifier.layerlab.json for gan-digits)");
    generate->add_flag("--json", generateOptions.json, "With --classifier: print its verdict as one JSON object");

    cli::DataOptions dataOptions;
    auto *data = app.add_subcommand("data", "Write a project's samples as its network sees them (split, scaled, text as token ids) "
                                            "to a CSV file, for training the same data elsewhere");
    data->add_option("project", dataOptions.project, "Project file or bundled example name")->required();
    data->add_option("--out", dataOptions.out, "CSV file to write (default: NAME-data.csv here)");

    cli::RaceOptions raceOptions;
    auto *race = cli::addRaceCommand(app, raceOptions);

    std::string infoProject;
    bool infoJson = false;
    auto *info = app.add_subcommand("info", "Show a project's layers, shapes and parameter count");
    info->add_option("project", infoProject, "Project file or bundled example name")->required();
    info->add_flag("--json", infoJson, "Print as JSON");

    CLI11_PARSE(app, argc, argv);
    try {
        if (*train)
            return cli::train(trainOptions);
        if (*eval)
            return cli::evaluate(evalOptions);
        if (*predict)
            return cli::predict(predictOptions);
        if (*sample)
            return cli::sample(sampleOptions);
        if (*generate)
            return cli::generate(generateOptions);
        if (*exportCommand)
            return cli::exportModel(exportOptions);
        if (*data)
            return cli::writeData(dataOptions);
        if (*race)
            return cli::race(raceOptions);
        return cli::info(infoProject, infoJson);
    } catch (const nn::Error &error) {
        std::cerr << "error: " << error.what() << std::endl;
        return cli::kExitError;
    } catch (const std::exception &error) {
        std::cerr << "error: " << nn::messageOf(error) << std::endl;
        return cli::kExitError;
    }
}
