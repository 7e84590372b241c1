// What every live view's probe does with the model: gather a split, run the model in batches of at
// most 1024 rows with RunContext{.training = false}, and read the outputs as probabilities.
#pragma once

#include "datasets/datainfo.h"
#include "nn/batchsource.h"
#include "nn/model.h"
#include "nn/tensor.h"

#include <cstdint>
#include <string>

namespace datasets {
class Experiment;
}

namespace views {

inline constexpr int64_t kProbeBatch = 1024;

// The first `limit` samples of a split (all when limit < 0), scaled as the model sees them.
struct SplitSamples {
    nn::Tensor inputs;   // [N, sample…]
    nn::Tensor targets;  // [N, target…]
    int64_t count = 0;
};
SplitSamples gatherSplit(const nn::BatchSource &source, int64_t limit = -1);

// "softmax", "sigmoid" or "none": how the project's loss reads the outputs.
std::string outputActivation(const datasets::Experiment &experiment);

// Runs the model over inputs [N, sample…] in batches; returns the outputs [N, K] (a sequence's
// [N, T, K]) with `activation` applied along the last axis (a single sigmoid column becomes two
// columns, [1 − p, p]).
nn::Tensor predict(const nn::Model &model, const nn::Tensor &inputs, const std::string &activation);
// Outputs [N, K] with the activation applied, as predict() returns them.
nn::Tensor withActivation(nn::Tensor outputs, const std::string &activation);

// Index of the largest value in row `row` of probabilities [N, K].
int argmaxRow(const nn::Tensor &probabilities, int64_t row);

// Feature `feature` of a model input back in the data's own units, and the other way round.
float rawValue(float modelValue, const datasets::DataInfo &info, int64_t feature);
float modelValue(float rawValue, const datasets::DataInfo &info, int64_t feature);

} // namespace views
