// Dense in the exports: ONNX Gemm (weight (out, in), so transB) then the fused activation;
// PyTorch nn.Linear, whose weight has the same layout.
#include "nn/export/layerexport.h"

#include "nn/layers/denselayer.h"

namespace nn {

namespace {

// Gemm(x, W, b) with transB = 1 since W is (units, F), then the fused activation.
std::string denseOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const Activation activation = activationFromName(c.node.settings.choice("activation"));
    std::vector<std::string> inputs{c.inputs[0], writer.addTensor(c.tensorName("weight"), *c.tensor("weight"))};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    const std::string stem = activation == Activation::Linear ? c.node.name : c.part("gemm");
    const std::string z = writer.addNode("Gemm", inputs, stem, {OnnxGraphWriter::intAttribute("transB", 1)});
    return writeActivation(writer, activation, defaultActivationAlpha(activation), z, c.node.name);
}

PytorchNode densePytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string module = "nn.Linear(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("units")) + pytorchBiasArgument(s) + ")";
    return {module, pytorchActivated(s.choice("activation"), c.call()), {"weight"}};
}

const bool registeredDenseExport = registerLayerExport<DenseLayer>({.onnx = denseOnnx, .pytorch = densePytorch});

} // namespace

} // namespace nn
