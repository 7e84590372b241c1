// MultiHeadAttention in the exports: ONNX through MatMul, Softmax and reshapes (heads as an axis),
// masks added as 0 / −∞ before the softmax; PyTorch's nn.MultiheadAttention (batch_first) with the
// same parameters, the causal mask as attn_mask and the padding as key_padding_mask.
#include "nn/export/layerexport.h"

#include "sequenceexport.h"

#include "nn/export/pythontext.h"
#include "nn/layers/multiheadattentionlayer.h"

#include <cmath>
#include <limits>

namespace nn {

namespace {

using W = OnnxGraphWriter;

// x·Wᵀ + b for x (N, T, ·) and the node's weight and bias called `weight` and `bias`.
std::string projected(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &x, const std::string &weight,
                      const std::string &bias, const std::string &stem)
{
    const std::string transposed = writer.addNode(
        "Transpose", {writer.addTensor(c.tensorName(weight), *c.tensor(weight))}, c.part(stem + "_weight_t"),
        {W::intsAttribute("perm", {1, 0})});
    const std::string product = writer.addNode("MatMul", {x, transposed}, c.part(stem + "_matmul"));
    return writer.addNode("Add", {product, writer.addTensor(c.tensorName(bias), *c.tensor(bias))}, c.part(stem));
}

// (N, T, E) → (N, heads, T, d), or (N, heads, d, T) for the keys.
std::string splitHeads(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &x, int64_t heads,
                       int64_t d, const std::string &stem, bool keys)
{
    const std::string shaped =
        writer.addNode("Reshape", {x, writer.addInt64s(c.part(stem + "_shape"), {0, 0, heads, d})}, c.part(stem + "_heads"));
    return writer.addNode("Transpose", {shaped}, c.part(stem + "_t"),
                          {W::intsAttribute("perm", keys ? std::vector<int64_t>{0, 2, 3, 1} : std::vector<int64_t>{0, 2, 1, 3})});
}

// Adds the masks to the scores (N, heads, T, T): −∞ where a query may not see a key.
std::string maskedScores(OnnxGraphWriter &writer, const OnnxNodeContext &c, std::string scores, int64_t steps)
{
    const float blocked = -std::numeric_limits<float>::infinity();
    if (c.node.settings.flag("causal")) {
        std::vector<float> causal(size_t(steps * steps), 0.0f);
        for (int64_t i = 0; i < steps; ++i)
            for (int64_t j = i + 1; j < steps; ++j)
                causal[size_t(i * steps + j)] = blocked;
        scores = writer.addNode("Add", {scores, writer.addFloats(c.part("causal_mask"), {steps, steps}, causal)},
                                c.part("causal_scores"));
    }
    if (c.inputs.size() < 2)
        return scores;
    const std::string real =
        writer.addNode("Less", {onnxStepPositions(writer, c, steps), onnxLengthColumn(writer, c)}, c.part("is_real"));
    const std::string mask = writer.addNode(
        "Where", {real, writer.addScalar(c.part("seen"), 0.0f), writer.addScalar(c.part("blocked"), blocked)},
        c.part("key_mask"));
    const std::string keys =
        writer.addNode("Reshape", {mask, writer.addInt64s(c.part("key_mask_shape"), {0, 1, 1, steps})}, c.part("key_mask4"));
    return writer.addNode("Add", {scores, keys}, c.part("padded_scores"));
}

std::string attentionOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    const int64_t steps = c.inputShapes[0][1], embed = c.inputShapes[0][2];
    const int64_t heads = c.node.settings.integer("heads"), d = embed / heads;
    const std::string qkv = projected(writer, c, c.inputs[0], "in_proj_weight", "in_proj_bias", "qkv");
    const std::vector<std::string> parts =
        writer.addNodeWithOutputs("Split", {qkv}, c.part("split"), {"q", "k", "v"}, {W::intAttribute("axis", 2)});
    const std::string q = writer.addNode("Mul", {splitHeads(writer, c, parts[0], heads, d, "q", false),
                                                 writer.addScalar(c.part("scale"), 1.0f / std::sqrt(float(d)))},
                                         c.part("q_scaled"));
    const std::string scores = writer.addNode("MatMul", {q, splitHeads(writer, c, parts[1], heads, d, "k", true)}, c.part("scores"));
    const std::string weights =
        writer.addNode("Softmax", {maskedScores(writer, c, scores, steps)}, c.part("weights"), {W::intAttribute("axis", -1)});
    const std::string attended =
        writer.addNode("MatMul", {weights, splitHeads(writer, c, parts[2], heads, d, "v", false)}, c.part("attended"));
    const std::string joined = writer.addNode("Transpose", {attended}, c.part("attended_t"), {W::intsAttribute("perm", {0, 2, 1, 3})});
    const std::string merged =
        writer.addNode("Reshape", {joined, writer.addInt64s(c.part("merged_shape"), {0, 0, embed})}, c.part("merged"));
    const std::string product = writer.addNode(
        "MatMul", {merged, writer.addNode("Transpose", {writer.addTensor(c.tensorName("out_proj.weight"), *c.tensor("out_proj.weight"))},
                                          c.part("out_weight_t"), {W::intsAttribute("perm", {1, 0})})},
        c.part("out_matmul"));
    return writer.addNode("Add", {product, writer.addTensor(c.tensorName("out_proj.bias"), *c.tensor("out_proj.bias"))},
                          c.node.name);
}

PytorchNode attentionPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const std::string &x = c.arguments.at(0);
    const std::string steps = std::to_string(c.inputs[0][1]);
    std::string call = c.module + "(" + x + ", " + x + ", " + x + ", need_weights=False";
    if (s.flag("causal"))
        call += ", attn_mask=torch.triu(torch.ones(" + steps + ", " + steps + ", dtype=torch.bool), 1)";
    if (c.arguments.size() > 1)
        call += ", key_padding_mask=torch.arange(" + steps + ")[None, :] >= " +
                pytorchSequenceLengths(c.arguments[1]) + "[:, None]";
    return {"nn.MultiheadAttention(" + std::to_string(c.inputs[0][2]) + ", " + std::to_string(s.integer("heads")) +
                ", dropout=" + python::number(s.real("dropout")) + ", batch_first=True)",
            call + ")[0]",
            {"in_proj_weight", "out_proj.weight"}};
}

const bool registeredMultiHeadAttentionExport =
    registerLayerExport<MultiHeadAttentionLayer>({.onnx = attentionOnnx, .pytorch = attentionPytorch});

} // namespace

} // namespace nn
