// AdamOptimizer: torch 1.13's _single_tensor_adam (and the AdamW variant); buffers are the first
// moment, the second moment and, with amsgrad, the largest second moment so far.
#include "adamoptimizer.h"

#include "nn/registry.h"

#include <algorithm>
#include <cmath>

namespace nn {

namespace {
const bool registeredAdamOptimizer = registerOptimizer<AdamOptimizer>();
constexpr int kFirstMoment = 0;
constexpr int kSecondMoment = 1;
constexpr int kMaxSecondMoment = 2;
}

std::vector<SettingSpec> AdamOptimizer::declareSettings(double weightDecay, const std::string &weightDecayHelp)
{
    return {SettingSpec::real("lr", 0.001, 0.0, 10.0, "Learning rate: how far each step moves the weights."),
            SettingSpec::real("beta1", 0.9, 0.0, 0.99999,
                              "Smoothing of the mean gradient (the momentum): closer to 1 remembers longer."),
            SettingSpec::real("beta2", 0.999, 0.0, 0.99999,
                              "Smoothing of the mean squared gradient: closer to 1 remembers longer."),
            SettingSpec::real("eps", 1e-8, 0.0, 1.0, "Added to the divisor so that it is never 0."),
            SettingSpec::real("weight_decay", weightDecay, 0.0, 1.0, weightDecayHelp),
            SettingSpec::boolean("amsgrad", false,
                                 "AMSGrad: divides by the largest mean squared gradient seen so far, so steps "
                                 "never grow because gradients shrank.")};
}

const ComponentSpec &AdamOptimizer::declaration()
{
    static const ComponentSpec spec{
        "Adam", "Optimizer",
        "Adam: momentum plus a per-weight step size from the recent gradient sizes; a good first choice.",
        declareSettings(0.0, "Adds this times each weight to its gradient (L2), pulling weights towards 0.")};
    return spec;
}

AdamOptimizer::AdamOptimizer(Settings settings, bool decoupled)
    : ElementwiseOptimizer(std::move(settings)),
      decoupled_(decoupled),
      beta1_(float(settings_.real("beta1"))),
      beta2_(float(settings_.real("beta2"))),
      eps_(float(settings_.real("eps"))),
      weightDecay_(float(settings_.real("weight_decay"))),
      amsgrad_(settings_.flag("amsgrad"))
{
}

// The corrections use the settings in double, as PyTorch's Python floats do.
void AdamOptimizer::prepareStep()
{
    const double step = double(stepCount());
    const double rate = learningRate();
    stepSize_ = float(rate / (1.0 - std::pow(settings_.real("beta1"), step)));
    correction2Root_ = float(std::sqrt(1.0 - std::pow(settings_.real("beta2"), step)));
    shrink_ = float(1.0 - rate * settings_.real("weight_decay"));
}

// The update runs over blocks of kBlock elements, so that the four array passes of a block (the
// moments, then the weight) find its value, gradient and moments still in the L1 cache.
void AdamOptimizer::update(const ParameterSlice &slice) const
{
    constexpr int64_t kBlock = 512;
    const bool decays = slice.decays && weightDecay_ != 0.0f;
    const float coupledDecay = decays && !decoupled_ ? weightDecay_ : 0.0f;
    for (int64_t begin = 0; begin < slice.count; begin += kBlock) {
        const int64_t count = std::min(kBlock, slice.count - begin);
        ArrayMap weight(slice.value + begin, count);
        ArrayMap first(slice.buffers[kFirstMoment] + begin, count);
        ArrayMap second(slice.buffers[kSecondMoment] + begin, count);
        if (decays && decoupled_)
            weight *= shrink_;
        const auto gradient = ConstArrayMap(slice.grad + begin, count) + coupledDecay * weight;
        first = beta1_ * first + (1.0f - beta1_) * gradient;
        second = beta2_ * second + (1.0f - beta2_) * gradient.square();
        if (amsgrad_) {
            ArrayMap largest(slice.buffers[kMaxSecondMoment] + begin, count);
            largest = largest.max(second);
            weight -= stepSize_ * (first / (largest.sqrt() / correction2Root_ + eps_));
        } else {
            weight -= stepSize_ * (first / (second.sqrt() / correction2Root_ + eps_));
        }
    }
}

} // namespace nn

namespace nn {

void AdamOptimizer::describe(UpdateExplanation &e, const ElementState &state) const
{
    const bool decays = state.decays && weightDecay_ != 0.0f;
    const double rate = learningRate(), t = double(e.step);
    float w = e.before;
    if (decays && decoupled_) {
        w = e.before * shrink_;
        e.lines.push_back("w ← (1 − α·λ)·w = " + formatNumber(shrink_) + "·" + formatNumber(e.before) + " = " +
                          formatNumber(w) + "   (AdamW's decoupled weight decay)");
    }
    const float g = describeGradient(e, decays && !decoupled_ ? weightDecay_ : 0.0f);
    if (decays && decoupled_)
        e.add("λ", "weight decay", weightDecay_);
    const double c1 = 1.0 - std::pow(settings_.real("beta1"), t), c2 = 1.0 - std::pow(settings_.real("beta2"), t);
    const float m = state.after[kFirstMoment], v = state.after[kSecondMoment];
    const float vUsed = amsgrad_ ? state.after[kMaxSecondMoment] : v;
    const double mHat = m / c1, vHat = vUsed / c2;
    e.add("α", "learning rate", rate);
    e.add("β1", "first-moment decay", beta1_);
    e.add("β2", "second-moment decay", beta2_);
    e.add("ε", "keeps the divisor above 0", eps_);
    e.add("t", "step", t);
    e.add("m", "first moment before the step", state.before[kFirstMoment]);
    e.add("v", "second moment before the step", state.before[kSecondMoment]);
    e.add("m'", "first moment after the step", m);
    e.add("v'", "second moment after the step", v);
    e.add("m̂", "first moment after bias correction", mHat);
    e.add("v̂", "second moment after bias correction", vHat);
    e.lines.push_back("m ← β1·m + (1 − β1)·g = " + formatNumber(beta1_) + "·" + formatNumber(state.before[kFirstMoment]) +
                      " + " + formatNumber(1.0f - beta1_) + "·" + formatNumber(g) + " = " + formatNumber(m));
    e.lines.push_back("v ← β2·v + (1 − β2)·g² = " + formatNumber(beta2_) + "·" +
                      formatNumber(state.before[kSecondMoment]) + " + " + formatNumber(1.0f - beta2_) + "·" +
                      formatNumber(g) + "² = " + formatNumber(v));
    if (amsgrad_) {
        e.add("v_max", "the largest second moment so far", vUsed);
        e.lines.push_back("v_max ← max(v_max, v) = max(" + formatNumber(state.before[kMaxSecondMoment]) + ", " +
                          formatNumber(v) + ") = " + formatNumber(vUsed));
    }
    e.lines.push_back("m̂ = m / (1 − β1ᵗ) = " + formatNumber(m) + " / (1 − " + formatNumber(beta1_) + "^" +
                      formatNumber(t) + ") = " + formatNumber(mHat) + "   (bias correction: m starts at 0)");
    e.lines.push_back(std::string(amsgrad_ ? "v̂ = v_max" : "v̂ = v") + " / (1 − β2ᵗ) = " + formatNumber(vUsed) +
                      " / (1 − " + formatNumber(beta2_) + "^" + formatNumber(t) + ") = " + formatNumber(vHat));
    e.lines.push_back("w ← w − α·m̂ / (√v̂ + ε) = " + formatNumber(w) + " − " + formatNumber(rate) + "·" +
                      formatNumber(mHat) + " / (√" + formatNumber(vHat) + " + " + formatNumber(eps_) +
                      ") = " + formatNumber(e.after));
}

} // namespace nn
