// OnnxGraphWriter: builds an ONNX graph node by node with names derived from the LayerLab graph's
// node names, never random ones, so that the same model always gives the same file.
#pragma once

#include "nn/tensor.h"

#include <onnx/onnx_pb.h>

#include <set>
#include <string>
#include <vector>

namespace nn {

// Adds nodes and initializers to one onnx::GraphProto; every value name it hands out is unique.
class OnnxGraphWriter {
public:
    explicit OnnxGraphWriter(onnx::GraphProto &graph) : graph_(graph) {}

    // `stem` if no value has that name yet, else stem_2, stem_3, … (deterministic).
    std::string freshName(const std::string &stem);
    // Marks `name` as taken (the graph input), so no later value gets it.
    void reserve(const std::string &name) { names_.insert(name); }

    // A float32 initializer of shape `dims` holding `values`; returns its (fresh) name.
    std::string addFloats(const std::string &stem, const Shape &dims, const std::vector<float> &values);
    std::string addTensor(const std::string &stem, const Tensor &tensor);
    // A 1-D int64 initializer (shapes, for Reshape).
    std::string addInt64s(const std::string &stem, const std::vector<int64_t> &values);
    // A float32 scalar initializer (shape []), for constants such as GELU's 1/√2.
    std::string addScalar(const std::string &stem, float value);

    // Appends node `opType` reading `inputs` ("" for an absent optional input); its one output is
    // a fresh name from `stem`, which also names the node. Returns the output's name.
    std::string addNode(const std::string &opType, const std::vector<std::string> &inputs, const std::string &stem,
                        const std::vector<onnx::AttributeProto> &attributes = {});

    // The same for a node with several outputs, named from `stem` and each of `outputStems`
    // ("split1:part1"); the node is named `stem`. Returns the outputs' names in order.
    std::vector<std::string> addNodeWithOutputs(const std::string &opType, const std::vector<std::string> &inputs,
                                                const std::string &stem, const std::vector<std::string> &outputStems,
                                                const std::vector<onnx::AttributeProto> &attributes = {});

    static onnx::AttributeProto intAttribute(const std::string &name, int64_t value);
    static onnx::AttributeProto intsAttribute(const std::string &name, const std::vector<int64_t> &values);
    static onnx::AttributeProto floatAttribute(const std::string &name, float value);
    static onnx::AttributeProto stringAttribute(const std::string &name, const std::string &value);

private:
    onnx::GraphProto &graph_;
    std::set<std::string> names_;
};

} // namespace nn
