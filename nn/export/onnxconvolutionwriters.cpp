// ONNX writers for the image kinds: Conv2D and ConvTranspose2D with their fused activation (weights
// are already in ONNX's layouts), MaxPool2D and AvgPool2D, GlobalAveragePool (+ Flatten to [N, C])
// and Upsample as a nearest-neighbour Resize.
#include "onnxnodewriters.h"

#include "nn/layers/imagegeometry.h"

namespace nn {

namespace {

using W = OnnxGraphWriter;
using Attributes = std::vector<onnx::AttributeProto>;

// ONNX pads are [top, left, bottom, right].
onnx::AttributeProto padsAttribute(int64_t begin, int64_t end)
{
    return W::intsAttribute("pads", {begin, begin, end, end});
}

// Conv2D's padding before and after the image, as the layer computes it: "same" puts the odd
// one after, as PyTorch does.
std::pair<int64_t, int64_t> conv2dPadding(const Settings &settings)
{
    const std::string &mode = settings.choice("padding");
    if (mode == "same") {
        const int64_t total = settings.integer("dilation") * (settings.integer("kernel_size") - 1);
        return {total / 2, total - total / 2};
    }
    const int64_t size = mode == "explicit" ? settings.integer("padding_size") : 0;
    return {size, size};
}

// kernel_shape, strides, dilations and group, which both convolution kinds share.
Attributes convolutionAttributes(const Settings &settings)
{
    const int64_t kernel = settings.integer("kernel_size");
    const int64_t stride = settings.integer("stride");
    const int64_t dilation = settings.integer("dilation");
    return {W::intsAttribute("kernel_shape", {kernel, kernel}), W::intsAttribute("strides", {stride, stride}),
            W::intsAttribute("dilations", {dilation, dilation}), W::intAttribute("group", settings.integer("groups"))};
}

// The convolution op on x, W (and b), then the fused activation.
std::string writeConvolution(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &opType,
                             const Attributes &attributes)
{
    const Activation activation = activationFromName(c.node.settings.choice("activation"));
    std::vector<std::string> inputs{c.inputs[0], writer.addTensor(c.tensorName("weight"), *c.tensor("weight"))};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    const std::string stem = activation == Activation::Linear ? c.node.name : c.part(opType == "Conv" ? "conv" : "conv_transpose");
    const std::string z = writer.addNode(opType, inputs, stem, attributes);
    return writeActivation(writer, activation, defaultActivationAlpha(activation), z, c.node.name);
}

std::string writeConv2D(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    Attributes attributes = convolutionAttributes(c.node.settings);
    const auto [begin, end] = conv2dPadding(c.node.settings);
    attributes.push_back(padsAttribute(begin, end));
    return writeConvolution(writer, c, "Conv", attributes);
}

// ConvTranspose2D trims `padding` on every side and adds output_padding at the bottom and right,
// as ONNX's ConvTranspose does; the weight is (C, filters/groups, k, k) in both.
std::string writeConvTranspose2D(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    Attributes attributes = convolutionAttributes(c.node.settings);
    const int64_t padding = c.node.settings.integer("padding");
    const int64_t outputPadding = c.node.settings.integer("output_padding");
    attributes.push_back(padsAttribute(padding, padding));
    attributes.push_back(W::intsAttribute("output_padding", {outputPadding, outputPadding}));
    return writeConvolution(writer, c, "ConvTranspose", attributes);
}

// kernel_shape, strides (0 in the settings: the kernel size) and pads of a pooling window.
Attributes poolAttributes(const Settings &settings)
{
    const PoolWindow window = PoolWindow::fromSettings(settings);
    return {W::intsAttribute("kernel_shape", {window.kernel, window.kernel}),
            W::intsAttribute("strides", {window.stride, window.stride}), padsAttribute(window.padding, window.padding)};
}

// Padded positions never win, as in ONNX's MaxPool.
std::string writeMaxPool(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("MaxPool", {c.inputs[0]}, c.node.name, poolAttributes(c.node.settings));
}

std::string writeAvgPool(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    Attributes attributes = poolAttributes(c.node.settings);
    attributes.push_back(W::intAttribute("count_include_pad", c.node.settings.flag("count_include_pad") ? 1 : 0));
    return writer.addNode("AveragePool", {c.inputs[0]}, c.node.name, attributes);
}

// ONNX's GlobalAveragePool keeps [N, C, 1, 1]; the layer gives [N, C].
std::string writeGlobalAveragePool(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const std::string pooled = writer.addNode("GlobalAveragePool", {c.inputs[0]}, c.part("pool"));
    return writer.addNode("Flatten", {pooled}, c.node.name, {W::intAttribute("axis", 1)});
}

// Output pixel (h, w) copies input pixel (⌊h/s⌋, ⌊w/s⌋): "asymmetric" coordinates with "floor".
std::string writeUpsample(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const auto scale = static_cast<float>(c.node.settings.integer("scale_factor"));
    const std::string scales = writer.addFloats(c.part("scales"), {4}, {1.0f, 1.0f, scale, scale});
    return writer.addNode("Resize", {c.inputs[0], "", scales}, c.node.name,
                          {W::stringAttribute("mode", "nearest"),
                           W::stringAttribute("coordinate_transformation_mode", "asymmetric"),
                           W::stringAttribute("nearest_mode", "floor")});
}

} // namespace

void addConvolutionWriters(OnnxWriterTable &table)
{
    table["Conv2D"] = writeConv2D;
    table["ConvTranspose2D"] = writeConvTranspose2D;
    table["MaxPool2D"] = writeMaxPool;
    table["AvgPool2D"] = writeAvgPool;
    table["GlobalAveragePool"] = writeGlobalAveragePool;
    table["Upsample"] = writeUpsample;
}

} // namespace nn
