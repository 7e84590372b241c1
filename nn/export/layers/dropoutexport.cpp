// Dropout in the exports: nothing in ONNX (inference mode, where dropout is the identity); PyTorch
// nn.Dropout, so that the script's training drops as LayerLab's does.
#include "nn/export/layerexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/dropoutlayer.h"

namespace nn {

namespace {

std::string dropoutOnnx(OnnxGraphWriter &, const OnnxNodeContext &c)
{
    return c.inputs[0];
}

PytorchNode dropoutPytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.Dropout(p=" + python::number(s.real("rate")) + ")", c.call()};
}

const bool registeredDropoutExport = registerLayerExport<DropoutLayer>({.onnx = dropoutOnnx, .pytorch = dropoutPytorch});

} // namespace

} // namespace nn
