// Concat in the exports: the layer's axis counts the batch as 0 and -1 is the last, as ONNX's
// Concat and torch.cat count them.
#include "nn/export/layerexport.h"

#include "nn/layers/concatlayer.h"

namespace nn {

namespace {

std::string concatOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("Concat", c.inputs, c.node.name,
                          {OnnxGraphWriter::intAttribute("axis", c.node.settings.integer("axis"))});
}

PytorchNode concatPytorch(const Settings &s, const PytorchNodeContext &c)
{
    std::string list;
    for (const auto &argument : c.arguments)
        list += (list.empty() ? "" : ", ") + argument;
    return {"", "torch.cat([" + list + "], dim=" + std::to_string(s.integer("axis")) + ")"};
}

const bool registeredConcatExport = registerLayerExport<ConcatLayer>({.onnx = concatOnnx, .pytorch = concatPytorch});

} // namespace

} // namespace nn
