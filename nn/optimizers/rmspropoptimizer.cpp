// RMSpropOptimizer: torch 1.13's _single_tensor_rmsprop; buffers are the mean square, then the mean
// gradient (centered only), then the momentum (momentum > 0 only).
#include "rmspropoptimizer.h"

#include "nn/registry.h"

#include <cmath>

namespace nn {

namespace {
const bool registeredRMSpropOptimizer = registerOptimizer<RMSpropOptimizer>();
constexpr int kSquareAverage = 0;
constexpr int kMeanGradient = 1;
}

const ComponentSpec &RMSpropOptimizer::declaration()
{
    static const ComponentSpec spec{
        "RMSprop", "Optimizer",
        "RMSprop: divides each weight's step by the recent size of its gradients, so all weights learn evenly.",
        {SettingSpec::real("lr", 0.01, 0.0, 10.0, "Learning rate: how far each step moves the weights."),
         SettingSpec::real("alpha", 0.99, 0.0, 1.0,
                           "Smoothing of the mean squared gradient: closer to 1 remembers longer."),
         SettingSpec::real("eps", 1e-8, 0.0, 1.0, "Added to the divisor so that it is never 0."),
         SettingSpec::real("weight_decay", 0.0, 0.0, 1.0,
                           "Adds this times each weight to its gradient (L2), pulling weights towards 0."),
         SettingSpec::real("momentum", 0.0, 0.0, 1.0, "Share of the previous step carried into the next one."),
         SettingSpec::boolean("centered", false,
                              "Divides by the gradient's variance instead of its mean square.")}};
    return spec;
}

RMSpropOptimizer::RMSpropOptimizer(Settings settings)
    : ElementwiseOptimizer(std::move(settings)),
      alpha_(float(settings_.real("alpha"))),
      eps_(float(settings_.real("eps"))),
      weightDecay_(float(settings_.real("weight_decay"))),
      momentum_(float(settings_.real("momentum"))),
      centered_(settings_.flag("centered"))
{
}

void RMSpropOptimizer::prepareStep() { rate_ = float(learningRate()); }

template <typename Gradient, typename Denominator>
void RMSpropOptimizer::descend(const ParameterSlice &slice, const Gradient &gradient,
                               const Denominator &denominator) const
{
    if (momentum_ > 0.0f) {
        auto velocity = slice.buffer(centered_ ? kMeanGradient + 1 : kSquareAverage + 1);
        velocity = momentum_ * velocity + gradient / denominator;
        slice.values() -= rate_ * velocity;
    } else {
        slice.values() -= rate_ * (gradient / denominator);
    }
}

void RMSpropOptimizer::update(const ParameterSlice &slice) const
{
    const auto gradient = slice.grads() + (slice.decays ? weightDecay_ : 0.0f) * slice.values();
    auto square = slice.buffer(kSquareAverage);
    square = alpha_ * square + (1.0f - alpha_) * gradient.square();
    if (centered_) {
        auto mean = slice.buffer(kMeanGradient);
        mean = alpha_ * mean + (1.0f - alpha_) * gradient;
        descend(slice, gradient, (square - mean.square()).sqrt() + eps_);
    } else {
        descend(slice, gradient, square.sqrt() + eps_);
    }
}

} // namespace nn

namespace nn {

void RMSpropOptimizer::describe(UpdateExplanation &e, const ElementState &state) const
{
    const float g = describeGradient(e, state.decays ? weightDecay_ : 0.0f);
    e.add("α", "learning rate", rate_);
    e.add("ρ", "smoothing of the mean square (the setting alpha)", alpha_);
    e.add("ε", "keeps the divisor above 0", eps_);
    const float s = state.after[kSquareAverage];
    e.add("s", "mean square before the step", state.before[kSquareAverage]);
    e.add("s'", "mean square after the step", s);
    e.lines.push_back("s ← ρ·s + (1 − ρ)·g² = " + formatNumber(alpha_) + "·" + formatNumber(state.before[kSquareAverage]) +
                      " + " + formatNumber(1.0f - alpha_) + "·" + formatNumber(g) + "² = " + formatNumber(s));
    float d = std::sqrt(s) + eps_;
    std::string divisor = "d = √s + ε = √" + formatNumber(s) + " + " + formatNumber(eps_);
    if (centered_) {
        const float mean = state.after[kMeanGradient];
        e.add("ḡ", "mean gradient after the step", mean);
        e.lines.push_back("ḡ ← ρ·ḡ + (1 − ρ)·g = " + formatNumber(alpha_) + "·" +
                          formatNumber(state.before[kMeanGradient]) + " + " + formatNumber(1.0f - alpha_) + "·" +
                          formatNumber(g) + " = " + formatNumber(mean));
        d = std::sqrt(s - mean * mean) + eps_;
        divisor = "d = √(s − ḡ²) + ε = √(" + formatNumber(s) + " − " + formatNumber(mean) + "²) + " + formatNumber(eps_);
    }
    e.add("d", "the divisor", d);
    e.lines.push_back(divisor + " = " + formatNumber(d));
    const std::string w = formatNumber(e.before), a = formatNumber(rate_), after = formatNumber(e.after);
    if (momentum_ > 0.0f) {
        const int slot = centered_ ? kMeanGradient + 1 : kSquareAverage + 1;
        const float b = state.after[size_t(slot)];
        e.add("μ", "momentum", momentum_);
        e.add("b'", "velocity after the step", b);
        e.lines.push_back("b ← μ·b + g/d = " + formatNumber(momentum_) + "·" + formatNumber(state.before[size_t(slot)]) +
                          " + " + formatNumber(g) + "/" + formatNumber(d) + " = " + formatNumber(b));
        e.lines.push_back("w ← w − α·b = " + w + " − " + a + "·" + formatNumber(b) + " = " + after);
    } else {
        e.lines.push_back("w ← w − α·g/d = " + w + " − " + a + "·" + formatNumber(g) + "/" + formatNumber(d) +
                          " = " + after);
    }
}

} // namespace nn
