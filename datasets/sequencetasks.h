// SequenceTasks: generated sequence sets for recurrent networks and attention: noisy sums of sines
// to forecast, the adding problem (Hochreiter & Schmidhuber), and copying or reversing a sequence.
// Deterministic from the seed through nn::Rng::keyed(seed, "data/<name>", sample).
#pragma once

#include "samples.h"

#include "nn/dataspec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// The tasks, each spec.samples samples of T = spec.sequenceLength (0: the task's own) steps:
// - sines: [T, 1] of a sum of three sines plus Gaussian noise (spec.noise); targets the next
//   spec.horizon values of the same noisy series, {horizon}.
// - adding: [T, 2], a value uniform in [0, 1) and a marker that is 1 at two steps (one in each
//   half); the target {1} is the sum of the two marked values. Predicting 1 always scores MSE ≈ 0.167.
// - copy, reverse: [T] ids of kSymbols symbols (2 … kSymbols + 1, after <pad> and <unk>);
//   targets [T], the same ids or the ids backwards.
class SequenceTasks {
public:
    static std::vector<std::string> names();
    static bool contains(const std::string &name);
    // nn::SettingError when samples × T is more than memory should hold.
    static RawData<float> generate(const std::string &name, const nn::DataSpec &spec, uint64_t seed);
    // The task's T when spec.sequenceLength is 0.
    static int64_t defaultLength(const std::string &name);
    // One line on a task, for the GUI and messages.
    static std::string describe(const std::string &name);

    static constexpr int64_t kSymbols = 8;
    static constexpr int64_t kMaxValues = 200'000'000;  // samples × T × features
};

} // namespace datasets
