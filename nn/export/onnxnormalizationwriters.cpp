// ONNX writers for the normalization kinds: BatchNorm in inference (BatchNormalization with the
// running statistics) and LayerNorm over every value of a sample (LayerNormalization, axis 1).
#include "onnxnodewriters.h"

namespace nn {

namespace {

using W = OnnxGraphWriter;

// γ, or ones where the layer has no affine part (the same computation with γ = 1).
std::string scaleOrOnes(OnnxGraphWriter &writer, const OnnxNodeContext &c, const Shape &shape)
{
    if (const Tensor *weight = c.tensor("weight"))
        return writer.addTensor(c.tensorName("weight"), *weight);
    return writer.addFloats(c.part("ones"), shape, std::vector<float>(static_cast<size_t>(elementCount(shape)), 1.0f));
}

// [N, C, …] with C the channel for ranks 2 to 4, as the layer and ONNX both see it.
std::string writeBatchNorm(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const Shape channels{c.inputShapes[0][1]};
    const std::string scale = scaleOrOnes(writer, c, channels);
    const Tensor *bias = c.tensor("bias");
    const std::string shift = bias ? writer.addTensor(c.tensorName("bias"), *bias)
                                   : writer.addFloats(c.part("zeros"), channels,
                                                      std::vector<float>(static_cast<size_t>(channels[0]), 0.0f));
    const std::string mean = writer.addTensor(c.tensorName("running_mean"), *c.tensor("running_mean"));
    const std::string var = writer.addTensor(c.tensorName("running_var"), *c.tensor("running_var"));
    return writer.addNode("BatchNormalization", {c.inputs[0], scale, shift, mean, var}, c.node.name,
                          {W::floatAttribute("epsilon", static_cast<float>(c.node.settings.real("eps"))),
                           W::floatAttribute("momentum", static_cast<float>(1.0 - c.node.settings.real("momentum")))});
}

// One mean and variance per sample over all its values: axis 1, γ and β of the sample's shape.
std::string writeLayerNorm(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const Shape sample(c.inputShapes[0].begin() + 1, c.inputShapes[0].end());
    std::vector<std::string> inputs{c.inputs[0], scaleOrOnes(writer, c, sample)};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    return writer.addNode("LayerNormalization", inputs, c.node.name,
                          {W::intAttribute("axis", 1),
                           W::floatAttribute("epsilon", static_cast<float>(c.node.settings.real("eps")))});
}

} // namespace

void addNormalizationWriters(OnnxWriterTable &table)
{
    table["BatchNorm"] = writeBatchNorm;
    table["LayerNorm"] = writeLayerNorm;
}

} // namespace nn
