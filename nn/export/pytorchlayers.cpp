// Each node through its kind's PyTorch adapter, and what the adapters share: fused activations
// become torch.relu(…), F.elu(…, alpha=…) and so on.
#include "pytorchlayers.h"

#include "layerexport.h"
#include "pythontext.h"

#include "nn/activation.h"
#include "nn/error.h"

namespace nn {

std::string pytorchActivated(const std::string &activation, const std::string &expression)
{
    const Activation a = activationFromName(activation);
    switch (a) {
    case Activation::Linear:
        return expression;
    case Activation::ReLU:
        return "torch.relu(" + expression + ")";
    case Activation::LeakyReLU:
        return "F.leaky_relu(" + expression + ", negative_slope=" + python::number(defaultActivationAlpha(a)) + ")";
    case Activation::ELU:
        return "F.elu(" + expression + ", alpha=" + python::number(defaultActivationAlpha(a)) + ")";
    case Activation::GELU:
        return "F.gelu(" + expression + ")";
    case Activation::Sigmoid:
        return "torch.sigmoid(" + expression + ")";
    case Activation::Tanh:
        return "torch.tanh(" + expression + ")";
    case Activation::Softmax:
        return "torch.softmax(" + expression + ", dim=-1)";
    }
    return expression;
}

std::string pytorchBiasArgument(const Settings &settings)
{
    return settings.flag("use_bias") ? "" : ", bias=False";
}

bool hasPytorchWriter(const std::string &kind)
{
    return layerExport(kind) != nullptr;
}

PytorchNode pytorchNode(const Node &node, const PytorchNodeContext &context)
{
    const LayerExport *adapters = layerExport(node.kind);
    if (!adapters)
        throw Error("The PyTorch export does not know the layer kind " + node.kind + " (node '" + node.name +
                    "'); replace that node with a kind the exporter knows, or export to ONNX instead.");
    return adapters->pytorch(node.settings, context);
}

} // namespace nn
