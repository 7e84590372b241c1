// What the ONNX node writers share: tensors by short name, the fused activations (GELU in its erf
// form) and constants for absent tensors.
#include "onnxnodewriters.h"

#include "nn/error.h"

#include <cmath>

namespace nn {

namespace {

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

} // namespace

const Tensor *OnnxNodeContext::tensor(const std::string &name) const
{
    const auto found = tensors.find(name);
    return found == tensors.end() ? nullptr : found->second;
}

std::string writeActivation(OnnxGraphWriter &writer, Activation activation, float alpha, const std::string &input,
                            const std::string &stem)
{
    using W = OnnxGraphWriter;
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

std::string tensorOrFilled(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &name,
                           const Shape &shape, float fill, const std::string &fillStem)
{
    if (const Tensor *tensor = c.tensor(name))
        return writer.addTensor(c.tensorName(name), *tensor);
    return writer.addFloats(c.part(fillStem), shape, std::vector<float>(static_cast<size_t>(elementCount(shape)), fill));
}

} // namespace nn
