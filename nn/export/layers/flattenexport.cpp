// Flatten in the exports: ONNX Flatten at axis 1 and PyTorch nn.Flatten(), both keeping the batch.
#include "nn/export/layerexport.h"

#include "nn/layers/flattenlayer.h"

namespace nn {

namespace {

std::string flattenOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("Flatten", {c.inputs[0]}, c.node.name, {OnnxGraphWriter::intAttribute("axis", 1)});
}

const bool registeredFlattenExport =
    registerLayerExport<FlattenLayer>({.onnx = flattenOnnx, .pytorch = pytorchModule("nn.Flatten()")});

} // namespace

} // namespace nn
