// ONNX node writers: one function per layer kind that appends the kind's ONNX nodes for one graph
// node. Split by family: core and merge (onnxcorewriters.cpp), convolution and pooling
// (onnxconvolutionwriters.cpp), normalization (onnxnormalizationwriters.cpp).
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
struct OnnxNodeContext {
    const Node &node;
    std::vector<std::string> inputs;  // value names, in port order
    std::vector<Shape> inputShapes;
    Shape outputShape;
    std::map<std::string, const Tensor *> tensors;

    // The node's tensor `name`; nullptr when the node has none (a layer without bias).
    const Tensor *tensor(const std::string &name) const;
    // "node.name" for initializers, so the ONNX file and the safetensors file agree.
    std::string tensorName(const std::string &name) const { return node.name + "." + name; }
    // "node/part" for values inside the node's computation.
    std::string part(const std::string &name) const { return node.name + "/" + name; }
};

// Appends the nodes for one graph node and returns the name of the value that holds its output.
using OnnxNodeWriter = std::function<std::string(OnnxGraphWriter &, const OnnxNodeContext &)>;
using OnnxWriterTable = std::map<std::string, OnnxNodeWriter>;

// Every known writer, by layer kind.
const OnnxWriterTable &onnxNodeWriters();

void addCoreWriters(OnnxWriterTable &table);           // Dense, activations, Flatten, Reshape, Dropout, Add, Concat
void addConvolutionWriters(OnnxWriterTable &table);    // Conv2D, ConvTranspose2D, pools, Upsample
void addNormalizationWriters(OnnxWriterTable &table);  // BatchNorm, LayerNorm

// f(input) as ONNX nodes, the last one's output named from `stem`; Linear adds nothing and
// returns `input`. GELU is written in its exact erf form (opset 17 has no Gelu).
std::string writeActivation(OnnxGraphWriter &writer, Activation activation, float alpha, const std::string &input,
                            const std::string &stem);

} // namespace nn
