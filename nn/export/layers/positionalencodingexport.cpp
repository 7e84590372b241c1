// PositionalEncoding in the exports: ONNX adds the sinusoid table as a constant, or the first T rows
// of the learned table (Slice); PyTorch computes the same sinusoids in double, or keeps the learned
// table in an nn.Embedding whose weight has LayerLab's (max_length, D) layout.
#include "nn/export/layerexport.h"

#include "nn/layers/positionalencodinglayer.h"

namespace nn {

namespace {

std::string positionalEncodingOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const int64_t steps = c.inputShapes[0][1], dimension = c.inputShapes[0][2];
    std::string table;
    if (c.node.settings.choice("mode") == "learned")
        table = writer.addNode("Slice",
                               {writer.addTensor(c.tensorName("weight"), *c.tensor("weight")),
                                writer.addInt64s(c.part("start"), {0}), writer.addInt64s(c.part("end"), {steps}),
                                writer.addInt64s(c.part("axis"), {0})},
                               c.part("positions"));
    else
        table = writer.addTensor(c.part("sinusoids"), PositionalEncodingLayer::sinusoidTable(steps, dimension));
    return writer.addNode("Add", {c.inputs[0], table}, c.node.name);
}

PytorchNode positionalEncodingPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string &x = c.arguments.at(0);
    const std::string steps = std::to_string(c.inputs[0][1]), dimension = std::to_string(c.inputs[0][2]);
    if (s.choice("mode") == "learned")
        return {"nn.Embedding(" + std::to_string(s.integer("max_length")) + ", " + dimension + ")",
                x + " + " + c.module + ".weight[:" + steps + "]"};
    // P[t, j] = sin or cos(t / 10000^((j − j mod 2) / D)), sin for even j.
    return {"", x + " + (lambda t, j: torch.where(j % 2 == 0, torch.sin(t * 10000.0 ** (-(j - j % 2) / " + dimension +
                    ")), torch.cos(t * 10000.0 ** (-(j - j % 2) / " + dimension + "))))(torch.arange(" + steps +
                    ", dtype=torch.float64)[:, None], torch.arange(" + dimension +
                    ", dtype=torch.float64)[None, :]).float()"};
}

const bool registeredPositionalEncodingExport =
    registerLayerExport<PositionalEncodingLayer>({.onnx = positionalEncodingOnnx, .pytorch = positionalEncodingPytorch});

} // namespace

} // namespace nn
