// What each registered layer kind becomes in the exported PyTorch script: the submodule that holds
// its parameters (named so state_dict keys match LayerLab's "node.weight") and its forward line.
// The kinds' writers are their export adapters (layerexport.h, nn/export/layers/).
#pragma once

#include "nn/graph.h"

#include <string>
#include <vector>

namespace nn {

// Where a node sits: its input shapes, its output shape (batch dim kBatch) and the Python
// expressions for its inputs and its submodule ("self.dense1"). The graph's Input node gets the
// forward's argument.
struct PytorchNodeContext {
    std::vector<Shape> inputs;
    Shape output;
    std::vector<std::string> arguments;
    std::string module;

    // The submodule applied to the first input: "self.dense1(x)".
    std::string call() const { return module + "(" + arguments.at(0) + ")"; }
};

// One node in Python.
struct PytorchNode {
    std::string module;      // "nn.Linear(4, 16)"; empty when the node needs no submodule
    std::string expression;  // "torch.relu(self.dense1(x))"
    // Its parameters that weight decay and L1/L2 apply to ("weight"), as the engine marks them
    // (Parameter::decays): weights of Dense and the convolutions, never biases or norm scales.
    std::vector<std::string> decaying = {};
};

// True when the exporter knows `kind` (every registered kind should be; a test checks it).
bool hasPytorchWriter(const std::string &kind);
// The Python for one node. Throws nn::Error naming the node when its kind has no writer.
PytorchNode pytorchNode(const Node &node, const PytorchNodeContext &context);

// `expression` passed through a fused activation ("relu", …), as Dense and the convolutions apply it.
std::string pytorchActivated(const std::string &activation, const std::string &expression);
// ", bias=False" for a layer whose use_bias is off, else nothing.
std::string pytorchBiasArgument(const Settings &settings);

} // namespace nn
