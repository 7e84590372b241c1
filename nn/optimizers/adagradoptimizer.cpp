// AdagradOptimizer: torch 1.13's _single_tensor_adagrad; the one buffer is the sum of squared gradients.
#include "adagradoptimizer.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredAdagradOptimizer = registerOptimizer<AdagradOptimizer>();
}

const ComponentSpec &AdagradOptimizer::declaration()
{
    static const ComponentSpec spec{
        "Adagrad", "Optimizer",
        "Adagrad: weights with large past gradients take smaller steps; the steps shrink as training goes on.",
        {SettingSpec::real("lr", 0.01, 0.0, 10.0, "Learning rate: how far each step moves the weights."),
         SettingSpec::real("lr_decay", 0.0, 0.0, 1.0,
                           "Divides the learning rate by 1 + steps × this, so later steps are smaller."),
         SettingSpec::real("weight_decay", 0.0, 0.0, 1.0,
                           "Adds this times each weight to its gradient (L2), pulling weights towards 0."),
         SettingSpec::real("initial_accumulator_value", 0.0, 0.0, 100.0,
                           "Starting value of every sum of squared gradients; larger makes the first steps "
                           "smaller."),
         SettingSpec::real("eps", 1e-10, 0.0, 1.0, "Added to the divisor so that it is never 0.")}};
    return spec;
}

AdagradOptimizer::AdagradOptimizer(Settings settings)
    : ElementwiseOptimizer(std::move(settings)),
      eps_(float(settings_.real("eps"))),
      weightDecay_(float(settings_.real("weight_decay"))),
      initialAccumulator_(float(settings_.real("initial_accumulator_value")))
{
}

void AdagradOptimizer::prepareStep()
{
    rate_ = float(learningRate() / (1.0 + double(stepCount() - 1) * settings_.real("lr_decay")));
}

void AdagradOptimizer::update(const ParameterSlice &slice) const
{
    auto weight = slice.values();
    auto sum = slice.buffer(0);
    const auto gradient = slice.grads() + (slice.decays ? weightDecay_ : 0.0f) * weight;
    sum += gradient.square();
    weight -= rate_ * (gradient / (sum.sqrt() + eps_));
}

} // namespace nn

namespace nn {

void AdagradOptimizer::describe(UpdateExplanation &e, const ElementState &state) const
{
    const float g = describeGradient(e, state.decays ? weightDecay_ : 0.0f);
    const float s = state.after[0];
    e.add("α", "learning rate", learningRate());
    e.add("αₜ", "this step's learning rate after lr_decay", rate_);
    e.add("ε", "keeps the divisor above 0", eps_);
    e.add("s", "sum of squared gradients before the step", state.before[0]);
    e.add("s'", "sum of squared gradients after the step", s);
    e.lines.push_back("s ← s + g² = " + formatNumber(state.before[0]) + " + " + formatNumber(g) + "² = " +
                      formatNumber(s));
    if (settings_.real("lr_decay") != 0.0)
        e.lines.push_back("αₜ = α / (1 + (t − 1)·lr_decay) = " + formatNumber(rate_));
    e.lines.push_back("w ← w − αₜ·g / (√s + ε) = " + formatNumber(e.before) + " − " + formatNumber(rate_) + "·" +
                      formatNumber(g) + " / (√" + formatNumber(s) + " + " + formatNumber(eps_) + ") = " +
                      formatNumber(e.after));
}

} // namespace nn
