// FLOPs and products per layer kind, from the graph's settings and inferred shapes. The products
// are those of nn/layers: Dense runs x·Wᵀ, dZᵀ·x and dZ·W on the batch; a convolution runs one
// product per sample and group on im2col's (C/groups·k², H'·W') matrix.
#include "layerwork.h"

#include "nn/layers/convolutionlayer.h"


namespace bench {

const char *const kFlopsFormula =
    "FLOP/sample = 2·multiply-adds of each Dense, Conv2D and ConvTranspose2D forward, the same again for the "
    "weight gradients and again for the input gradients (except a layer fed by the Input); biases, "
    "activations, pooling, loss and optimizer not counted";

namespace {

std::string dims(int64_t rows, int64_t cols)
{
    return std::to_string(rows) + "×" + std::to_string(cols);
}

LayerWork denseWork(const nn::Node &node, const nn::Shape &in, int64_t batch, bool inputGrad)
{
    const int64_t units = node.settings.integer("units"), features = in[1];
    LayerWork work{node.name, node.kind, 2.0 * double(units * features), 0.0, {}};
    work.backwardFlopsPerSample = work.forwardFlopsPerSample * (inputGrad ? 2.0 : 1.0);
    work.gemms.push_back({node.name + " forward  x·Wᵀ  " + dims(batch, features) + "·" + dims(features, units), batch,
                          features, units, GemmCase::Form::TransposedRight, 1});
    work.gemms.push_back({node.name + " weights  dZᵀ·x " + dims(units, batch) + "·" + dims(batch, features), units,
                          batch, features, GemmCase::Form::TransposedLeft, 1});
    if (inputGrad)
        work.gemms.push_back({node.name + " inputs   dZ·W  " + dims(batch, units) + "·" + dims(units, features), batch,
                              units, features, GemmCase::Form::Plain, 1});
    return work;
}

// Conv2D: per chunk of S samples (the engine's ConvolutionLayer::samplesPerChunk) and group,
// out (F/g × S·H'W') = W (F/g × R) · col (R × S·H'W'), R = C/g·k².
// ConvTranspose2D: per sample and group, col (R × HW) = Wᵀ (R × C/g) · x (C/g × HW), R = F/g·k²,
// folded by col2im.
LayerWork convolutionWork(const nn::Node &node, const nn::Shape &in, const nn::Shape &out, int64_t batch,
                          bool inputGrad)
{
    const bool transposed = node.kind == "ConvTranspose2D";
    const int64_t groups = node.settings.integer("groups"), kernel = node.settings.integer("kernel_size");
    const nn::Shape &image = transposed ? out : in, &grid = transposed ? in : out;
    const int64_t rows = image[1] / groups * kernel * kernel, channels = grid[1] / groups;
    int64_t cols = grid[2] * grid[3];
    LayerWork work{node.name, node.kind, 2.0 * double(channels * rows * cols * groups), 0.0, {}};
    work.backwardFlopsPerSample = work.forwardFlopsPerSample * (inputGrad ? 2.0 : 1.0);
    if (!transposed) {
        const int64_t grain = nn::ConvolutionLayer::samplesPerChunk(batch, work.forwardFlopsPerSample);
        const int64_t count = (batch + grain - 1) / grain * groups;
        const std::string times = " ×" + std::to_string(count);
        cols *= grain;
        work.gemms.push_back({node.name + " forward  W·col   " + dims(channels, rows) + "·" + dims(rows, cols) + times,
                              channels, rows, cols, GemmCase::Form::Plain, count});
        work.gemms.push_back({node.name + " weights  dZ·colᵀ " + dims(channels, cols) + "·" + dims(cols, rows) + times,
                              channels, cols, rows, GemmCase::Form::TransposedRight, count});
        if (inputGrad)
            work.gemms.push_back({node.name + " inputs   Wᵀ·dZ   " + dims(rows, channels) + "·" + dims(channels, cols) +
                                      times,
                                  rows, channels, cols, GemmCase::Form::TransposedLeft, count});
        return work;
    }
    const int64_t count = batch * groups;
    const std::string times = " ×" + std::to_string(count);
    work.gemms.push_back({node.name + " forward  Wᵀ·x    " + dims(rows, channels) + "·" + dims(channels, cols) + times,
                          rows, channels, cols, GemmCase::Form::TransposedLeft, count});
    work.gemms.push_back({node.name + " weights  x·colᵀ  " + dims(channels, cols) + "·" + dims(cols, rows) + times,
                          channels, cols, rows, GemmCase::Form::TransposedRight, count});
    if (inputGrad)
        work.gemms.push_back({node.name + " inputs   W·col   " + dims(channels, rows) + "·" + dims(rows, cols) + times,
                              channels, rows, cols, GemmCase::Form::Plain, count});
    return work;
}

} // namespace

std::vector<LayerWork> layerWork(const nn::Graph &graph, int64_t batch, const std::set<int> &withParameters)
{
    const auto status = graph.inferShapes();
    std::set<int> needGrad;  // nodes at or after a node with parameters, as nn::Model decides
    std::vector<LayerWork> layers;
    for (int id : graph.topologicalOrder()) {
        const nn::Node &node = graph.node(id);
        const auto inputs = graph.inputsOf(id);
        bool inputGrad = false;
        for (int input : inputs)
            inputGrad = inputGrad || needGrad.count(input);
        if (inputGrad || withParameters.count(id))
            needGrad.insert(id);
        if (inputs.size() != 1)
            continue;
        const nn::Shape &in = status.at(inputs[0]).output(), &out = status.at(id).output();
        if (node.kind == "Dense")
            layers.push_back(denseWork(node, in, batch, inputGrad));
        else if (node.kind == "Conv2D" || node.kind == "ConvTranspose2D")
            layers.push_back(convolutionWork(node, in, out, batch, inputGrad));
    }
    return layers;
}

double trainingFlopsPerSample(const std::vector<LayerWork> &layers)
{
    double flops = 0.0;
    for (const auto &layer : layers)
        flops += layer.forwardFlopsPerSample + layer.backwardFlopsPerSample;
    return flops;
}

} // namespace bench
