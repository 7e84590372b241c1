// layerlab-bench-sequence: training samples/s of a word-like recurrent classifier (random ids,
// vocabulary 30, T = 16 → Embedding 32 → GRU or LSTM 128 → Dense 8, cross-entropy, Adam 1e-3,
// batch 64), the same loop as the supervised step: zero, forward, loss, backward, Adam.
#include "nn/graph.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "nn/random.h"
#include "nn/registry.h"
#include "nn/threadarena.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

constexpr int64_t kVocabulary = 30, kSteps = 16, kClasses = 8, kBatch = 64;

nn::Graph wordGraph(const std::string &cell)
{
    nn::Graph graph;
    const int input = graph.addNode("Input", "input");
    graph.node(input).settings.set("shape", std::vector<int64_t>{kSteps});
    const int embed = graph.addNode("Embedding", "embed");
    graph.node(embed).settings.set("vocabulary_size", kVocabulary);
    graph.node(embed).settings.set("dimension", int64_t{32});
    graph.node(embed).settings.set("padding_index", int64_t{0});
    const int recurrent = graph.addNode(cell, "rnn");
    graph.node(recurrent).settings.set("hidden_size", int64_t{128});
    const int dense = graph.addNode("Dense", "output");
    graph.node(dense).settings.set("units", kClasses);
    graph.connect(input, embed);
    graph.connect(embed, recurrent);
    graph.connect(recurrent, dense);
    return graph;
}

// Seconds for one epoch of `batches` batches.
double epochSeconds(const std::string &cell, int64_t batches, uint64_t seed)
{
    nn::Model model(wordGraph(cell), seed);
    auto loss = nn::lossRegistry().create("CrossEntropy");
    auto adam = nn::optimizerRegistry().create("Adam");
    nn::Rng rng(seed);
    nn::Tensor ids({batches * kBatch, kSteps}), labels({batches * kBatch});
    for (int64_t i = 0; i < ids.size(); ++i)
        ids[i] = float(rng.below(kVocabulary));
    for (int64_t i = 0; i < labels.size(); ++i)
        labels[i] = float(rng.below(kClasses));
    nn::Tensor x({kBatch, kSteps}), y({kBatch}), dy;
    const auto parameters = model.parameterList();
    const auto start = std::chrono::steady_clock::now();
    for (int64_t b = 0; b < batches; ++b) {
        std::copy_n(ids.data() + b * kBatch * kSteps, x.size(), x.data());
        std::copy_n(labels.data() + b * kBatch, y.size(), y.data());
        const nn::RunContext ctx{true, seed, uint64_t(b), 0};
        model.zeroGrad();
        const nn::Tensor &logits = model.forward(x, ctx);
        loss->forward(logits, y);
        dy.resize(logits.shape());
        loss->backward(logits, y, dy);
        model.backward(dy, ctx);
        adam->step(parameters);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"Training samples/s of Embedding → GRU/LSTM 128 → Dense 8 on random word ids"};
    std::string cell = "GRU";
    int threads = 1, repeats = 3;
    int64_t batches = 250;
    app.add_option("--cell", cell, "GRU, LSTM or SimpleRNN")->check(CLI::IsMember({"GRU", "LSTM", "SimpleRNN"}));
    app.add_option("--threads", threads, "threads of the trainer's arena");
    app.add_option("--repeats", repeats, "epochs, each from fresh weights");
    app.add_option("--batches", batches, "batches of 64 per epoch");
    CLI11_PARSE(app, argc, argv);
    nn::ThreadArena arena(threads);
    std::vector<double> rates;
    for (int r = 0; r < repeats; ++r)
        rates.push_back(double(batches * kBatch) / arena.run([&] { return epochSeconds(cell, batches, 1 + r); }));
    std::sort(rates.begin(), rates.end());
    std::printf("{\"framework\": \"layerlab\", \"cell\": \"%s\", \"threads\": %d, \"samples_per_second\": %.1f}\n",
                cell.c_str(), threads, rates[rates.size() / 2]);
}
