// The activation kinds in the exports: ONNX's op for each (GELU in its erf form, Linear as an
// Identity so that the node still shows in a viewer) and PyTorch's module for each.
#include "nn/export/layerexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/activationlayers.h"

namespace nn {

namespace {

// Each activation layer kind's declaration index is its Activation.
Activation activationOfExportedKind(const std::string &kind)
{
    const auto &specs = ActivationLayer::declarations();
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].kind == kind)
            return static_cast<Activation>(i);
    return Activation::Linear;
}

std::string activationOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const Activation activation = activationOfExportedKind(c.node.kind);
    if (activation == Activation::Linear)
        return writer.addNode("Identity", {c.inputs[0]}, c.node.name);
    float alpha = defaultActivationAlpha(activation);
    if (activation == Activation::LeakyReLU)
        alpha = static_cast<float>(c.node.settings.real("negative_slope"));
    else if (activation == Activation::ELU)
        alpha = static_cast<float>(c.node.settings.real("alpha"));
    return writeActivation(writer, activation, alpha, c.inputs[0], c.node.name);
}

// The module of each activation, in Activation order; LeakyReLU and ELU carry their setting.
PytorchNodeWriter activationPytorch(Activation activation)
{
    switch (activation) {
    case Activation::LeakyReLU:
        return [](const Settings &s, const PytorchNodeContext &c) {
            return PytorchNode{"nn.LeakyReLU(negative_slope=" + python::number(s.real("negative_slope")) + ")", c.call()};
        };
    case Activation::ELU:
        return [](const Settings &s, const PytorchNodeContext &c) {
            return PytorchNode{"nn.ELU(alpha=" + python::number(s.real("alpha")) + ")", c.call()};
        };
    case Activation::Linear:
        return pytorchModule("nn.Identity()");
    case Activation::ReLU:
        return pytorchModule("nn.ReLU()");
    case Activation::GELU:
        return pytorchModule("nn.GELU()");  // the exact erf form, as LayerLab computes it
    case Activation::Sigmoid:
        return pytorchModule("nn.Sigmoid()");
    case Activation::Tanh:
        return pytorchModule("nn.Tanh()");
    case Activation::Softmax:
        return pytorchModule("nn.Softmax(dim=-1)");
    }
    return pytorchModule("nn.Identity()");
}

bool registerActivationExports()
{
    const auto &specs = ActivationLayer::declarations();
    for (size_t i = 0; i < specs.size(); ++i)
        registerLayerExport(specs[i], {.onnx = activationOnnx, .pytorch = activationPytorch(static_cast<Activation>(i))});
    return true;
}

const bool registeredActivationExports = registerActivationExports();

} // namespace

} // namespace nn
