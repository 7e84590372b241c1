// ConvTranspose2D in the exports: both ONNX's ConvTranspose and nn.ConvTranspose2d trim `padding`
// on every side and add output_padding at the bottom and right; the weight is
// (C, filters/groups, k, k) in all three.
#include "nn/export/layerexport.h"

#include "imageexport.h"

#include "nn/layers/convtranspose2dlayer.h"

namespace nn {

namespace {

std::string convTranspose2dOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    OnnxAttributes attributes = onnxConvolutionAttributes(c.node.settings);
    const int64_t padding = c.node.settings.integer("padding");
    const int64_t outputPadding = c.node.settings.integer("output_padding");
    attributes.push_back(onnxPads(padding, padding));
    attributes.push_back(OnnxGraphWriter::intsAttribute("output_padding", {outputPadding, outputPadding}));
    return writeOnnxConvolution(writer, c, "ConvTranspose", attributes);
}

PytorchNode convTranspose2dPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string module = "nn.ConvTranspose2d(" + std::to_string(c.inputs[0].at(1)) + ", " +
                               std::to_string(s.integer("filters")) + ", kernel_size=" +
                               std::to_string(s.integer("kernel_size")) + ", stride=" +
                               std::to_string(s.integer("stride")) + ", padding=" +
                               std::to_string(s.integer("padding")) + ", output_padding=" +
                               std::to_string(s.integer("output_padding")) + pytorchConvolutionTail(s) + ")";
    return {module, pytorchActivated(s.choice("activation"), c.call()), {"weight"}};
}

const bool registeredConvTranspose2DExport =
    registerLayerExport<ConvTranspose2DLayer>({.onnx = convTranspose2dOnnx, .pytorch = convTranspose2dPytorch});

} // namespace

} // namespace nn
