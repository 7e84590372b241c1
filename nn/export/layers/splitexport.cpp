// Split in the exports: ONNX's Split with one output per part (equal parts when no sizes are given)
// and torch.chunk, whose tuple forward() unpacks into one variable per port.
#include "nn/export/layerexport.h"

#include "nn/layers/splitlayer.h"

namespace nn {

namespace {

OnnxOutputs splitOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    std::vector<std::string> parts;
    for (int64_t p = 1; p <= c.node.settings.integer("parts"); ++p)
        parts.push_back("part" + std::to_string(p));
    return writer.addNodeWithOutputs("Split", c.inputs, c.node.name, parts,
                                     {OnnxGraphWriter::intAttribute("axis", c.node.settings.integer("axis"))});
}

PytorchNode splitPytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"", "torch.chunk(" + c.arguments.at(0) + ", " + std::to_string(s.integer("parts")) +
                    ", dim=" + std::to_string(s.integer("axis")) + ")"};
}

const bool registeredSplitExport = registerLayerExport<SplitLayer>({.onnx = splitOnnx, .pytorch = splitPytorch});

} // namespace

} // namespace nn
