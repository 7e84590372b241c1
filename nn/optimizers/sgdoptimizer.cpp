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
