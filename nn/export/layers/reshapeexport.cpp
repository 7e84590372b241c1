// Reshape in the exports: the batch stays dynamic (ONNX's 0 copies it, PyTorch reads x.shape[0]).
#include "nn/export/layerexport.h"

#include "nn/layers/reshapelayer.h"

namespace nn {

namespace {

// Reshape to [0, shape…]: 0 copies the batch dim.
std::string reshapeOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    std::vector<int64_t> target{0};
    for (int64_t d : c.node.settings.integers("shape"))
        target.push_back(d);
    const std::string shape = writer.addInt64s(c.part("shape"), target);
    return writer.addNode("Reshape", {c.inputs[0], shape}, c.node.name);
}

PytorchNode reshapePytorch(const Settings &s, const PytorchNodeContext &c)
{
    std::string dims;
    for (int64_t d : s.integers("shape"))
        dims += ", " + std::to_string(d);
    return {"", c.arguments[0] + ".reshape(" + c.arguments[0] + ".shape[0]" + dims + ")"};
}

const bool registeredReshapeExport = registerLayerExport<ReshapeLayer>({.onnx = reshapeOnnx, .pytorch = reshapePytorch});

} // namespace

} // namespace nn
