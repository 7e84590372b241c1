// everyKindGraph(): the one graph that uses every registered layer kind with the settings that
// change what an exporter writes, for the graph tests and the exporters' tests (ONNX, PyTorch script).
#pragma once

#include "nn/graph.h"

#include <string>
#include <utility>
#include <vector>

namespace testgraphs {

// Builds a graph node by node: add(kind, name, settings, inputs).
struct GraphBuilder {
    nn::Graph graph;
    int add(const std::string &kind, const std::string &name, const std::vector<std::pair<std::string, nn::SettingValue>> &settings,
            const std::vector<int> &inputs)
    {
        const int id = graph.addNode(kind, name);
        for (const auto &[setting, value] : settings)
            graph.node(id).settings.set(setting, value);
        for (size_t port = 0; port < inputs.size(); ++port)
            graph.connect(inputs[port], id, static_cast<int>(port));
        return id;
    }
};

inline nn::SettingValue integer(int64_t value) { return value; }
inline nn::SettingValue text(const char *value) { return std::string(value); }

// For the spiral data ([2] → 2 classes): every layer kind, each setting that changes the ONNX or the
// PyTorch script (padding modes, "same" with dilation, stride, dilation, groups, bias, every fused
// activation, output_padding, count_include_pad, BatchNorm on ranks 2 to 4 and its momentum,
// LayerNorm on images and rows and its epsilon, Dense and LayerNorm over a sequence's last axis,
// Concat on two axes, Split's second output port; Embedding with a padding index; the recurrent
// kinds both ways, all steps or the last, with and without the padding mask; both positional encodings
// and both sequence poolings, attention causal with dropout and padding or neither).
inline nn::Graph everyKindGraph()
{
    GraphBuilder b;
    const int in = b.add("Input", "input", {{"shape", std::vector<int64_t>{2}}}, {});
    const int d0 = b.add("Dense", "d0", {{"units", integer(72)}, {"activation", text("gelu")}}, {in});
    const int bn1 = b.add("BatchNorm", "bn1", {{"momentum", 0.3}}, {d0});
    const int r1 = b.add("Reshape", "r1", {{"shape", std::vector<int64_t>{2, 6, 6}}}, {bn1});
    const int c1 = b.add("Conv2D", "c1", {{"filters", integer(4)}, {"padding", text("same")}, {"dilation", integer(2)}, {"groups", integer(2)},
                                          {"activation", text("gelu")}}, {r1});
    const int bn2 = b.add("BatchNorm", "bn2", {}, {c1});
    const int ln1 = b.add("LayerNorm", "ln1", {{"eps", 1e-3}}, {bn2});
    const int mp = b.add("MaxPool2D", "mp", {{"kernel_size", integer(3)}, {"stride", integer(2)}, {"padding", integer(1)}}, {ln1});
    const int ct = b.add("ConvTranspose2D", "ct", {{"filters", integer(4)}, {"kernel_size", integer(3)}, {"stride", integer(2)},
                                                   {"padding", integer(1)}, {"output_padding", integer(1)}, {"activation", text("leaky_relu")}}, {mp});
    const int ap = b.add("AvgPool2D", "ap", {{"padding", integer(1)}, {"count_include_pad", false}}, {ct});
    const int ap2 = b.add("AvgPool2D", "ap2", {{"kernel_size", integer(3)}, {"stride", integer(1)}, {"padding", integer(1)}}, {ap});
    const int up0 = b.add("Upsample", "up", {}, {ap2});
    const int up = b.add("ConvTranspose2D", "ct2", {{"filters", integer(4)}, {"kernel_size", integer(3)}, {"stride", integer(1)},
                                                    {"padding", integer(2)}, {"dilation", integer(2)}, {"groups", integer(2)},
                                                    {"use_bias", false}, {"activation", text("gelu")}}, {up0});
    const int c2a = b.add("Conv2D", "c2a", {{"filters", integer(2)}, {"kernel_size", integer(1)}, {"activation", text("tanh")}}, {up});
    const int cat1 = b.add("Concat", "cat1", {{"axis", integer(1)}}, {up, c2a});
    const int c2 = b.add("Conv2D", "c2", {{"filters", integer(6)}, {"stride", integer(2)}, {"dilation", integer(2)}, {"padding", text("explicit")},
                                          {"padding_size", integer(1)}, {"groups", integer(3)}, {"use_bias", false}, {"activation", text("elu")}}, {cat1});
    const int c3 = b.add("Conv2D", "c3", {{"filters", integer(6)}, {"activation", text("sigmoid")}, {"padding", text("same")}, {"kernel_size", integer(2)}}, {c2});
    const int gap = b.add("GlobalAveragePool", "gap", {}, {c3});
    const int fl = b.add("Flatten", "fl", {}, {c2});
    const int d1 = b.add("Dense", "d1", {{"units", integer(6)}, {"activation", text("tanh")}}, {fl});
    const int add = b.add("Add", "add", {}, {gap, d1, gap});
    const int r2 = b.add("Reshape", "r2", {{"shape", std::vector<int64_t>{6, -1}}}, {c2});
    const int bn3 = b.add("BatchNorm", "bn3", {{"affine", false}}, {r2});
    const int fl2 = b.add("Flatten", "fl2", {}, {bn3});
    const int d2 = b.add("Dense", "d2", {{"units", integer(6)}, {"activation", text("softmax")}}, {fl2});
    // A sequence [N, 6, T]: Dense on the last axis and LayerNorm over each position.
    const int seq = b.add("Dense", "seq_dense", {{"units", integer(4)}, {"activation", text("relu")}}, {r2});
    const int seqNorm = b.add("LayerNorm", "seq_norm", {{"normalized_dims", integer(1)}}, {seq});
    const int seqFlat = b.add("Flatten", "seq_flat", {}, {seqNorm});
    const int cat2 = b.add("Concat", "cat2", {}, {add, d2, seqFlat});
    // Token ids from the points: a sigmoid rounds to 0 (the padding id) or 1.
    const int ids = b.add("Sigmoid", "id_sigmoid", {}, {in});
    const int embed = b.add("Embedding", "embed", {{"vocabulary_size", integer(2)}, {"dimension", integer(3)},
                                                   {"padding_index", integer(0)}}, {ids});
    // The sequence kinds on it: recurrent ones over all steps both ways and the last step, positional
    // encodings, attention and poolings, with and without the padding mask.
    const int sines = b.add("PositionalEncoding", "sines", {}, {embed});
    const int gru = b.add("GRU", "gru", {{"hidden_size", integer(4)}, {"return_sequences", true}, {"bidirectional", true}},
                          {sines, ids});
    const int learned = b.add("PositionalEncoding", "positions", {{"mode", text("learned")}, {"max_length", integer(5)}}, {gru});
    const int masked = b.add("MultiHeadAttention", "attention", {{"heads", integer(2)}, {"causal", true}, {"dropout", 0.1}},
                             {learned, ids});
    const int open = b.add("MultiHeadAttention", "attention_all", {{"heads", integer(4)}}, {gru});
    const int mean = b.add("SequencePooling", "mean_pool", {}, {masked, ids});
    const int last = b.add("SequencePooling", "last_pool", {{"mode", text("last")}}, {open});
    const int lstm = b.add("LSTM", "lstm", {{"hidden_size", integer(3)}}, {gru, ids});
    const int rnn = b.add("SimpleRNN", "rnn", {{"hidden_size", integer(2)}, {"bidirectional", true}}, {gru});
    const int seqOut = b.add("Flatten", "gru_flat", {}, {gru});
    // Two output ports: the tail reads the first half, the last Concat the second.
    const int halves = b.add("Split", "halves", {}, {cat2});
    // Signed values first, so that LeakyReLU's slope and ELU's alpha matter.
    int x = b.add("Dense", "dense_linear", {{"units", integer(8)}}, {halves});
    x = b.add("LeakyReLU", "leaky", {{"negative_slope", 0.2}}, {x});
    x = b.add("ELU", "elu", {{"alpha", 0.5}}, {x});
    x = b.add("GELU", "gelu", {}, {x});
    const int tanh = b.add("Tanh", "tanh", {}, {x});
    x = b.add("Sigmoid", "sigmoid", {}, {tanh});
    x = b.add("ReLU", "relu", {}, {x});
    x = b.add("Linear", "linear", {}, {x});
    x = b.add("Dropout", "dropout", {{"rate", 0.3}}, {x});
    x = b.add("Softmax", "softmax", {}, {x});
    for (const char *activation : {"relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softmax"})
        x = b.add("Dense", std::string("dense_") + activation, {{"units", integer(8)}, {"activation", text(activation)}}, {x});
    x = b.add("LayerNorm", "ln2", {{"affine", false}}, {x});
    // The image branch and the first activations also reach the output directly, so that an error
    // there cannot hide behind the saturating activations of the tail.
    x = b.add("Concat", "cat3", {}, {x, cat2, tanh});
    b.graph.connect(halves, x, 3, 1);
    b.graph.connect(seqOut, x, 4);
    b.graph.connect(lstm, x, 5);
    b.graph.connect(rnn, x, 6);
    b.graph.connect(mean, x, 7);
    b.graph.connect(last, x, 8);
    b.add("Dense", "output", {{"units", integer(2)}, {"use_bias", false}}, {x});
    return b.graph;
}

} // namespace testgraphs
