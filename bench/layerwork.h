// The arithmetic of a training batch: for each Dense, Conv2D and ConvTranspose2D node, the FLOPs
// of its forward and backward and the matrix products it runs, as the engine runs them.
#pragma once

#include "gemmpeak.h"

#include "nn/graph.h"

#include <set>
#include <string>
#include <vector>

namespace bench {

// One layer whose work is matrix products.
struct LayerWork {
    std::string node;
    std::string kind;
    double forwardFlopsPerSample = 0.0;
    // Weight gradients, plus input gradients unless the layer reads the Input directly.
    double backwardFlopsPerSample = 0.0;
    std::vector<GemmCase> gemms;  // the products of one batch
};

// The product layers of `graph` in topological order; other layers (pooling, activations,
// normalisation) do little arithmetic and are not counted. `withParameters` holds the ids of the
// nodes that have parameters: a layer computes input gradients only when one lies upstream.
std::vector<LayerWork> layerWork(const nn::Graph &graph, int64_t batch, const std::set<int> &withParameters);

// FLOP/sample over the layers, forward and backward.
double trainingFlopsPerSample(const std::vector<LayerWork> &layers);

// How the FLOPs are counted, for the report.
extern const char *const kFlopsFormula;

} // namespace bench
