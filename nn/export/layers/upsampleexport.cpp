// Upsample in the exports: nearest neighbour, output pixel (h, w) copying input pixel (⌊h/s⌋, ⌊w/s⌋)
// (ONNX Resize with "asymmetric" coordinates and "floor"; PyTorch nn.Upsample).
#include "nn/export/layerexport.h"

#include "nn/layers/upsamplelayer.h"

namespace nn {

namespace {

std::string upsampleOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const auto scale = static_cast<float>(c.node.settings.integer("scale_factor"));
    const std::string scales = writer.addFloats(c.part("scales"), {4}, {1.0f, 1.0f, scale, scale});
    return writer.addNode("Resize", {c.inputs[0], "", scales}, c.node.name,
                          {W::stringAttribute("mode", "nearest"),
                           W::stringAttribute("coordinate_transformation_mode", "asymmetric"),
                           W::stringAttribute("nearest_mode", "floor")});
}

PytorchNode upsamplePytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.Upsample(scale_factor=" + std::to_string(s.integer("scale_factor")) + ", mode=\"nearest\")", c.call()};
}

const bool registeredUpsampleExport = registerLayerExport<UpsampleLayer>({.onnx = upsampleOnnx, .pytorch = upsamplePytorch});

} // namespace

} // namespace nn
