// Taps: a read-only window into every node of a training step, recorded on the steps a view asks
// for and handed over by value: views see what happened inside, never the model itself.
#pragma once

#include "layer.h"
#include "tensor.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace nn {

class Loss;
class Model;
class Pass;

// What a view wants recorded on the next step.
struct TapRequest {
    int64_t sample = -1;      // full activations and gradients of this sample of the batch; -1: none
    std::string weightsNode;  // full weights of this node; "": none
};

// One node's activations over the batch: over every value, or every stride-th of a large tensor
// (more than 2^16 values), which gives the same picture to a few tenths of a percent.
struct ActivationSummary {
    static constexpr int kBins = 32;
    int64_t stride = 1;
    double mean = 0.0, std = 0.0;
    float low = 0.0f, high = 0.0f;           // the histogram's range: the smallest and largest value
    std::array<int64_t, kBins> histogram{};  // counts of values in kBins equal bins over [low, high]
    double zeros = 0.0;      // fraction exactly 0: dead ReLUs
    double saturated = 0.0;  // fraction |tanh| > 0.97, or sigmoid < 0.03 or > 0.97; NaN for other outputs
};

// One learnable tensor of a node after the step.
struct ParameterTap {
    std::string name;           // "weight", "bias"
    double gradientNorm = 0.0;  // ‖∂L/∂θ‖₂
    double updateRatio = 0.0;   // ‖θ_after − θ_before‖₂ / ‖θ_before‖₂: about 1e-3 is healthy
};

// Everything recorded for one node.
struct NodeTap {
    int nodeId = 0;
    std::string name, kind;
    Shape shape;  // of its output, batch first
    ActivationSummary activation;
    double gradientNorm = std::numeric_limits<double>::quiet_NaN();  // ‖∂L/∂output‖₂; NaN: none reached it
    std::vector<ParameterTap> parameters;
    Tensor sampleActivation, sampleGradient;  // the requested sample's, without the batch axis
    std::vector<LayerInternal> internals;     // the requested sample's (Layer::internals): attention, hidden states
};

// One step seen from inside.
struct TapRecord {
    int64_t step = 0;  // the global step it was recorded on (1-based)
    int64_t sample = -1;
    std::vector<NodeTap> nodes;  // topological order
    std::string weightsNode;
    std::vector<std::pair<std::string, Tensor>> weights;  // the requested node's parameters by name
    // A model with an output per step ([N, T, K] against class targets [N, T]): the requested
    // sample's targets [T] and the loss of each of its steps, as the loss computes it on that step
    // alone (their mean over the batch's steps is the step's loss). Empty otherwise.
    Tensor sampleTarget;
    std::vector<double> stepLosses;
};

// Summarises a batch of activations; `saturation` is "tanh", "sigmoid" or "" (none measured).
ActivationSummary summarizeActivations(const Tensor &activations, const std::string &saturation);

// Records `pass` (a forward and backward of `model`) after an optimizer step; `before` holds the
// parameter values before it, in model.parameterList() order.
TapRecord recordTaps(Model &model, const Pass &pass, const std::vector<Tensor> &before, const TapRequest &request,
                     int64_t step);

// Fills record.sampleTarget and record.stepLosses for its sample when `output` [N, T, K] holds a
// class per step for `target` [N, T] under `loss` (class targets); does nothing otherwise.
void recordStepLosses(TapRecord &record, const Loss &loss, const Tensor &output, const Tensor &target);

} // namespace nn
