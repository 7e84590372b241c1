// Taps: summaries of each node's activations and gradients, computed on the worker's thread.
#include "taps.h"

#include "loss.h"
#include "model.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nn {

namespace {

// "tanh" or "sigmoid" when the node's output is squashed by one (its own kind, or a fused activation).
std::string squashingOf(const Node &node)
{
    if (node.kind == "Tanh" || node.kind == "Sigmoid")
        return node.kind == "Tanh" ? "tanh" : "sigmoid";
    if (node.settings.spec().find("activation")) {
        const std::string &activation = node.settings.choice("activation");
        if (activation == "tanh" || activation == "sigmoid")
            return activation;
    }
    return {};
}

// Float sums in Eigen's vectorized tree order: accurate enough to draw, and 4× faster than doubles.
double l2(const Tensor &t) { return std::sqrt(double(t.vector().squaredNorm())); }

// A summary reads at most about this many values of a node's activations, evenly strided.
constexpr int64_t kTapSummaryValues = int64_t{1} << 16;

} // namespace

ActivationSummary summarizeActivations(const Tensor &a, const std::string &saturation)
{
    ActivationSummary summary;
    summary.saturated = std::numeric_limits<double>::quiet_NaN();
    if (a.empty())
        return summary;
    // A large tensor is summarised from every stride-th value (at most about kTapSummaryValues):
    // the same picture to a few tenths of a percent, and a tap costs a millisecond, not tens.
    summary.stride = std::max<int64_t>(1, a.size() / kTapSummaryValues);
    Eigen::ArrayXf strided;
    if (summary.stride > 1)
        strided = Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<>>(
            a.data(), (a.size() + summary.stride - 1) / summary.stride, Eigen::InnerStride<>(summary.stride));
    const ConstArrayMap values = summary.stride > 1 ? ConstArrayMap(strided.data(), strided.size()) : a.array();
    const double count = double(values.size());
    summary.mean = values.cast<double>().sum() / count;
    summary.std = std::sqrt((values.cast<double>() - summary.mean).square().sum() / count);
    summary.low = values.minCoeff();
    summary.high = values.maxCoeff();
    summary.zeros = double((values == 0.0f).count()) / count;
    if (saturation == "tanh")
        summary.saturated = double((values.abs() > 0.97f).count()) / count;
    else if (saturation == "sigmoid")
        summary.saturated = double((values < 0.03f || values > 0.97f).count()) / count;
    const float width = summary.high - summary.low;
    const float scale = width > 0.0f && std::isfinite(width) ? float(ActivationSummary::kBins) / width : 0.0f;
    constexpr float kLastBin = float(ActivationSummary::kBins - 1);
    for (const float value : values) {
        const float position = (value - summary.low) * scale;
        const float bin = position >= 0.0f ? std::min(position, kLastBin) : 0.0f;  // NaN goes to bin 0
        ++summary.histogram[size_t(bin)];
    }
    return summary;
}

TapRecord recordTaps(Model &model, const Pass &pass, const std::vector<Tensor> &before, const TapRequest &request,
                     int64_t step)
{
    TapRecord record;
    record.step = step;
    record.sample = request.sample;
    record.weightsNode = request.weightsNode;
    const Graph &graph = model.graph();
    const std::vector<NamedParameter> parameters = model.parameters();
    size_t next = 0;  // parameters are listed node by node, in topological order
    for (int id : graph.topologicalOrder()) {
        const Node &node = graph.node(id);
        NodeTap tap;
        tap.nodeId = id;
        tap.name = node.name;
        tap.kind = node.kind;
        const Tensor &activation = pass.activation(id);
        tap.shape = activation.shape();
        tap.activation = summarizeActivations(activation, squashingOf(node));
        const Tensor &gradient = pass.gradient(id);
        if (!gradient.empty())
            tap.gradientNorm = l2(gradient);
        tap.sampleActivation = itemOf(activation, request.sample);
        tap.sampleGradient = itemOf(gradient, request.sample);
        if (request.sample >= 0)
            tap.internals = pass.internals(id, request.sample);
        const std::string prefix = node.name + ".";
        for (; next < parameters.size() && parameters[next].name.starts_with(prefix); ++next) {
            const Parameter &p = *parameters[next].parameter;
            ParameterTap parameter{parameters[next].name.substr(prefix.size()), l2(p.grad), 0.0};
            if (next < before.size() && before[next].size() == p.value.size()) {
                const double norm = l2(before[next]);
                const double update = std::sqrt(double((p.value.vector() - before[next].vector()).squaredNorm()));
                parameter.updateRatio = norm > 0.0 ? update / norm : 0.0;
            }
            if (node.name == request.weightsNode)
                record.weights.emplace_back(parameter.name, p.value);
            tap.parameters.push_back(std::move(parameter));
        }
        record.nodes.push_back(std::move(tap));
    }
    return record;
}

void recordStepLosses(TapRecord &record, const Loss &loss, const Tensor &output, const Tensor &target)
{
    if (loss.targetKind() != TargetKind::ClassIndex || output.rank() != 3 || target.rank() != 2 ||
        target.dim(0) != output.dim(0) || target.dim(1) != output.dim(1))
        return;
    record.sampleTarget = itemOf(target, record.sample);
    if (record.sampleTarget.empty())
        return;
    const int64_t steps = output.dim(1), classes = output.dim(2);
    const float *logits = output.data() + record.sample * steps * classes;
    Tensor oneStep(Shape{1, 1, classes}), oneTarget(Shape{1, 1});
    for (int64_t t = 0; t < steps; ++t) {
        std::copy_n(logits + t * classes, classes, oneStep.data());
        oneTarget[0] = record.sampleTarget[t];
        record.stepLosses.push_back(loss.forward(oneStep, oneTarget));
    }
}

} // namespace nn
