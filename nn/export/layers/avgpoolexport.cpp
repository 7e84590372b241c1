// AvgPool2D in the exports: ONNX AveragePool and nn.AvgPool2d, with count_include_pad as the layer's.
#include "nn/export/layerexport.h"

#include "imageexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/avgpoollayer.h"

namespace nn {

namespace {

std::string avgPoolOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    OnnxAttributes attributes = onnxPoolAttributes(c.node.settings);
    attributes.push_back(
        OnnxGraphWriter::intAttribute("count_include_pad", c.node.settings.flag("count_include_pad") ? 1 : 0));
    return writer.addNode("AveragePool", {c.inputs[0]}, c.node.name, attributes);
}

PytorchNode avgPoolPytorch(const Settings &s, const PytorchNodeContext &c)
{
    return {"nn.AvgPool2d(" + pytorchPoolWindow(s) + ", count_include_pad=" + python::literal(s.value("count_include_pad")) +
                ")",
            c.call()};
}

const bool registeredAvgPoolExport = registerLayerExport<AvgPoolLayer>({.onnx = avgPoolOnnx, .pytorch = avgPoolPytorch});

} // namespace

} // namespace nn
