// The GAN side of layerlab-cli: what train reports at the end of a GAN's run, and generate.
#pragma once

#include "datasets/experiment.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cli {

// Opens a project with its trained weights (every model's), which evaluation, prediction and
// generation need; how its data loads goes to stderr, away from the results.
datasets::Experiment openTrained(const std::string &pathOrName);

// After a GAN's run: 2,000 samples from fixed noise measured against the real data: for the ring
// and the grid how many modes hold at least 5% of them ("modes_covered" of "modes") and the share
// near some mode ("near_mode"), each within 3σ; for every set "spread". Printed when `print`.
nlohmann::json ganSummary(datasets::Experiment &experiment, bool print);

// n samples of a GAN's generator for noise keyed by `seed`, in the data's own units: [n, features…].
nn::Tensor generatedSamples(datasets::Experiment &experiment, int64_t n, uint64_t seed);

} // namespace cli
