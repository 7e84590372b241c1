// SGDOptimizer: torch 1.13's _single_tensor_sgd, one fused array expression per buffer.
#include "sgdoptimizer.h"

#include "nn/error.h"
#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredSGDOptimizer = registerOptimizer<SGDOptimizer>();
}

const ComponentSpec &SGDOptimizer::declaration()
{
    static const ComponentSpec spec{
        "SGD", "Optimizer",
        "Stochastic gradient descent: steps every weight against its gradient, optionally with momentum.",
        {SettingSpec::real("lr", 0.01, 0.0, 10.0, "Learning rate: how far each step moves the weights."),
         SettingSpec::real("momentum", 0.0, 0.0, 1.0,
                           "Share of the previous step carried into the next one (0.9 is usual; 0: none)."),
         SettingSpec::real("dampening", 0.0, 0.0, 1.0, "Shrinks how much each new gradient adds to the momentum."),
         SettingSpec::boolean("nesterov", false,
                              "Nesterov momentum: looks ahead along the momentum before stepping; needs momentum."),
         SettingSpec::real("weight_decay", 0.0, 0.0, 1.0,
                           "Adds this times each weight to its gradient (L2), pulling weights towards 0.")}};
    return spec;
}

SGDOptimizer::SGDOptimizer(Settings settings)
    : ElementwiseOptimizer(std::move(settings)),
      momentum_(float(settings_.real("momentum"))),
      dampening_(float(settings_.real("dampening"))),
      nesterov_(settings_.flag("nesterov")),
      weightDecay_(float(settings_.real("weight_decay")))
{
    if (nesterov_ && (momentum_ <= 0.0f || dampening_ != 0.0f))
        throw SettingError("SGD setting 'nesterov' needs a momentum above 0 and a dampening of 0; set momentum "
                           "(0.9 is usual) and dampening 0, or turn nesterov off.");
}

void SGDOptimizer::prepareStep() { rate_ = float(learningRate()); }

void SGDOptimizer::update(const ParameterSlice &slice) const
{
    auto weight = slice.values();
    const auto gradient = slice.grads() + (slice.decays ? weightDecay_ : 0.0f) * weight;
    if (momentum_ == 0.0f) {
        weight -= rate_ * gradient;
        return;
    }
    auto velocity = slice.buffer(0);
    if (stepCount() == 1)
        velocity = gradient;
    else
        velocity = momentum_ * velocity + (1.0f - dampening_) * gradient;
    if (nesterov_)
        weight -= rate_ * (gradient + momentum_ * velocity);
    else
        weight -= rate_ * velocity;
}

} // namespace nn

namespace nn {

void SGDOptimizer::describe(UpdateExplanation &e, const ElementState &state) const
{
    const float g = describeGradient(e, state.decays ? weightDecay_ : 0.0f);
    e.add("α", "learning rate", rate_);
    const std::string w = formatNumber(e.before), a = formatNumber(rate_), after = formatNumber(e.after);
    if (momentum_ == 0.0f) {
        e.lines.push_back("w ← w − α·g = " + w + " − " + a + "·" + formatNumber(g) + " = " + after);
        return;
    }
    e.add("μ", "momentum", momentum_);
    e.add("b", "velocity before the step", state.before[0]);
    e.add("b'", "velocity after the step", state.after[0]);
    const std::string b = formatNumber(state.after[0]);
    if (e.step == 1)
        e.lines.push_back("b ← g = " + b + "   (the first step starts the velocity at g)");
    else
        e.lines.push_back("b ← μ·b + (1 − dampening)·g = " + formatNumber(momentum_) + "·" +
                          formatNumber(state.before[0]) + " + " + formatNumber(1.0f - dampening_) + "·" +
                          formatNumber(g) + " = " + b);
    if (nesterov_)
        e.lines.push_back("w ← w − α·(g + μ·b) = " + w + " − " + a + "·(" + formatNumber(g) + " + " +
                          formatNumber(momentum_) + "·" + b + ") = " + after + "   (Nesterov: looks ahead along b)");
    else
        e.lines.push_back("w ← w − α·b = " + w + " − " + a + "·" + b + " = " + after);
}

} // namespace nn
