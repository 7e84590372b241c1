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

class Model;

// One forward through a model and what its backward needs: every node's output and saved record,
// then the gradients that reached each node. The step that runs it owns it, so one model can run
// on several batches (a discriminator on a real and on a fake one) and back-propagate each, and
// a view's forward never overwrites what a training step needs. Kept between steps, its buffers
// are reused.
class Pass {
public:
    // The i-th output node's activations (Model::outputNames() order).
    const Tensor &output(size_t i = 0) const;
    // A node's activations on one of its output ports, by graph node id.
    const Tensor &activation(int nodeId, size_t port = 0) const;
    // ∂L/∂(input i) after a backward that asked for input gradients.
    const Tensor &inputGradient(size_t i = 0) const;
    // ∂L/∂(a node's output on `port`) after backward; empty for nodes that needed no gradient.
    const Tensor &gradient(int nodeId, size_t port = 0) const;
    const RunContext &context() const { return ctx_; }
    // What a node's layer computed inside for sample `sample` of the batch (Layer::internals), read
    // from the forward's saved record; empty for kinds that show nothing.
    std::vector<LayerInternal> internals(int nodeId, int64_t sample) const;

private:
    friend class Model;
    size_t indexOf(int nodeId, size_t port) const;
    const Model *model_ = nullptr;
    RunContext ctx_;
    std::vector<Tensor> outs_, dOuts_;  // per value: each node's output ports, topological order
    std::vector<Saved> saved_;          // per node
    std::vector<char> hasGradient_;     // per value
};

// Runs a validated graph with any number of named Input nodes and output nodes (nodes nothing
// consumes). Parameters can be frozen; random streams are keyed by the model's key and the node.
class Model {
public:
    // Validates the graph (ShapeError naming the node) and initialises weights keyed by `seed` and
    // `key` (empty for a project's one model; "generator", "discriminator" when a run has several,
    // so that equal node names do not start equal). A network of more than kMaxParameters, or one
    // memory cannot hold, is a ShapeError that names its largest layer, raised before (or instead
    // of) allocating its weights.
    Model(const Graph &graph, uint64_t seed, std::string key = {});
    ~Model();
    Model(const Model &) = delete;
    Model &operator=(const Model &) = delete;

    const Graph &graph() const { return graph_; }
    const std::string &key() const { return key_; }
    // The Input nodes' and the output nodes' names, in node id order.
    std::vector<std::string> inputNames() const;
    std::vector<std::string> outputNames() const;
    Shape inputShape(size_t i = 0) const;   // per sample, as the Input node declares it
    Shape outputShape(size_t i = 0) const;  // [N, …]

    // Runs the graph into `pass` on one batch [N, …] per Input node, in inputNames() order.
    void forward(Pass &pass, const std::vector<const Tensor *> &inputs, const RunContext &ctx);
    // An evaluation-mode forward on a const model, for views and exports: evaluation changes nothing
    // in a layer (BatchNorm reads its running statistics, Dropout passes values through).
    void infer(Pass &pass, const std::vector<const Tensor *> &inputs) const;
    // Back-propagates through `pass`: dOutputs[i] is ∂L/∂(output i), nullptr where that output adds
    // nothing. Adds into the grad of every parameter that is not frozen; with `inputGradients`,
    // also computes ∂L/∂input into pass.inputGradient(i).
    void backward(Pass &pass, const std::vector<const Tensor *> &dOutputs, bool inputGradients = false);

    // The same on the model's own pass, for a model with one input: returns output 0.
    const Tensor &forward(const Tensor &input, const RunContext &ctx);
    // Back-propagates ∂L/∂(output 0) through the last forward(input, ctx), run again under `ctx`.
    void backward(const Tensor &dOutput, const RunContext &ctx);
    // The model's own pass: the last forward(input, ctx) and backward(dOutput, ctx).
    const Pass &lastPass() const { return pass_; }
    void zeroGrad();

    // Freezes (or thaws) every parameter: a frozen one gets no gradient and optimizers skip it.
    void setFrozen(bool frozen);

    std::vector<NamedParameter> parameters();
    std::vector<NamedParameter> buffers();  // running statistics and other saved state
    std::vector<NamedParameter> parametersAndBuffers();  // what a weights file holds, in this order
    std::vector<Parameter *> parameterList();
    // The parameters' values by full name, read-only, in parameters() order (for views).
    std::vector<std::pair<std::string, const Tensor *>> weights() const;
    int64_t parameterCount() const;
    // Draws fresh weights from `seed`.
    void initialize(uint64_t seed);

    // Activations of a node from the last forward(input, ctx) (for the GUI's views).
    const Tensor &activation(int nodeId) const;
    // L2 norm of each parameterised node's weight gradients, in topological order.
    std::vector<std::pair<std::string, double>> gradientNorms() const;
    // The first node (topological order) whose output in the last forward(input, ctx), or whose
    // parameters, hold NaN or ±inf; "" if none.
    std::string firstNonFiniteNode() const;

    // Per-layer wall-clock timing of forward and backward (for benchmarks and profiles); off by
    // default. Switching it on clears what was measured.
    void setTiming(bool on);
    // Every node but the Input, in topological order.
    std::vector<LayerTiming> timings() const;

private:
    friend class Pass;
    struct Step;
    // The parameter count from the layers' declared shapes; throws when above kMaxParameters.
    int64_t checkedParameterCount() const;
    // Which values (output ports) need a gradient: their node learns, or feeds on a value that does
    // (or on an input, when asked).
    std::vector<char> gradientNeeds(bool inputGradients) const;
    // How many values a pass holds: every node's output ports.
    size_t valueCount() const;
    void run(Pass &pass, const std::vector<const Tensor *> &inputs, const RunContext &ctx, bool timing);
    Graph graph_;
    std::string key_;
    std::vector<Step> steps_;  // topological order
    std::vector<int> inputIndices_, outputIndices_;  // into steps_, in node id order
    Pass pass_;
    bool timing_ = false;
};

} // namespace nn
