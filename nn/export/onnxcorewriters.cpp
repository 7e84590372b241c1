// ONNX writers for the core, activation and merge kinds: Dense as Gemm (weight (out, in), transB),
// activations (GELU in its erf form), Flatten, Reshape with a dynamic batch, Dropout as nothing,
// Add as a chain of Adds, Concat along the layer's axis.
#include "onnxnodewriters.h"

#include "nn/error.h"
#include "nn/layers/activationlayers.h"

#include <cmath>

namespace nn {

namespace {

using W = OnnxGraphWriter;

// 0.5 · x · (1 + erf(x / √2)), exactly as the engine computes GELU.
std::string writeGelu(OnnxGraphWriter &writer, const std::string &input, const std::string &stem)
{
    const std::string invSqrt2 = writer.addScalar(stem + "/inv_sqrt2", static_cast<float>(1.0 / std::sqrt(2.0)));
    const std::string one = writer.addScalar(stem + "/one", 1.0f);
    const std::string half = writer.addScalar(stem + "/half", 0.5f);
    const std::string scaled = writer.addNode("Mul", {input, invSqrt2}, stem + "/scaled");
    const std::string erf = writer.addNode("Erf", {scaled}, stem + "/erf");
    const std::string plusOne = writer.addNode("Add", {erf, one}, stem + "/erf_plus_one");
    const std::string halfX = writer.addNode("Mul", {input, half}, stem + "/half_x");
    return writer.addNode("Mul", {halfX, plusOne}, stem);
}

// Dense: Gemm(x, W, b) with transB = 1 since W is (units, F), then the fused activation.
std::string writeDense(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const Activation activation = activationFromName(c.node.settings.choice("activation"));
    std::vector<std::string> inputs{c.inputs[0], writer.addTensor(c.tensorName("weight"), *c.tensor("weight"))};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    const std::string stem = activation == Activation::Linear ? c.node.name : c.part("gemm");
    const std::string z = writer.addNode("Gemm", inputs, stem, {W::intAttribute("transB", 1)});
    return writeActivation(writer, activation, defaultActivationAlpha(activation), z, c.node.name);
}

// An activation layer kind: its declaration's index is its Activation. Linear becomes an Identity
// so that the node still shows in a viewer.
std::string writeActivationLayer(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const auto &specs = ActivationLayer::declarations();
    Activation activation = Activation::Linear;
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].kind == c.node.kind)
            activation = static_cast<Activation>(i);
    if (activation == Activation::Linear)
        return writer.addNode("Identity", {c.inputs[0]}, c.node.name);
    float alpha = defaultActivationAlpha(activation);
    if (activation == Activation::LeakyReLU)
        alpha = static_cast<float>(c.node.settings.real("negative_slope"));
    else if (activation == Activation::ELU)
        alpha = static_cast<float>(c.node.settings.real("alpha"));
    return writeActivation(writer, activation, alpha, c.inputs[0], c.node.name);
}

std::string writeFlatten(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("Flatten", {c.inputs[0]}, c.node.name, {W::intAttribute("axis", 1)});
}

// Reshape to [0, shape…]: 0 copies the batch dim, so the batch stays dynamic.
std::string writeReshape(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    std::vector<int64_t> target{0};
    for (int64_t d : c.node.settings.integers("shape"))
        target.push_back(d);
    const std::string shape = writer.addInt64s(c.part("shape"), target);
    return writer.addNode("Reshape", {c.inputs[0], shape}, c.node.name);
}

// Inference mode: dropout is the identity and leaves no node.
std::string writeDropout(OnnxGraphWriter &, const OnnxNodeContext &c)
{
    return c.inputs[0];
}

// ((a + b) + c) + …, in port order as the engine sums.
std::string writeAdd(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    std::string sum = c.inputs[0];
    for (size_t i = 1; i < c.inputs.size(); ++i) {
        const bool last = i + 1 == c.inputs.size();
        sum = writer.addNode("Add", {sum, c.inputs[i]}, last ? c.node.name : c.part("sum" + std::to_string(i)));
    }
    return sum;
}

// The layer's axis counts the batch as 0 and -1 is the last, as ONNX counts them.
std::string writeConcat(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("Concat", c.inputs, c.node.name, {W::intAttribute("axis", c.node.settings.integer("axis"))});
}

} // namespace

std::string writeActivation(OnnxGraphWriter &writer, Activation activation, float alpha, const std::string &input,
                            const std::string &stem)
{
    switch (activation) {
    case Activation::Linear:
        return input;
    case Activation::ReLU:
        return writer.addNode("Relu", {input}, stem);
    case Activation::LeakyReLU:
        return writer.addNode("LeakyRelu", {input}, stem, {W::floatAttribute("alpha", alpha)});
    case Activation::ELU:
        return writer.addNode("Elu", {input}, stem, {W::floatAttribute("alpha", alpha)});
    case Activation::GELU:
        return writeGelu(writer, input, stem);
    case Activation::Sigmoid:
        return writer.addNode("Sigmoid", {input}, stem);
    case Activation::Tanh:
        return writer.addNode("Tanh", {input}, stem);
    case Activation::Softmax:  // over the last dim, as the engine normalises
        return writer.addNode("Softmax", {input}, stem, {W::intAttribute("axis", -1)});
    }
    throw Error("ONNX export does not know the activation '" + activationName(activation) + "'.");
}

void addCoreWriters(OnnxWriterTable &table)
{
    table["Dense"] = writeDense;
    for (const LayerSpec &spec : ActivationLayer::declarations())
        table[spec.kind] = writeActivationLayer;
    table["Flatten"] = writeFlatten;
    table["Reshape"] = writeReshape;
    table["Dropout"] = writeDropout;
    table["Add"] = writeAdd;
    table["Concat"] = writeConcat;
}

} // namespace nn
