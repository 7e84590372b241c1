// SimpleRNN, GRU and LSTM in the exports: ONNX's standard RNN, GRU and LSTM operators (batch-first
// layout 1, GRU with linear_before_reset = 1 as PyTorch computes n) with the gate blocks reordered
// from PyTorch's (r, z, n) and (i, f, g, o) to ONNX's (z, r, h) and (i, o, f, c); PyTorch's nn.RNN,
// nn.GRU and nn.LSTM, whose parameter names and layout LayerLab shares. The padding mask becomes
// sequence_lens in ONNX and a packed sequence in PyTorch.
#include "nn/export/layerexport.h"
#include "sequenceexport.h"

#include "nn/layers/grulayer.h"
#include "nn/layers/lstmlayer.h"
#include "nn/layers/simplernnlayer.h"

#include <onnx/onnx_pb.h>

namespace nn {

namespace {

struct RecurrentOp {
    std::string onnxOp;             // "GRU"
    std::vector<int64_t> gateOrder;  // ONNX's gate blocks as indices of PyTorch's
    std::string module;             // "nn.GRU"
};

const RecurrentOp &recurrentOp(const std::string &kind)
{
    static const RecurrentOp rnn{"RNN", {0}, "nn.RNN"}, gru{"GRU", {1, 0, 2}, "nn.GRU"},
        lstm{"LSTM", {0, 3, 1, 2}, "nn.LSTM"};
    return kind == "GRU" ? gru : kind == "LSTM" ? lstm : rnn;
}

// The parameters `name` (weight_ih, …) of every direction, gate blocks in ONNX's order, stacked:
// (D, G·H, cols) as one list of values.
std::vector<float> onnxBlocks(const OnnxNodeContext &c, const std::string &name, const RecurrentOp &op, int directions)
{
    std::vector<float> values;
    for (int d = 0; d < directions; ++d) {
        const Tensor &t = *c.tensor(name + "_l0" + (d == 1 ? "_reverse" : ""));
        const int64_t block = t.size() / int64_t(op.gateOrder.size());
        for (int64_t gate : op.gateOrder)
            values.insert(values.end(), t.data() + gate * block, t.data() + (gate + 1) * block);
    }
    return values;
}

std::string recurrentOnnx(OnnxGraphWriter &writer, const OnnxNodeContext &c)
{
    using W = OnnxGraphWriter;
    const Settings &s = c.node.settings;
    const RecurrentOp &op = recurrentOp(c.node.kind);
    const int directions = s.flag("bidirectional") ? 2 : 1;
    const int64_t hidden = s.integer("hidden_size"), features = c.inputShapes[0][2];
    const auto rows = int64_t(op.gateOrder.size()) * hidden;
    const std::string w = writer.addFloats(c.part("W"), {directions, rows, features}, onnxBlocks(c, "weight_ih", op, directions));
    const std::string r = writer.addFloats(c.part("R"), {directions, rows, hidden}, onnxBlocks(c, "weight_hh", op, directions));
    std::vector<float> bias;
    const std::vector<float> bIh = onnxBlocks(c, "bias_ih", op, directions), bHh = onnxBlocks(c, "bias_hh", op, directions);
    for (int d = 0; d < directions; ++d) {  // B is (D, 2·G·H): Wb then Rb per direction
        bias.insert(bias.end(), bIh.begin() + d * rows, bIh.begin() + (d + 1) * rows);
        bias.insert(bias.end(), bHh.begin() + d * rows, bHh.begin() + (d + 1) * rows);
    }
    const std::string b = writer.addFloats(c.part("B"), {directions, 2 * rows}, bias);
    const std::string lengths =
        c.inputs.size() > 1 ? writer.addNode("Cast", {onnxSequenceLengths(writer, c)}, c.part("lengths"),
                                             {W::intAttribute("to", onnx::TensorProto::INT32)})
                            : "";
    std::vector<onnx::AttributeProto> attributes{
        W::intAttribute("hidden_size", hidden), W::intAttribute("layout", 1),
        W::stringAttribute("direction", directions == 2 ? "bidirectional" : "forward")};
    if (op.onnxOp == "GRU")
        attributes.push_back(W::intAttribute("linear_before_reset", 1));
    // Y (N, T, D, H) and Y_h (N, D, H) in layout 1; each direction's units side by side after a Reshape.
    const std::vector<std::string> outputs =
        writer.addNodeWithOutputs(op.onnxOp, {c.inputs[0], w, r, b, lengths}, c.part(op.onnxOp), {"Y", "Y_h"}, attributes);
    const bool sequences = s.flag("return_sequences");
    const std::vector<int64_t> shape = sequences ? std::vector<int64_t>{0, 0, directions * hidden}
                                                 : std::vector<int64_t>{0, directions * hidden};
    return writer.addNode("Reshape", {outputs[sequences ? 0 : 1], writer.addInt64s(c.part("shape"), shape)}, c.node.name);
}

PytorchNode recurrentPytorch(const Settings &s, const PytorchNodeContext &c)
{
    const RecurrentOp &op = recurrentOp(s.spec().kind);
    const std::string x = c.arguments.at(0);
    const std::string module = op.module + "(" + std::to_string(c.inputs[0][2]) + ", " +
                               std::to_string(s.integer("hidden_size")) + ", batch_first=True" +
                               (s.flag("bidirectional") ? ", bidirectional=True" : "") + ")";
    const bool padded = c.arguments.size() > 1;
    std::string input = x;
    if (padded)
        input = "nn.utils.rnn.pack_padded_sequence(" + x + ", " + pytorchSequenceLengths(c.arguments[1]) +
                ".cpu(), batch_first=True, enforce_sorted=False)";
    const std::string run = c.module + "(" + input + ")";
    std::string expression;
    if (s.flag("return_sequences"))
        expression = padded ? "nn.utils.rnn.pad_packed_sequence(" + run + "[0], batch_first=True, total_length=" + x +
                                  ".shape[1])[0]"
                            : run + "[0]";
    else  // h_n (D, N, H) → (N, D·H)
        expression = run + (op.onnxOp == "LSTM" ? "[1][0]" : "[1]") + ".permute(1, 0, 2).reshape(" + x + ".shape[0], -1)";
    std::vector<std::string> decaying{"weight_ih_l0", "weight_hh_l0"};
    if (s.flag("bidirectional"))
        decaying.insert(decaying.end(), {"weight_ih_l0_reverse", "weight_hh_l0_reverse"});
    return {module, expression, decaying};
}

const bool registeredSimpleRnnExport =
    registerLayerExport<SimpleRnnLayer>({.onnx = recurrentOnnx, .pytorch = recurrentPytorch});
const bool registeredGruExport = registerLayerExport<GruLayer>({.onnx = recurrentOnnx, .pytorch = recurrentPytorch});
const bool registeredLstmExport = registerLayerExport<LstmLayer>({.onnx = recurrentOnnx, .pytorch = recurrentPytorch});

} // namespace

} // namespace nn
