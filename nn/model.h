// Model: a graph made runnable: layers instantiated, weights allocated, forward and backward.
#pragma once

#include "graph.h"
#include "layer.h"

#include <memory>
#include <string>
#include <vector>

namespace nn {

// A parameter with its full name, "node.weight", as files and exporters name it.
struct NamedParameter {
    std::string name;
    Parameter *parameter;
};

// Time spent in one node's layer since timing was switched on (Model::setTiming).
struct LayerTiming {
    std::string node;
    std::string kind;
    std::vector<Shape> inputShapes;  // batch dim kBatch
    double forwardSeconds = 0.0;
    double backwardSeconds = 0.0;
    int64_t forwardCalls = 0;
    int64_t backwardCalls = 0;
};

// The most learnable values a network may hold: 2^28 floats, 1 GB (about 4 GB while Adam trains).
inline constexpr int64_t kMaxParameters = int64_t{1} << 28;

// Runs a validated graph with one input node and one output node.
class Model {
public:
    // Validates the graph (ShapeError naming the node) and initialises weights keyed by `seed`. A
    // network of more than kMaxParameters, or one memory cannot hold, is a ShapeError that names
    // its largest layer, raised before (or instead of) allocating its weights.
    Model(const Graph &graph, uint64_t seed);
    ~Model();
    Model(const Model &) = delete;
    Model &operator=(const Model &) = delete;

    const Graph &graph() const { return graph_; }
    Shape inputShape() const;   // per sample, as the Input node declares it
    Shape outputShape() const;  // [N, …]

    // Runs the graph on a batch [N, …] and returns the output node's activations.
    const Tensor &forward(const Tensor &input, const RunContext &ctx);
    // Back-propagates ∂L/∂output through the last forward, adding into parameter grads.
    void backward(const Tensor &dOutput, const RunContext &ctx);
    void zeroGrad();

    std::vector<NamedParameter> parameters();
    std::vector<NamedParameter> buffers();  // running statistics and other saved state
    std::vector<NamedParameter> parametersAndBuffers();  // what a weights file holds, in this order
    std::vector<Parameter *> parameterList();
    int64_t parameterCount() const;
    // Draws fresh weights from `seed`.
    void initialize(uint64_t seed);

    // Activations of a node from the last forward (for the GUI's views).
    const Tensor &activation(int nodeId) const;
    // L2 norm of each parameterised node's weight gradients, in topological order.
    std::vector<std::pair<std::string, double>> gradientNorms() const;
    // The first node (topological order) whose output or parameters hold NaN or ±inf; "" if none.
    std::string firstNonFiniteNode() const;

    // Per-layer wall-clock timing of forward and backward (for benchmarks and profiles); off by
    // default. Switching it on clears what was measured.
    void setTiming(bool on);
    // Every node but the Input, in topological order.
    std::vector<LayerTiming> timings() const;

private:
    struct Step;
    // The parameter count from the layers' declared shapes; throws when above kMaxParameters.
    int64_t checkedParameterCount() const;
    Graph graph_;
    std::vector<Step> steps_;  // topological order
    int inputIndex_ = -1;
    int outputIndex_ = -1;
    bool timing_ = false;
};

} // namespace nn
