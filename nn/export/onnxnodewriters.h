// What an ONNX node writer sees of one graph node, and what the layer kinds' writers share: the
// fused activations and constants in place of absent tensors. The writers themselves are the
// kinds' export adapters (layerexport.h, nn/export/layers/).
#pragma once

#include "onnxgraphwriter.h"

#include "nn/activation.h"
#include "nn/graph.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace nn {

// What a writer sees of one graph node: its settings, the ONNX values feeding its ports, the
// shapes (batch dim kBatch) and its trained tensors by their short name ("weight", "running_mean").
// The graph's Input node is fed the graph input (after the input scaling).
struct OnnxNodeContext {
    const Node &node;
    std::vector<std::string> inputs;  // value names, in port order
    std::vector<Shape> inputShapes;
    Shape outputShape;  // the first output port's
    std::map<std::string, const Tensor *> tensors;

    // The node's tensor `name`; nullptr when the node has none (a layer without bias).
    const Tensor *tensor(const std::string &name) const;
    // "node.name" for initializers, so the ONNX file and the safetensors file agree.
    std::string tensorName(const std::string &name) const { return node.name + "." + name; }
    // "node/part" for values inside the node's computation.
    std::string part(const std::string &name) const { return node.name + "/" + name; }
};

// The names of the ONNX values holding a node's output ports, in port order. A writer for a kind
// with one output returns its one name.
struct OnnxOutputs {
    std::vector<std::string> ports;
    OnnxOutputs(std::string value) : ports{std::move(value)} {}
    OnnxOutputs(std::vector<std::string> values) : ports(std::move(values)) {}
};

// Appends the nodes for one graph node and returns the values that hold its outputs.
using OnnxNodeWriter = std::function<OnnxOutputs(OnnxGraphWriter &, const OnnxNodeContext &)>;

// f(input) as ONNX nodes, the last one's output named from `stem`; Linear adds nothing and
// returns `input`. GELU is written in its exact erf form (opset 17 has no Gelu).
std::string writeActivation(OnnxGraphWriter &writer, Activation activation, float alpha, const std::string &input,
                            const std::string &stem);

// The node's tensor `name` as an initializer, or where the node has none (no affine part, no bias)
// a constant of `shape` filled with `fill`, named from the node's part `fillStem`.
std::string tensorOrFilled(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &name,
                           const Shape &shape, float fill, const std::string &fillStem);

} // namespace nn
