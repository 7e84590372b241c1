// BatchNorm in the exports: per channel (dim 1) of [N, C, …] for ranks 2 to 4. ONNX in inference
// (BatchNormalization with the running statistics, its momentum counted the other way round);
// PyTorch BatchNorm1d for [N, F] and [N, C, L], BatchNorm2d for [N, C, H, W].
#include "nn/export/layerexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/batchnormlayer.h"

namespace nn {

namespace {

std::string batchNormOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const Shape channels{c.inputShapes[0][1]};
    const std::string scale = tensorOrFilled(writer, c, "weight", channels, 1.0f, "ones");
    const std::string shift = tensorOrFilled(writer, c, "bias", channels, 0.0f, "zeros");
    const std::string mean = writer.addTensor(c.tensorName("running_mean"), *c.tensor("running_mean"));
    const std::string var = writer.addTensor(c.tensorName("running_var"), *c.tensor("running_var"));
    return writer.addNode("BatchNormalization", {c.inputs[0], scale, shift, mean, var}, c.node.name,
                          {W::floatAttribute("epsilon", static_cast<float>(c.node.settings.real("eps"))),
                           W::floatAttribute("momentum", static_cast<float>(1.0 - c.node.settings.real("momentum")))});
}

PytorchNode batchNormPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string type = c.inputs[0].size() == 4 ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(";
    return {type + std::to_string(c.inputs[0].at(1)) + ", eps=" + python::number(s.real("eps")) +
                ", momentum=" + python::number(s.real("momentum")) + ", affine=" + python::literal(s.value("affine")) + ")",
            c.call()};
}

const bool registeredBatchNormExport =
    registerLayerExport<BatchNormLayer>({.onnx = batchNormOnnx, .pytorch = batchNormPytorch});

} // namespace

} // namespace nn
