// LayerNorm in the exports: one mean and variance per sample over all its values, so γ and β have
// the sample's shape (ONNX LayerNormalization at axis 1; PyTorch normalized_shape = the sample's shape).
#include "nn/export/layerexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/layernormlayer.h"

namespace nn {

namespace {

std::string layerNormOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const Shape sample(c.inputShapes[0].begin() + 1, c.inputShapes[0].end());
    std::vector<std::string> inputs{c.inputs[0], tensorOrFilled(writer, c, "weight", sample, 1.0f, "ones")};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    return writer.addNode("LayerNormalization", inputs, c.node.name,
                          {W::intAttribute("axis", 1),
                           W::floatAttribute("epsilon", static_cast<float>(c.node.settings.real("eps")))});
}

PytorchNode layerNormPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const Shape sample(c.inputs[0].begin() + 1, c.inputs[0].end());
    return {"nn.LayerNorm(" + python::intTuple(sample) + ", eps=" + python::number(s.real("eps")) +
                ", elementwise_affine=" + python::literal(s.value("affine")) + ")",
            c.call()};
}

const bool registeredLayerNormExport =
    registerLayerExport<LayerNormLayer>({.onnx = layerNormOnnx, .pytorch = layerNormPytorch});

} // namespace

} // namespace nn
