// GlobalAveragePool in the exports: [N, C, H, W] → [N, C, 1, 1] → [N, C], as the layer gives it
// (ONNX GlobalAveragePool then Flatten; PyTorch AdaptiveAvgPool2d(1) then Flatten).
#include "nn/export/layerexport.h"

#include "nn/layers/globalaveragepoollayer.h"

namespace nn {

namespace {

std::string globalAveragePoolOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const std::string pooled = writer.addNode("GlobalAveragePool", {c.inputs[0]}, c.part("pool"));
    return writer.addNode("Flatten", {pooled}, c.node.name, {OnnxGraphWriter::intAttribute("axis", 1)});
}

const bool registeredGlobalAveragePoolExport = registerLayerExport<GlobalAveragePoolLayer>(
    {.onnx = globalAveragePoolOnnx, .pytorch = pytorchModule("nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())")});

} // namespace

} // namespace nn
