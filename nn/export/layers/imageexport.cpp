// The image kinds' shared export pieces; the weights are already in ONNX's and PyTorch's layouts.
#include "imageexport.h"

#include "nn/export/pytorchlayers.h"
#include "nn/layers/imagegeometry.h"

namespace nn {

onnx::AttributeProto onnxPads(int64_t begin, int64_t end)
{
    return OnnxGraphWriter::intsAttribute("pads", {begin, begin, end, end});
}

OnnxAttributes onnxPoolAttributes(const Settings &settings)
{
    const PoolWindow window = PoolWindow::fromSettings(settings);
    return {OnnxGraphWriter::intsAttribute("kernel_shape", {window.kernel, window.kernel}),
            OnnxGraphWriter::intsAttribute("strides", {window.stride, window.stride}),
            onnxPads(window.padding, window.padding)};
}

OnnxAttributes onnxConvolutionAttributes(const Settings &settings)
{
    using W = OnnxGraphWriter;
    const int64_t kernel = settings.integer("kernel_size");
    const int64_t stride = settings.integer("stride");
    const int64_t dilation = settings.integer("dilation");
    return {W::intsAttribute("kernel_shape", {kernel, kernel}), W::intsAttribute("strides", {stride, stride}),
            W::intsAttribute("dilations", {dilation, dilation}), W::intAttribute("group", settings.integer("groups"))};
}

std::string writeOnnxConvolution(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &opType,
                                 const OnnxAttributes &attributes)
{
    const Activation activation = activationFromName(c.node.settings.choice("activation"));
    std::vector<std::string> inputs{c.inputs[0], writer.addTensor(c.tensorName("weight"), *c.tensor("weight"))};
    if (const Tensor *bias = c.tensor("bias"))
        inputs.push_back(writer.addTensor(c.tensorName("bias"), *bias));
    const std::string stem = activation == Activation::Linear ? c.node.name : c.part(opType == "Conv" ? "conv" : "conv_transpose");
    const std::string z = writer.addNode(opType, inputs, stem, attributes);
    return writeActivation(writer, activation, defaultActivationAlpha(activation), z, c.node.name);
}

std::string pytorchPoolWindow(const Settings &settings)
{
    const int64_t stride = settings.integer("stride");
    return "kernel_size=" + std::to_string(settings.integer("kernel_size")) +
           ", stride=" + std::to_string(stride == 0 ? settings.integer("kernel_size") : stride) +
           ", padding=" + std::to_string(settings.integer("padding"));
}

std::string pytorchConvolutionTail(const Settings &settings)
{
    std::string text;
    if (settings.integer("dilation") != 1)
        text += ", dilation=" + std::to_string(settings.integer("dilation"));
    if (settings.integer("groups") != 1)
        text += ", groups=" + std::to_string(settings.integer("groups"));
    return text + pytorchBiasArgument(settings);
}

} // namespace nn
