// SequencePooling in the exports: the weighted sum over the steps that the layer computes, with
// weights 1/L over the first L steps (mean) or 1 at step L − 1 (last): constants without the ids
// input, from the lengths with it. PyTorch: the same from torch.arange.
#include "nn/export/layerexport.h"

#include "sequenceexport.h"

#include "nn/layers/sequencepoolinglayer.h"

#include <onnx/onnx_pb.h>

namespace nn {

namespace {

// w (N, T, 1) from the lengths: positions < L, divided by L (mean), or positions == L − 1 (last).
std::string maskedStepWeights(OnnxGraphWriter &writer, const OnnxNodeContext &c, bool last, int64_t steps)
{
    using W = OnnxGraphWriter;
    const std::string lengths = onnxLengthColumn(writer, c), steps1 = onnxStepPositions(writer, c, steps);
    std::string w;
    if (last) {
        const std::string lastStep = writer.addNode("Sub", {lengths, writer.addScalar(c.part("one"), 1.0f)}, c.part("last"));
        w = writer.addNode("Equal", {steps1, lastStep}, c.part("is_last"));
    } else {
        w = writer.addNode("Less", {steps1, lengths}, c.part("is_real"));
    }
    w = writer.addNode("Cast", {w}, c.part("step_ones"), {W::intAttribute("to", onnx::TensorProto::FLOAT)});
    if (!last)
        w = writer.addNode("Div", {w, lengths}, c.part("step_share"));
    return writer.addNode("Reshape", {w, writer.addInt64s(c.part("weights_shape"), {0, 0, 1})}, c.part("weights"));
}

std::string sequencePoolingOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const bool last = c.node.settings.choice("mode") == "last";
    const int64_t steps = c.inputShapes[0][1];
    std::string w;
    if (c.inputs.size() > 1) {
        w = maskedStepWeights(writer, c, last, steps);
    } else {
        std::vector<float> weights(size_t(steps), last ? 0.0f : 1.0f / float(steps));
        if (last)
            weights.back() = 1.0f;
        w = writer.addFloats(c.part("weights"), {1, steps, 1}, weights);
    }
    const std::string weighted = writer.addNode("Mul", {c.inputs[0], w}, c.part("weighted"));
    return writer.addNode("ReduceSum", {weighted, writer.addInt64s(c.part("time_axis"), {1})}, c.node.name,
                          {W::intAttribute("keepdims", 0)});
}

PytorchNode sequencePoolingPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const bool last = s.choice("mode") == "last";
    const std::string &x = c.arguments.at(0);
    if (c.arguments.size() < 2)
        return {"", last ? x + "[:, -1]" : x + ".mean(1)"};
    const std::string lengths = pytorchSequenceLengths(c.arguments[1]);
    if (last)
        return {"", "(lambda x, n: x[torch.arange(x.shape[0]), n - 1])(" + x + ", " + lengths + ")"};
    return {"", "(lambda x, n: (x * (torch.arange(x.shape[1]) < n[:, None]).float()[..., None]).sum(1) / n[:, None])(" +
                    x + ", " + lengths + ")"};
}

const bool registeredSequencePoolingExport =
    registerLayerExport<SequencePoolingLayer>({.onnx = sequencePoolingOnnx, .pytorch = sequencePoolingPytorch});

} // namespace

} // namespace nn
