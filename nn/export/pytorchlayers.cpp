// One writer per layer kind: the nn.Module that mirrors it (same parameter names and layouts) and
// the call in forward(). Fused activations become torch.relu(…), F.elu(…, alpha=…) and so on.
#include "pytorchlayers.h"

#include "pythontext.h"

#include "nn/activation.h"
#include "nn/error.h"

#include <functional>
#include <map>

namespace nn {

namespace {

using Writer = std::function<PytorchNode(const Settings &, const PytorchNodeContext &)>;

std::string call(const PytorchNodeContext &c)
{
    return c.module + "(" + c.arguments.at(0) + ")";
}

// `expression` passed through a fused activation, as LayerLab's Dense and convolutions apply it.
std::string activated(const std::string &activation, const std::string &expression)
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

std::string bias(const Settings &s)
{
    return s.flag("use_bias") ? "" : ", bias=False";
}

PytorchNode dense(const Settings &s, const PytorchNodeContext &c)
{
    const std::string module = "nn.Linear(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("units")) + bias(s) + ")";
    return {module, activated(s.choice("activation"), call(c)), {"weight"}};
}

// dilation and groups only when they differ from PyTorch's defaults, so the common case reads short.
std::string convolutionTail(const Settings &s)
{
    std::string text;
    if (s.integer("dilation") != 1)
        text += ", dilation=" + std::to_string(s.integer("dilation"));
    if (s.integer("groups") != 1)
        text += ", groups=" + std::to_string(s.integer("groups"));
    return text + bias(s);
}

PytorchNode conv2d(const Settings &s, const PytorchNodeContext &c)
{
    const std::string &mode = s.choice("padding");
    // PyTorch's padding="same" puts the odd row and column after the image, as LayerLab does.
    const std::string padding = mode == "same"       ? "\"same\""
                                : mode == "explicit" ? std::to_string(s.integer("padding_size"))
                                                     : "0";
    const std::string module = "nn.Conv2d(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("filters")) + ", kernel_size=" +
                               std::to_string(s.integer("kernel_size")) + ", stride=" +
                               std::to_string(s.integer("stride")) + ", padding=" + padding + convolutionTail(s) + ")";
    return {module, activated(s.choice("activation"), call(c)), {"weight"}};
}

PytorchNode convTranspose2d(const Settings &s, const PytorchNodeContext &c)
{
    const std::string module = "nn.ConvTranspose2d(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("filters")) + ", kernel_size=" +
                               std::to_string(s.integer("kernel_size")) + ", stride=" +
                               std::to_string(s.integer("stride")) + ", padding=" +
                               std::to_string(s.integer("padding")) + ", output_padding=" +
                               std::to_string(s.integer("output_padding")) + convolutionTail(s) + ")";
    return {module, activated(s.choice("activation"), call(c)), {"weight"}};
}

std::string poolWindow(const Settings &s)
{
    const int64_t stride = s.integer("stride");
    return "kernel_size=" + std::to_string(s.integer("kernel_size")) +
           ", stride=" + std::to_string(stride == 0 ? s.integer("kernel_size") : stride) +
           ", padding=" + std::to_string(s.integer("padding"));
}

PytorchNode maxPool(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.MaxPool2d(" + poolWindow(s) + ")", call(c)};
}

PytorchNode avgPool(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.AvgPool2d(" + poolWindow(s) + ", count_include_pad=" + python::literal(s.value("count_include_pad")) +
                ")",
            call(c)};
}

PytorchNode batchNorm(const Settings &s, const PytorchNodeContext &c)
{
    // BatchNorm1d normalises [N, F] and [N, C, L]; BatchNorm2d [N, C, H, W]. Both per channel (dim 1).
    const std::string type = c.inputs[0].size() == 4 ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(";
    return {type + std::to_string(c.inputs[0].at(1)) + ", eps=" + python::number(s.real("eps")) +
                ", momentum=" + python::number(s.real("momentum")) + ", affine=" + python::literal(s.value("affine")) + ")",
            call(c)};
}

PytorchNode layerNorm(const Settings &s, const PytorchNodeContext &c)
{
    // Normalises over everything but the batch: normalized_shape is the sample's shape.
    const Shape sample(c.inputs[0].begin() + 1, c.inputs[0].end());
    return {"nn.LayerNorm(" + python::intTuple(sample) + ", eps=" + python::number(s.real("eps")) +
                ", elementwise_affine=" + python::literal(s.value("affine")) + ")",
            call(c)};
}

PytorchNode reshape(const Settings &s, const PytorchNodeContext &c)
{
    std::string dims;
    for (int64_t d : s.integers("shape"))
        dims += ", " + std::to_string(d);
    return {"", c.arguments[0] + ".reshape(" + c.arguments[0] + ".shape[0]" + dims + ")"};
}

PytorchNode add(const Settings &, const PytorchNodeContext &c)
{
    std::string sum;
    for (const auto &argument : c.arguments)
        sum += (sum.empty() ? "" : " + ") + argument;
    return {"", sum};
}

PytorchNode concat(const Settings &s, const PytorchNodeContext &c)
{
    std::string list;
    for (const auto &argument : c.arguments)
        list += (list.empty() ? "" : ", ") + argument;
    return {"", "torch.cat([" + list + "], dim=" + std::to_string(s.integer("axis")) + ")"};
}

Writer module(std::string constructor)
{
    return [constructor](const Settings &, const PytorchNodeContext &c) { return PytorchNode{constructor, call(c)}; };
}

const std::map<std::string, Writer> &writers()
{
    static const std::map<std::string, Writer> table{
        {"Input", [](const Settings &, const PytorchNodeContext &c) { return PytorchNode{"", c.arguments.at(0)}; }},
        {"Dense", dense},
        {"Conv2D", conv2d},
        {"ConvTranspose2D", convTranspose2d},
        {"MaxPool2D", maxPool},
        {"AvgPool2D", avgPool},
        // [N, C, H, W] → [N, C, 1, 1] → [N, C], as LayerLab's GlobalAveragePool gives it.
        {"GlobalAveragePool", module("nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())")},
        {"Upsample",
         [](const Settings &s, const PytorchNodeContext &c) {
             return PytorchNode{"nn.Upsample(scale_factor=" + std::to_string(s.integer("scale_factor")) +
                                    ", mode=\"nearest\")",
                                call(c)};
         }},
        {"BatchNorm", batchNorm},
        {"LayerNorm", layerNorm},
        {"Dropout",
         [](const Settings &s, const PytorchNodeContext &c) {
             return PytorchNode{"nn.Dropout(p=" + python::number(s.real("rate")) + ")", call(c)};
         }},
        {"Flatten", module("nn.Flatten()")},
        {"Reshape", reshape},
        {"Add", add},
        {"Concat", concat},
        {"Linear", module("nn.Identity()")},
        {"ReLU", module("nn.ReLU()")},
        {"LeakyReLU",
         [](const Settings &s, const PytorchNodeContext &c) {
             return PytorchNode{"nn.LeakyReLU(negative_slope=" + python::number(s.real("negative_slope")) + ")", call(c)};
         }},
        {"ELU",
         [](const Settings &s, const PytorchNodeContext &c) {
             return PytorchNode{"nn.ELU(alpha=" + python::number(s.real("alpha")) + ")", call(c)};
         }},
        {"GELU", module("nn.GELU()")},  // the exact erf form, as LayerLab computes it
        {"Sigmoid", module("nn.Sigmoid()")},
        {"Tanh", module("nn.Tanh()")},
        {"Softmax", module("nn.Softmax(dim=-1)")},
    };
    return table;
}

} // namespace

bool hasPytorchWriter(const std::string &kind)
{
    return writers().count(kind) != 0;
}

PytorchNode pytorchNode(const Node &node, const PytorchNodeContext &context)
{
    const auto found = writers().find(node.kind);
    if (found == writers().end())
        throw Error("The PyTorch export does not know the layer kind " + node.kind + " (node '" + node.name +
                    "'); replace that node with a kind the exporter knows, or export to ONNX instead.");
    return found->second(node.settings, context);
}

} // namespace nn
