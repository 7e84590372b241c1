// traceBackprop: SupervisedStep::train's forward, loss, backward, regularization, clipping and
// optimizer step, on a copy of the model, keeping every tensor on the way.
#include "backproptrace.h"

#include "error.h"
#include "loss.h"
#include "model.h"
#include "registry.h"
#include "regularization.h"

#include <map>

namespace nn {

namespace {

// The nodes' records from a finished forward and backward of `model` on `pass`.
std::vector<TraceNode> recordNodes(Model &model, const Pass &pass)
{
    const Graph &graph = model.graph();
    std::map<std::string, std::vector<TraceParameter>> parameters;  // by node name
    for (const NamedParameter &named : model.parameters()) {
        const std::string node = named.name.substr(0, named.name.size() - named.parameter->name.size() - 1);
        parameters[node].push_back({named.parameter->name, named.parameter->value, named.parameter->grad});
    }
    std::vector<TraceNode> nodes;
    for (int id : graph.topologicalOrder()) {
        const Node &node = graph.node(id);
        TraceNode &trace = nodes.emplace_back();
        trace.nodeId = id;
        trace.name = node.name;
        trace.kind = node.kind;
        trace.output = pass.activation(id);
        trace.dOutput = pass.gradient(id);
        for (const Edge &edge : graph.inputEdgesOf(id)) {
            trace.inputNodes.push_back(edge.from);
            trace.inputs.push_back(pass.activation(edge.from, size_t(edge.fromPort)));
            trace.dInputs.push_back(pass.gradient(edge.from, size_t(edge.fromPort)));
            trace.sharedInputs.push_back(graph.consumersOf(edge.from).size() > 1 ? 1 : 0);
        }
        if (auto found = parameters.find(node.name); found != parameters.end())
            trace.parameters = std::move(found->second);
    }
    return nodes;
}

// Where the explained parameter is in `named`, by full name ("" for the first).
size_t parameterIndex(const std::vector<NamedParameter> &named, const std::string &name)
{
    for (size_t i = 0; i < named.size(); ++i)
        if (name.empty() || named[i].name == name)
            return i;
    throw SettingError("The network has no parameter named '" + name + "'; choose one of its weights.");
}

} // namespace

BackpropTrace traceBackprop(const Model &source, const TrainingConfig &config, const Tensor &x, const Tensor &y,
                            const OptimizerState *state, uint64_t step, const TraceRequest &request)
{
    Model model(source.graph(), config.seed, source.key());
    std::vector<NamedParameter> named = model.parameters();
    const auto weights = source.weights();
    for (size_t i = 0; i < named.size(); ++i)
        named[i].parameter->value = *weights.at(i).second;
    const std::vector<Parameter *> parameters = model.parameterList();
    if (parameters.empty())
        throw TrainingError("The network has no weights to learn; add a layer with weights such as Dense.");
    const size_t explained = parameterIndex(named, request.parameter);

    auto loss = lossRegistry().create(config.loss, Settings::fromJson(lossRegistry().spec(config.loss), config.lossSettings));
    auto optimizer = optimizerRegistry().create(
        config.optimizer, Settings::fromJson(optimizerRegistry().spec(config.optimizer), config.optimizerSettings));
    if (state && state->steps > 0)
        optimizer->restoreState(*state, parameters);

    BackpropTrace trace;
    trace.x = x;
    trace.y = y;
    if (loss->targetKind() == TargetKind::Binary && trace.y.rank() == 1)  // class data [N] against [N, 1] logits
        trace.y.reshape({trace.y.dim(0), 1});
    trace.loss = config.loss;
    for (const NamedParameter &p : named)
        trace.parameterNames.push_back(p.name);

    Pass pass;
    const RunContext ctx{true, config.seed, step, 0};
    model.zeroGrad();
    model.forward(pass, {&trace.x}, ctx);
    trace.output = pass.output();
    loss->checkShapes(trace.output.shape(), trace.y.shape());
    trace.lossValue = loss->forward(trace.output, trace.y);
    loss->backward(trace.output, trace.y, trace.dOutput);
    model.backward(pass, {&trace.dOutput}, true);
    trace.nodes = recordNodes(model, pass);

    if (config.l1 > 0.0 || config.l2 > 0.0) {
        applyRegularization(parameters, config.l1, config.l2);
        trace.gradientChanges.push_back("L1 " + formatNumber(config.l1) + " and L2 " + formatNumber(config.l2) +
                                        " added l1·sign(w) + 2·l2·w to each weight's gradient.");
    }
    if (config.clipNorm > 0.0) {
        const double norm = clipGradientNorm(parameters, config.clipNorm);
        if (norm > config.clipNorm)
            trace.gradientChanges.push_back("The gradients' norm " + formatNumber(norm) + " was clipped to " +
                                            formatNumber(config.clipNorm) + ".");
    }
    trace.updatedParameter = named[explained].name;
    trace.update = optimizer->explainUpdate(parameters, explained, request.element);
    optimizer->step(parameters);
    trace.updatedValue = parameters[explained]->value;
    return trace;
}

} // namespace nn
