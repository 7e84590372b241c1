// BackpropTrace: one supervised training step on one batch, recorded node by node for the backprop
// stepper: what each node read and wrote going forward, the gradients coming back, and the
// optimizer's update of one chosen weight.
#pragma once

#include "optimizer.h"
#include "tensor.h"
#include "trainingconfig.h"
#include "updateexplanation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

class Model;

// One learnable tensor of a node: its value before the update and ∂L/∂θ from backward alone.
struct TraceParameter {
    std::string name;  // "weight", "bias"
    Tensor value, grad;
};

// One node of the step, batch first everywhere.
struct TraceNode {
    int nodeId = 0;
    std::string name, kind;
    std::vector<int> inputNodes;     // the nodes it reads, in input-port order
    std::vector<Tensor> inputs;      // what it read
    Tensor output;                   // what it wrote (port 0)
    Tensor dOutput;                  // δ: ∂L/∂output, summed over every node that reads it; empty when none came
    std::vector<Tensor> dInputs;     // ∂L/∂input i: δ of the node that input comes from
    std::vector<char> sharedInputs;  // per input: its node feeds others too, so dInputs[i] sums theirs
    std::vector<TraceParameter> parameters;
};

// Which weight's update to explain: a parameter by full name ("hidden1.weight"; "" for the first)
// and a flat element of it.
struct TraceRequest {
    std::string parameter;
    int64_t element = 0;
};

// Everything one step did. The numbers are Model::forward/backward's and the optimizer's own.
struct BackpropTrace {
    Tensor x, y;  // the batch; y as the loss reads it
    std::string loss;
    double lossValue = 0.0;
    Tensor output, dOutput;  // the network's output and ∂L/∂output from the loss
    std::vector<TraceNode> nodes;  // topological order, the Input first
    std::vector<std::string> gradientChanges;  // what changed the gradients after backward (L2, clipping)
    std::vector<std::string> parameterNames;   // every parameter's full name, in the optimizer's order
    std::string updatedParameter;              // the explained one's full name
    UpdateExplanation update;
    Tensor updatedValue;  // the explained parameter after the optimizer's step
};

// Runs one training step of a copy of `model` (same graph, same weights; `model` is not changed) on
// the batch x, y under `config`'s loss, regularization, clipping and optimizer. The optimizer starts
// from `state` (the run's, to continue it; nullptr or empty for a fresh one); the forward is keyed as
// step `step` of the run. Throws SettingError for a request naming no parameter, ShapeError when the
// batch does not fit.
BackpropTrace traceBackprop(const Model &model, const TrainingConfig &config, const Tensor &x, const Tensor &y,
                            const OptimizerState *state, uint64_t step, const TraceRequest &request);

} // namespace nn
