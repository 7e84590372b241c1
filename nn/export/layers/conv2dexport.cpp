// Conv2D in the exports: ONNX Conv with its pads and PyTorch nn.Conv2d, each with the fused
// activation; "same" puts the odd row and column after the image, as the layer and PyTorch do.
#include "nn/export/layerexport.h"

#include "imageexport.h"

#include "nn/layers/conv2dlayer.h"

namespace nn {

namespace {

// Padding before and after the image, as the layer computes it.
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

std::string conv2dOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    OnnxAttributes attributes = onnxConvolutionAttributes(c.node.settings);
    const auto [begin, end] = conv2dPadding(c.node.settings);
    attributes.push_back(onnxPads(begin, end));
    return writeOnnxConvolution(writer, c, "Conv", attributes);
}

PytorchNode conv2dPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string &mode = s.choice("padding");
    const std::string padding = mode == "same"       ? "\"same\""
                                : mode == "explicit" ? std::to_string(s.integer("padding_size"))
                                                     : "0";
    const std::string module = "nn.Conv2d(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("filters")) + ", kernel_size=" +
                               std::to_string(s.integer("kernel_size")) + ", stride=" +
                               std::to_string(s.integer("stride")) + ", padding=" + padding +
                               pytorchConvolutionTail(s) + ")";
    return {module, pytorchActivated(s.choice("activation"), c.call()), {"weight"}};
}

const bool registeredConv2DExport = registerLayerExport<Conv2DLayer>({.onnx = conv2dOnnx, .pytorch = conv2dPytorch});

} // namespace

} // namespace nn
