// OnnxGraphWriter: initializers as little-endian raw data, nodes named after their outputs.
#include "onnxgraphwriter.h"

#include <bit>
#include <cstring>

namespace nn {

namespace {

static_assert(std::endian::native == std::endian::little, "ONNX raw_data is little-endian");

template <typename T>
std::string rawBytes(const T *values, size_t count)
{
    std::string bytes(count * sizeof(T), '\0');
    if (count > 0)
        std::memcpy(bytes.data(), values, bytes.size());
    return bytes;
}

} // namespace

std::string OnnxGraphWriter::freshName(const std::string &stem)
{
    std::string name = stem;
    for (int suffix = 2; names_.count(name) != 0; ++suffix)
        name = stem + "_" + std::to_string(suffix);
    names_.insert(name);
    return name;
}

std::string OnnxGraphWriter::addFloats(const std::string &stem, const Shape &dims, const std::vector<float> &values)
{
    onnx::TensorProto *tensor = graph_.add_initializer();
    tensor->set_name(freshName(stem));
    tensor->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims)
        tensor->add_dims(d);
    tensor->set_raw_data(rawBytes(values.data(), values.size()));
    return tensor->name();
}

std::string OnnxGraphWriter::addTensor(const std::string &stem, const Tensor &tensor)
{
    return addFloats(stem, tensor.shape(), std::vector<float>(tensor.data(), tensor.data() + tensor.size()));
}

std::string OnnxGraphWriter::addInt64s(const std::string &stem, const std::vector<int64_t> &values)
{
    onnx::TensorProto *tensor = graph_.add_initializer();
    tensor->set_name(freshName(stem));
    tensor->set_data_type(onnx::TensorProto::INT64);
    tensor->add_dims(static_cast<int64_t>(values.size()));
    tensor->set_raw_data(rawBytes(values.data(), values.size()));
    return tensor->name();
}

std::string OnnxGraphWriter::addScalar(const std::string &stem, float value)
{
    return addFloats(stem, {}, {value});
}

std::string OnnxGraphWriter::addNode(const std::string &opType, const std::vector<std::string> &inputs,
                                     const std::string &stem, const std::vector<onnx::AttributeProto> &attributes)
{
    onnx::NodeProto *node = graph_.add_node();
    const std::string output = freshName(stem);
    node->set_name(output);
    node->set_op_type(opType);
    for (const auto &input : inputs)
        node->add_input(input);
    node->add_output(output);
    for (const auto &attribute : attributes)
        *node->add_attribute() = attribute;
    return output;
}

std::vector<std::string> OnnxGraphWriter::addNodeWithOutputs(const std::string &opType,
                                                             const std::vector<std::string> &inputs,
                                                             const std::string &stem,
                                                             const std::vector<std::string> &outputStems,
                                                             const std::vector<onnx::AttributeProto> &attributes)
{
    onnx::NodeProto *node = graph_.add_node();
    node->set_name(freshName(stem));
    node->set_op_type(opType);
    for (const auto &input : inputs)
        node->add_input(input);
    std::vector<std::string> outputs;
    for (const auto &outputStem : outputStems) {
        outputs.push_back(freshName(stem + ":" + outputStem));
        node->add_output(outputs.back());
    }
    for (const auto &attribute : attributes)
        *node->add_attribute() = attribute;
    return outputs;
}

onnx::AttributeProto OnnxGraphWriter::intAttribute(const std::string &name, int64_t value)
{
    onnx::AttributeProto attribute;
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::INT);
    attribute.set_i(value);
    return attribute;
}

onnx::AttributeProto OnnxGraphWriter::intsAttribute(const std::string &name, const std::vector<int64_t> &values)
{
    onnx::AttributeProto attribute;
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::INTS);
    for (int64_t value : values)
        attribute.add_ints(value);
    return attribute;
}

onnx::AttributeProto OnnxGraphWriter::floatAttribute(const std::string &name, float value)
{
    onnx::AttributeProto attribute;
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::FLOAT);
    attribute.set_f(value);
    return attribute;
}

onnx::AttributeProto OnnxGraphWriter::stringAttribute(const std::string &name, const std::string &value)
{
    onnx::AttributeProto attribute;
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::STRING);
    attribute.set_s(value);
    return attribute;
}

} // namespace nn
