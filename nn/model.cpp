// Model: runs the graph's layers in topological order, and back again for gradients.
#include "model.h"

#include "error.h"
#include "registry.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <new>

namespace nn {

// One node made runnable: its layer, where its inputs come from, its output and that output's gradient.
struct Model::Step {
    int nodeId = 0;
    std::string name;
    std::unique_ptr<Layer> layer;
    std::vector<int> inputs;  // indices into steps_
    std::vector<Shape> inputShapes;
    Tensor out;
    Tensor dOut;
    bool needsGrad = false;  // the node or something before it has parameters
    bool isInput = false;
    double forwardSeconds = 0.0, backwardSeconds = 0.0;  // with timing on
    int64_t forwardCalls = 0, backwardCalls = 0;
};

namespace {

// Adds the seconds `call` takes to `seconds` when `on`, else just calls it.
template <typename Call>
void timed(bool on, double &seconds, int64_t &calls, const Call &call)
{
    if (!on) {
        call();
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    call();
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++calls;
}

} // namespace

Model::Model(const Graph &graph, uint64_t seed) : graph_(graph)
{
    graph_.validate();
    const auto inputs = graph_.inputNodes();
    const auto outputs = graph_.outputNodes();
    if (inputs.size() != 1)
        throw ShapeError("The network needs exactly one Input node to train on a data set; it has " +
                         std::to_string(inputs.size()) + ".");
    if (outputs.size() != 1)
        throw ShapeError("The network needs exactly one output (a layer whose output goes nowhere); it has " +
                         std::to_string(outputs.size()) + ". Connect or delete the loose ends.");
    const auto status = graph_.inferShapes();
    std::map<int, int> indexOf;
    for (int id : graph_.topologicalOrder()) {
        const Node &node = graph_.node(id);
        Step step;
        step.nodeId = id;
        step.name = node.name;
        step.layer = layerRegistry().create(node.kind, node.settings);
        step.layer->setName(node.name);
        step.isInput = step.layer->spec().maxInputs == 0;
        for (int input : graph_.inputsOf(id)) {
            step.inputs.push_back(indexOf.at(input));
            step.inputShapes.push_back(status.at(input).output);
        }
        indexOf[id] = static_cast<int>(steps_.size());
        steps_.push_back(std::move(step));
    }
    inputIndex_ = indexOf.at(inputs.front());
    outputIndex_ = indexOf.at(outputs.front());
    const int64_t parameters = checkedParameterCount();
    try {
        initialize(seed);
    } catch (const std::bad_alloc &) {
        throw ShapeError("The memory cannot hold the network's " + std::to_string(parameters) +
                         " parameters; make its largest layers smaller.");
    }
    for (auto &step : steps_) {
        step.needsGrad = !step.layer->parameters().empty();
        for (int input : step.inputs)
            step.needsGrad = step.needsGrad || steps_[static_cast<size_t>(input)].needsGrad;
    }
}

Model::~Model() = default;

void Model::initialize(uint64_t seed)
{
    for (auto &step : steps_) {
        Rng rng = Rng::keyed(seed, "init/" + step.name);
        step.layer->build(step.inputShapes, rng);
    }
}

Shape Model::inputShape() const
{
    const Shape shape = steps_[static_cast<size_t>(inputIndex_)].layer->inferShape({});
    return Shape(shape.begin() + 1, shape.end());
}

Shape Model::outputShape() const
{
    return graph_.inferShapes().at(steps_[static_cast<size_t>(outputIndex_)].nodeId).output;
}

const Tensor &Model::forward(const Tensor &input, const RunContext &ctx)
{
    for (auto &step : steps_) {
        if (step.isInput) {
            Shape shape = step.layer->inferShape({});
            shape[0] = input.rank() > 0 ? input.dim(0) : 0;
            if (input.rank() == 0 || elementCount(shape) != input.size())
                throw ShapeError("The data has samples of shape " + toString(Shape(input.shape().begin() + 1, input.shape().end())) +
                                 " but " + step.name + " expects " + toString(inputShape()) +
                                 "; set the Input's shape to match the data.");
            step.out.resize(shape);
            std::copy(input.data(), input.data() + input.size(), step.out.data());
            continue;
        }
        std::vector<const Tensor *> in;
        for (int i : step.inputs)
            in.push_back(&steps_[static_cast<size_t>(i)].out);
        timed(timing_, step.forwardSeconds, step.forwardCalls, [&] { step.layer->forward(in, step.out, ctx); });
    }
    return steps_[static_cast<size_t>(outputIndex_)].out;
}

void Model::backward(const Tensor &dOutput, const RunContext &ctx)
{
    for (auto &step : steps_)
        if (step.needsGrad) {
            step.dOut.resize(step.out.shape());
            step.dOut.setZero();
        }
    Step &last = steps_[static_cast<size_t>(outputIndex_)];
    if (!last.needsGrad)
        return;
    last.dOut.array() += dOutput.array();
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
        Step &step = *it;
        if (!step.needsGrad || step.isInput)
            continue;
        std::vector<const Tensor *> in;
        std::vector<Tensor *> dIn;
        for (int i : step.inputs) {
            Step &source = steps_[static_cast<size_t>(i)];
            in.push_back(&source.out);
            dIn.push_back(source.needsGrad ? &source.dOut : nullptr);
        }
        timed(timing_, step.backwardSeconds, step.backwardCalls,
              [&] { step.layer->backward(in, step.out, step.dOut, dIn, ctx); });
    }
}

void Model::zeroGrad()
{
    for (auto &step : steps_)
        for (auto *p : step.layer->parameters())
            p->grad.setZero();
}

std::vector<NamedParameter> Model::parameters()
{
    std::vector<NamedParameter> all;
    for (auto &step : steps_)
        for (auto *p : step.layer->parameters())
            all.push_back({step.name + "." + p->name, p});
    return all;
}

std::vector<NamedParameter> Model::buffers()
{
    std::vector<NamedParameter> all;
    for (auto &step : steps_)
        for (auto *p : step.layer->buffers())
            all.push_back({step.name + "." + p->name, p});
    return all;
}

std::vector<NamedParameter> Model::parametersAndBuffers()
{
    std::vector<NamedParameter> all = parameters();
    for (const NamedParameter &buffer : buffers())
        all.push_back(buffer);
    return all;
}

std::vector<Parameter *> Model::parameterList()
{
    std::vector<Parameter *> all;
    for (auto &step : steps_)
        for (auto *p : step.layer->parameters())
            all.push_back(p);
    return all;
}

int64_t Model::checkedParameterCount() const
{
    int64_t total = 0, largestCount = 0;
    std::string largest;
    for (const auto &step : steps_) {
        const int64_t count = nn::parameterCount(*step.layer, step.inputShapes);
        if (count > largestCount) {
            largestCount = count;
            largest = step.name;
        }
        if (__builtin_add_overflow(total, count, &total))
            total = std::numeric_limits<int64_t>::max();
    }
    if (total > kMaxParameters)
        throw ShapeError("The network has " + std::to_string(total) + " parameters, more than the " +
                         std::to_string(kMaxParameters) + " (1 GB of weights) LayerLab trains; '" + largest +
                         "' alone has " + std::to_string(largestCount) + ". Give it fewer units or filters.");
    return total;
}

int64_t Model::parameterCount() const
{
    int64_t count = 0;
    for (const auto &step : steps_)
        for (auto *p : step.layer->parameters())
            count += p->value.size();
    return count;
}

const Tensor &Model::activation(int nodeId) const
{
    for (const auto &step : steps_)
        if (step.nodeId == nodeId)
            return step.out;
    throw Error("There is no node with id " + std::to_string(nodeId) + ".");
}

std::vector<std::pair<std::string, double>> Model::gradientNorms() const
{
    std::vector<std::pair<std::string, double>> norms;
    for (const auto &step : steps_) {
        const auto parameters = step.layer->parameters();
        if (parameters.empty())
            continue;
        double squares = 0.0;
        for (auto *p : parameters)
            squares += p->grad.vector().cast<double>().squaredNorm();
        norms.emplace_back(step.name, std::sqrt(squares));
    }
    return norms;
}

std::string Model::firstNonFiniteNode() const
{
    for (const auto &step : steps_) {
        bool finite = step.out.allFinite();
        for (auto *p : step.layer->parameters())
            finite = finite && p->value.allFinite() && p->grad.allFinite();
        for (auto *b : step.layer->buffers())
            finite = finite && b->value.allFinite();
        if (!finite)
            return step.name;
    }
    return {};
}

void Model::setTiming(bool on)
{
    timing_ = on;
    for (auto &step : steps_) {
        step.forwardSeconds = step.backwardSeconds = 0.0;
        step.forwardCalls = step.backwardCalls = 0;
    }
}

std::vector<LayerTiming> Model::timings() const
{
    std::vector<LayerTiming> all;
    for (const auto &step : steps_)
        if (!step.isInput)
            all.push_back({step.name, step.layer->spec().kind, step.inputShapes, step.forwardSeconds,
                           step.backwardSeconds, step.forwardCalls, step.backwardCalls});
    return all;
}

} // namespace nn
