// LayerNorm in the exports: one mean and variance over the last normalized_dims axes (0: the whole
// sample), so γ and β have those axes' shape (ONNX LayerNormalization from that axis on; PyTorch's
// normalized_shape = those sizes).
#include "nn/export/layerexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/layernormlayer.h"

namespace nn {

namespace {

// The axes one mean covers: the last normalized_dims of `input`, or all but the batch axis.
Shape layerNormShape(const Settings &s, const Shape &input)
{
    const auto dims = s.integer("normalized_dims") == 0 ? int64_t(input.size()) - 1 : s.integer("normalized_dims");
    return Shape(input.end() - dims, input.end());
}

std::string layerNormOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const Shape normalized = layerNormShape(c.node.settings, c.inputShapes[0]);
    std::vector<std::string> inputs{c.inputs[0], tensorOrFilled(writer, c, "weight", normalized, 1.0f, "ones")};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    return writer.addNode("LayerNormalization", inputs, c.node.name,
                          {W::intAttribute("axis", int64_t(c.inputShapes[0].size() - normalized.size())),
                           W::floatAttribute("epsilon", static_cast<float>(c.node.settings.real("eps")))});
}

PytorchNode layerNormPytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.LayerNorm(" + python::intTuple(layerNormShape(s, c.inputs[0])) + ", eps=" + python::number(s.real("eps")) +
                ", elementwise_affine=" + python::literal(s.value("affine")) + ")",
            c.call()};
}

const bool registeredLayerNormExport =
    registerLayerExport<LayerNormLayer>({.onnx = layerNormOnnx, .pytorch = layerNormPytorch});

} // namespace

} // namespace nn
