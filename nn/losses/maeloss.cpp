// MAELoss: |p − t| per element, and its derivative sign(p − t) (0 where p = t, as PyTorch).
#include "maeloss.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredMAELoss = registerLoss<MAELoss>();
}

const LossSpec &MAELoss::declaration()
{
    static const LossSpec spec{
        {"MAE", "Loss", "Mean absolute error: the average of |output − target|; outliers count less than in MSE.", {}},
        TargetKind::Values,
        "none"};
    return spec;
}

double MAELoss::sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const
{
    return (prediction.cast<double>() - target.cast<double>()).abs().sum();
}

void MAELoss::termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                            ArrayMap dPrediction) const
{
    dPrediction = scale * (prediction - target).sign();
}

} // namespace nn
