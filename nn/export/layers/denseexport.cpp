// Dense in the exports: ONNX Gemm (weight (out, in), so transB) then the fused activation, or for
// [N, …, F] MatMul with the transposed weight and Add; PyTorch nn.Linear, whose weight has the same
// layout and which acts on the last axis too.
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
    std::string z;
    if (c.inputShapes[0].size() == 2) {
        z = writer.addNode("Gemm", inputs, stem, {OnnxGraphWriter::intAttribute("transB", 1)});
    } else {  // Gemm is 2-D only: x·Wᵀ (+ b) over the last axis
        const std::string transposed =
            writer.addNode("Transpose", {inputs[1]}, c.part("weight_t"), {OnnxGraphWriter::intsAttribute("perm", {1, 0})});
        const bool bias = inputs.size() == 3;
        z = writer.addNode("MatMul", {inputs[0], transposed}, bias ? c.part("matmul") : stem);
        if (bias)
            z = writer.addNode("Add", {z, inputs[2]}, stem);
    }
    return writeActivation(writer, activation, defaultActivationAlpha(activation), z, c.node.name);
}

PytorchNode densePytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string module = "nn.Linear(" + std::to_string(c.inputs[0].back()) + ", " +
                               std::to_string(s.integer("units")) + pytorchBiasArgument(s) + ")";
    return {module, pytorchActivated(s.choice("activation"), c.call()), {"weight"}};
}

const bool registeredDenseExport = registerLayerExport<DenseLayer>({.onnx = denseOnnx, .pytorch = densePytorch});

} // namespace

} // namespace nn
