// Add in the exports: ((a + b) + c) + …, in port order as the engine sums.
#include "nn/export/layerexport.h"

#include "nn/layers/addlayer.h"

namespace nn {

namespace {

std::string addOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    std::string sum = c.inputs[0];
    for (size_t i = 1; i < c.inputs.size(); ++i) {
        const bool last = i + 1 == c.inputs.size();
        sum = writer.addNode("Add", {sum, c.inputs[i]}, last ? c.node.name : c.part("sum" + std::to_string(i)));
    }
    return sum;
}

PytorchNode addPytorch(const Settings &, const PytorchNodeContext &c)
{
    std::string sum;
    for (const auto &argument : c.arguments)
        sum += (sum.empty() ? "" : " + ") + argument;
    return {"", sum};
}

const bool registeredAddExport = registerLayerExport<AddLayer>({.onnx = addOnnx, .pytorch = addPytorch});

} // namespace

} // namespace nn
