// Model: runs the graph's layers in topological order, and back again for gradients.
#include "model.h"

#include "error.h"
#include "parallel.h"
#include "registry.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <new>

namespace nn {

// One node made runnable: its layer and where its inputs come from.
struct Model::Step {
    int nodeId = 0;
    std::string name;
    std::unique_ptr<Layer> layer;
    std::vector<int> inputs;  // indices into the pass's values (a step's output ports, in order)
    std::vector<Shape> inputShapes;
    int firstValue = 0, ports = 1;  // the step's outputs are values firstValue … firstValue + ports − 1
    bool isInput = false;
    double forwardSeconds = 0.0, backwardSeconds = 0.0;  // with timing on
    int64_t forwardCalls = 0, backwardCalls = 0;
};

namespace {

// Floats per chunk when zeroing a gradient: 256 KiB, a quarter of a core's L2.
constexpr int64_t kZeroGrain = int64_t(1) << 16;

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

size_t Pass::indexOf(int nodeId, size_t port) const
{
    if (model_ && !outs_.empty())
        for (const Model::Step &step : model_->steps_)
            if (step.nodeId == nodeId) {
                if (port >= size_t(step.ports))
                    throw Error(step.name + " has no output " + std::to_string(port) + ".");
                return size_t(step.firstValue) + port;
            }
    throw Error("There is no node with id " + std::to_string(nodeId) + " in this pass.");
}

const Tensor &Pass::output(size_t i) const
{
    if (!model_ || i >= model_->outputIndices_.size() || outs_.empty())
        throw Error("The pass has no output " + std::to_string(i) + "; run a forward first.");
    return outs_[size_t(model_->steps_[size_t(model_->outputIndices_[i])].firstValue)];
}

const Tensor &Pass::activation(int nodeId, size_t port) const { return outs_[indexOf(nodeId, port)]; }

const Tensor &Pass::inputGradient(size_t i) const
{
    const size_t value = model_ && i < model_->inputIndices_.size()
                             ? size_t(model_->steps_[size_t(model_->inputIndices_[i])].firstValue)
                             : 0;
    if (!model_ || i >= model_->inputIndices_.size() || dOuts_.empty() || !hasGradient_[value])
        throw Error("The pass has no gradient for input " + std::to_string(i) +
                    "; run backward with input gradients first.");
    return dOuts_[value];
}

const Tensor &Pass::gradient(int nodeId, size_t port) const
{
    static const Tensor none;
    const size_t i = indexOf(nodeId, port);
    return i < hasGradient_.size() && hasGradient_[i] ? dOuts_[i] : none;
}

std::vector<LayerInternal> Pass::internals(int nodeId, int64_t sample) const
{
    indexOf(nodeId, 0);  // throws for a node the pass does not hold
    for (size_t i = 0; i < model_->steps_.size() && i < saved_.size(); ++i)
        if (model_->steps_[i].nodeId == nodeId)
            return model_->steps_[i].layer->internals(saved_[i], sample);
    return {};
}

Model::Model(const Graph &graph, uint64_t seed, std::string key) : graph_(graph), key_(std::move(key))
{
    graph_.validate();
    const auto inputs = graph_.inputNodes();
    const auto outputs = graph_.outputNodes();
    if (inputs.empty())
        throw ShapeError("The network needs an Input node; drag one from the palette and connect it.");
    if (outputs.empty())
        throw ShapeError("The network needs an output (a layer whose output goes nowhere).");
    const auto status = graph_.inferShapes();
    std::map<int, int> indexOf;  // node id → index into steps_
    int values = 0;
    for (int id : graph_.topologicalOrder()) {
        const Node &node = graph_.node(id);
        Step step;
        step.nodeId = id;
        step.name = node.name;
        step.layer = layerRegistry().create(node.kind, node.settings);
        step.layer->setName(node.name);
        step.layer->setRandomKey(key_.empty() ? node.name : key_ + "/" + node.name);
        step.isInput = step.layer->spec().maxInputs == 0;
        step.firstValue = values;
        step.ports = static_cast<int>(status.at(id).outputs.size());
        values += step.ports;
        for (const Edge &e : graph_.inputEdgesOf(id)) {
            step.inputs.push_back(steps_[size_t(indexOf.at(e.from))].firstValue + e.fromPort);
            step.inputShapes.push_back(status.at(e.from).output(size_t(e.fromPort)));
        }
        indexOf[id] = static_cast<int>(steps_.size());
        steps_.push_back(std::move(step));
    }
    for (int id : inputs)
        inputIndices_.push_back(indexOf.at(id));
    for (int id : outputs)
        outputIndices_.push_back(indexOf.at(id));
    const int64_t parameters = checkedParameterCount();
    try {
        initialize(seed);
    } catch (const std::bad_alloc &) {
        throw ShapeError("The memory cannot hold the network's " + std::to_string(parameters) +
                         " parameters; make its largest layers smaller.");
    }
}

Model::~Model() = default;

void Model::initialize(uint64_t seed)
{
    for (auto &step : steps_) {
        Rng rng = Rng::keyed(seed, "init/" + step.layer->randomKey());
        step.layer->build(step.inputShapes, rng);
    }
}

std::vector<std::string> Model::inputNames() const
{
    std::vector<std::string> names;
    for (int i : inputIndices_)
        names.push_back(steps_[size_t(i)].name);
    return names;
}

std::vector<std::string> Model::outputNames() const
{
    std::vector<std::string> names;
    for (int i : outputIndices_)
        names.push_back(steps_[size_t(i)].name);
    return names;
}

Shape Model::inputShape(size_t i) const
{
    const Shape shape = steps_[size_t(inputIndices_.at(i))].layer->inferShape({});
    return Shape(shape.begin() + 1, shape.end());
}

Shape Model::outputShape(size_t i) const
{
    return graph_.inferShapes().at(steps_[size_t(outputIndices_.at(i))].nodeId).output();
}

void Model::forward(Pass &pass, const std::vector<const Tensor *> &inputs, const RunContext &ctx)
{
    run(pass, inputs, ctx, timing_);
}

void Model::infer(Pass &pass, const std::vector<const Tensor *> &inputs) const
{
    const_cast<Model *>(this)->run(pass, inputs, RunContext{}, false);  // see the header: evaluation writes nothing
}

void Model::run(Pass &pass, const std::vector<const Tensor *> &inputs, const RunContext &ctx, bool timing)
{
    if (inputs.size() != inputIndices_.size())
        throw ShapeError("The network has " + std::to_string(inputIndices_.size()) + " Input nodes but was given " +
                         std::to_string(inputs.size()) + " batches.");
    pass.model_ = this;
    pass.ctx_ = ctx;
    pass.outs_.resize(valueCount());
    pass.saved_.resize(steps_.size());
    pass.hasGradient_.assign(valueCount(), 0);
    for (size_t k = 0; k < inputIndices_.size(); ++k) {
        const Step &step = steps_[size_t(inputIndices_[k])];
        const Tensor &input = *inputs[k];
        Shape shape = step.layer->inferShape({});
        shape[0] = input.rank() > 0 ? input.dim(0) : 0;
        if (input.rank() == 0 || elementCount(shape) != input.size())
            throw ShapeError("The data has samples of shape " +
                             toString(Shape(input.shape().begin() + std::min(input.rank(), 1), input.shape().end())) +
                             " but " + step.name + " expects " + toString(inputShape(k)) +
                             "; set the Input's shape to match the data.");
        Tensor &out = pass.outs_[size_t(step.firstValue)];
        out.resize(shape);
        std::copy(input.data(), input.data() + input.size(), out.data());
    }
    for (size_t i = 0; i < steps_.size(); ++i) {
        Step &step = steps_[i];
        if (step.isInput)
            continue;
        std::vector<const Tensor *> in;
        for (int j : step.inputs)
            in.push_back(&pass.outs_[size_t(j)]);
        std::vector<Tensor *> outs;
        for (int p = 0; p < step.ports; ++p)
            outs.push_back(&pass.outs_[size_t(step.firstValue + p)]);
        timed(timing, step.forwardSeconds, step.forwardCalls,
              [&] { step.layer->forwardPorts(in, outs, pass.saved_[i], ctx); });
    }
}

size_t Model::valueCount() const
{
    return steps_.empty() ? 0 : size_t(steps_.back().firstValue + steps_.back().ports);
}

std::vector<char> Model::gradientNeeds(bool inputGradients) const
{
    std::vector<char> needs(valueCount(), 0);
    for (const Step &step : steps_) {
        bool need = step.isInput ? inputGradients : step.layer->learns();
        for (int j : step.inputs)
            need = need || needs[size_t(j)];
        std::fill_n(needs.begin() + step.firstValue, step.ports, need);
    }
    return needs;
}

void Model::backward(Pass &pass, const std::vector<const Tensor *> &dOutputs, bool inputGradients)
{
    if (pass.model_ != this || pass.outs_.size() != valueCount())
        throw Error("backward needs a forward of this model in the same pass.");
    if (dOutputs.size() != outputIndices_.size())
        throw ShapeError("The network has " + std::to_string(outputIndices_.size()) + " outputs but was given " +
                         std::to_string(dOutputs.size()) + " gradients.");
    const std::vector<char> needs = gradientNeeds(inputGradients);
    for (size_t k = 0; k < outputIndices_.size(); ++k) {
        const Step &step = steps_[size_t(outputIndices_[k])];
        const Tensor &out = pass.outs_[size_t(step.firstValue)];
        if (dOutputs[k] && needs[size_t(step.firstValue)] && dOutputs[k]->shape() != out.shape())
            throw ShapeError("The gradient for output " + step.name + " has shape " + toString(dOutputs[k]->shape()) +
                             " but the output has " + toString(out.shape()) + ".");
    }
    pass.dOuts_.resize(valueCount());
    pass.hasGradient_ = needs;
    // Layers add into their inputs' gradients, which start at zero. Each is zeroed just before the
    // first layer that adds into it (in parallel: a CNN's are megabytes), not all at once up front.
    // A claimed gradient is sized for this pass, and zeroed unless its first writer overwrites it.
    std::vector<char> claimed(valueCount(), 0);
    const auto claim = [&](size_t v) {
        const bool first = needs[v] && !claimed[v];
        if (first) {
            claimed[v] = 1;
            pass.dOuts_[v].resize(pass.outs_[v].shape());
        }
        return first;
    };
    const auto zero = [&](size_t v) {
        if (!claim(v))
            return;
        Tensor &gradient = pass.dOuts_[v];
        parallelChunks(gradient.size(), kZeroGrain, double(gradient.size()), [&](int64_t begin, int64_t end) {
            std::fill(gradient.data() + begin, gradient.data() + end, 0.0f);
        });
    };
    for (size_t k = 0; k < outputIndices_.size(); ++k) {
        const Step &step = steps_[size_t(outputIndices_[k])];
        const auto v = size_t(step.firstValue);
        zero(v);
        if (dOutputs[k] && needs[v])
            pass.dOuts_[v].array() += dOutputs[k]->array();
    }
    for (size_t i = steps_.size(); i-- > 0;) {
        Step &step = steps_[i];
        for (int p = 0; p < step.ports; ++p)  // a port nothing reads has a zero gradient
            zero(size_t(step.firstValue + p));
        if (!needs[size_t(step.firstValue)] || step.isInput)
            continue;
        // A layer that can overwrite its input's gradient does so when it is the first to write it.
        RunContext ctx = pass.ctx_;
        ctx.overwriteInputGradient =
            step.inputs.size() == 1 && step.layer->overwritesInputGradient() && claim(size_t(step.inputs[0]));
        for (int j : step.inputs)
            zero(size_t(j));
        std::vector<const Tensor *> in, outs, dOuts;
        std::vector<Tensor *> dIn;
        for (int j : step.inputs) {
            in.push_back(&pass.outs_[size_t(j)]);
            dIn.push_back(needs[size_t(j)] ? &pass.dOuts_[size_t(j)] : nullptr);
        }
        for (int p = 0; p < step.ports; ++p) {
            outs.push_back(&pass.outs_[size_t(step.firstValue + p)]);
            dOuts.push_back(&pass.dOuts_[size_t(step.firstValue + p)]);
        }
        timed(timing_, step.backwardSeconds, step.backwardCalls, [&] {
            step.layer->backwardPorts(in, outs, dOuts, pass.saved_[i], dIn, ctx);
        });
    }
}

const Tensor &Model::forward(const Tensor &input, const RunContext &ctx)
{
    forward(pass_, {&input}, ctx);
    return pass_.output(0);
}

void Model::backward(const Tensor &dOutput, const RunContext &ctx)
{
    pass_.ctx_ = ctx;
    std::vector<const Tensor *> dOutputs(outputIndices_.size(), nullptr);
    dOutputs[0] = &dOutput;
    backward(pass_, dOutputs);
}

void Model::setFrozen(bool frozen)
{
    for (auto &step : steps_)
        for (auto *p : step.layer->parameters())
            p->frozen = frozen;
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

std::vector<std::pair<std::string, const Tensor *>> Model::weights() const
{
    std::vector<std::pair<std::string, const Tensor *>> all;
    for (const auto &step : steps_)
        for (const Parameter *p : step.layer->parameters())
            all.emplace_back(step.name + "." + p->name, &p->value);
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

const Tensor &Model::activation(int nodeId) const { return pass_.activation(nodeId); }

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
    for (const Step &step : steps_) {
        bool finite = true;
        for (int p = 0; p < step.ports; ++p)
            finite = finite && (size_t(step.firstValue + p) >= pass_.outs_.size() ||
                                pass_.outs_[size_t(step.firstValue + p)].allFinite());
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
