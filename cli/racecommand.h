// `layerlab-cli race PROJECT --optimizers sgd:0.1,adam:0.01 [--epochs N] [--json]`: trains the
// project's network under up to four optimizer settings from the same initial weights and data
// order, and prints each run's training loss per epoch.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cli {

struct RaceOptions {
    std::string project;
    std::vector<std::string> optimizers;  // RaceSetting texts: "adam:0.01", "sgd:0.1@full"
    std::optional<int> epochs;
    bool json = false;
};

// Declares the `race` subcommand and its options on `app`.
CLI::App *addRaceCommand(CLI::App &app, RaceOptions &options);
int race(const RaceOptions &options);

} // namespace cli
