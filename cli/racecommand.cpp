// The race subcommand: an OptimizerRace run to its end, its epochs printed as they finish.
#include "racecommand.h"

#include "commands.h"

#include "datasets/optimizerrace.h"
#include "nn/error.h"
#include "nn/projectsettings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace cli {

namespace {

// The epoch row `epoch` (1-based) is ready once some run has finished it and every other one has
// too or has ended before it.
bool rowReady(const datasets::OptimizerRace &race, size_t epoch)
{
    bool reached = false;
    for (size_t i = 0; i < race.size(); ++i) {
        const size_t done = race.run(i).epochLosses.size();
        if (done < epoch && race.run(i).outcome.empty())
            return false;
        reached = reached || done >= epoch;
    }
    return reached;
}

void printRow(const datasets::OptimizerRace &race, size_t epoch)
{
    std::printf("%-7zu %-9lld", epoch, static_cast<long long>(epoch) * static_cast<long long>(race.trainSamples()));
    for (size_t i = 0; i < race.size(); ++i) {
        const auto &losses = race.run(i).epochLosses;
        if (epoch <= losses.size())
            std::printf(" %-24.6g", losses[epoch - 1]);
        else
            std::printf(" %-24s", "-");
    }
    std::printf("\n");
    std::fflush(stdout);
}

nlohmann::json raceJson(const datasets::OptimizerRace &race)
{
    nlohmann::json runs = nlohmann::json::array();
    for (size_t i = 0; i < race.size(); ++i) {
        const datasets::RaceRun &run = race.run(i);
        runs.push_back({{"setting", run.setting.text()},
                        {"label", run.setting.label()},
                        {"outcome", run.outcome},
                        {"epoch_loss", run.epochLosses},
                        {"samples_seen", run.samples}});
    }
    return {{"project", race.experiment().project().name}, {"train_samples", race.trainSamples()}, {"runs", runs}};
}

} // namespace

CLI::App *addRaceCommand(CLI::App &app, RaceOptions &options)
{
    auto *race = app.add_subcommand("race", "Train a project under up to 4 optimizer settings from the same initial weights "
                                            "and data order, and print each run's loss per epoch");
    race->add_option("project", options.project, "Project file or bundled example name (optimizer-race)")->required();
    race->add_option("--optimizers", options.optimizers,
                     "Comma-separated PRESET:LR[@BATCH], PRESET one of sgd, momentum, nesterov, rmsprop, adam, adamw, "
                     "adagrad; BATCH full, 1 or a size (e.g. sgd:0.1,adam:0.01 or sgd:0.1@full,sgd:0.1@1)")
        ->required()
        ->delimiter(',');
    race->add_option("--epochs", options.epochs, nn::trainingSetting("epochs").help)
        ->check(CLI::Range(int(nn::trainingSetting("epochs").min), int(nn::trainingSetting("epochs").max)));
    race->add_flag("--json", options.json, "Print one JSON object with every run's losses at the end");
    return race;
}

int race(const RaceOptions &options)
{
    std::vector<nn::RaceSetting> settings;
    for (const std::string &text : options.optimizers)
        settings.push_back(nn::RaceSetting::parse(text));
    nn::Project project = nn::loadProject(datasets::resolveProjectPath(options.project));
    if (options.epochs)
        project.training.epochs = *options.epochs;
    datasets::OptimizerRace race(project, settings);

    if (!options.json) {
        std::printf("%s: %lld training samples per epoch; every run starts from the same weights and sees the same order\n",
                    project.name.c_str(), static_cast<long long>(race.trainSamples()));
        std::printf("%-7s %-9s", "epoch", "samples");
        for (const nn::RaceSetting &setting : settings)
            std::printf(" %-24s", setting.label().c_str());
        std::printf("\n");
    }
    size_t printed = 0;
    auto printReady = [&] {
        while (!options.json && rowReady(race, printed + 1))
            printRow(race, ++printed);
    };
    while (race.step())
        printReady();
    printReady();

    bool diverged = false;
    for (size_t i = 0; i < race.size(); ++i) {
        diverged = diverged || race.run(i).outcome.starts_with("diverged");
        if (!options.json && race.run(i).outcome != "completed")
            std::printf("%s: %s\n", race.run(i).setting.label().c_str(), race.run(i).outcome.c_str());
    }
    if (options.json)
        std::cout << raceJson(race).dump() << std::endl;
    return diverged ? kExitDiverged : 0;
}

} // namespace cli
