// Input in the exports: the graph's input itself, after the input scaling, which the exporters put
// in front (ONNX: the graph input and its Mul and Add; PyTorch: forward's x after prepare()).
#include "nn/export/layerexport.h"

#include "nn/layers/inputlayer.h"

namespace nn {

namespace {

std::string inputOnnx(OnnxGraphWriter &, const OnnxNodeContext &c)
{
    return c.inputs.at(0);
}

PytorchNode inputPytorch(const Settings &, const PytorchNodeContext &c)
{
    return {"", c.arguments.at(0)};
}

const bool registeredInputExport = registerLayerExport<InputLayer>({.onnx = inputOnnx, .pytorch = inputPytorch});

} // namespace

} // namespace nn
