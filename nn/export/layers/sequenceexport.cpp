// Sample lengths from padded ids: the count of ids that round to a non-zero, at least 1.
#include "sequenceexport.h"

#include <onnx/onnx_pb.h>

namespace nn {

std::string onnxSequenceLengths(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const std::string rounded = writer.addNode("Round", {c.inputs[1]}, c.part("ids_round"));
    const std::string pad = writer.addNode("Equal", {rounded, writer.addScalar(c.part("pad_id"), 0.0f)}, c.part("is_pad"));
    const std::string real = writer.addNode("Not", {pad}, c.part("is_token"));
    const std::string ones =
        writer.addNode("Cast", {real}, c.part("token_ones"), {W::intAttribute("to", onnx::TensorProto::FLOAT)});
    const std::string count = writer.addNode("ReduceSum", {ones, writer.addInt64s(c.part("time_axis"), {1})},
                                             c.part("token_count"), {W::intAttribute("keepdims", 0)});
    return writer.addNode("Max", {count, writer.addScalar(c.part("one"), 1.0f)}, c.part("length"));
}

std::string onnxLengthColumn(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    return writer.addNode("Reshape", {onnxSequenceLengths(writer, c), writer.addInt64s(c.part("column"), {-1, 1})},
                          c.part("lengths"));
}

std::string onnxStepPositions(OnnxGraphWriter &writer, const OnnxNodeContext &c, int64_t steps)
{
    std::vector<float> positions;
    for (int64_t t = 0; t < steps; ++t)
        positions.push_back(float(t));
    return writer.addFloats(c.part("positions"), {1, steps}, positions);
}

std::string pytorchSequenceLengths(const std::string &ids)
{
    return "(" + ids + ".round() != 0).sum(1).clamp(min=1)";
}

} // namespace nn
