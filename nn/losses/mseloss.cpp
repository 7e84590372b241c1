// MSELoss: (p − t)² per element, and its derivative 2(p − t).
#include "mseloss.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredMSELoss = registerLoss<MSELoss>();
}

const LossSpec &MSELoss::declaration()
{
    static const LossSpec spec{
        {"MSE", "Loss", "Mean squared error: the average of (output − target)²; big misses cost a lot.", {}},
        TargetKind::Values,
        "none"};
    return spec;
}

double MSELoss::sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const
{
    return (prediction.cast<double>() - target.cast<double>()).square().sum();
}

void MSELoss::termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                            ArrayMap dPrediction) const
{
    dPrediction = (2.0f * scale) * (prediction - target);
}

} // namespace nn
