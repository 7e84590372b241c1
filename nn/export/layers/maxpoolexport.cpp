// MaxPool2D in the exports: ONNX MaxPool and nn.MaxPool2d, in both of which padded positions never win.
#include "nn/export/layerexport.h"

#include "imageexport.h"

#include "nn/layers/maxpoollayer.h"

namespace nn {

namespace {

std::string maxPoolOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("MaxPool", {c.inputs[0]}, c.node.name, onnxPoolAttributes(c.node.settings));
}

PytorchNode maxPoolPytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.MaxPool2d(" + pytorchPoolWindow(s) + ")", c.call()};
}

const bool registeredMaxPoolExport = registerLayerExport<MaxPoolLayer>({.onnx = maxPoolOnnx, .pytorch = maxPoolPytorch});

} // namespace

} // namespace nn
