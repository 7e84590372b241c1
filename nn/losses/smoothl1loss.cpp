// SmoothL1Loss: the smooth_l1_loss of PyTorch; its derivative is d/β inside ±β and sign(d) outside.
#include "smoothl1loss.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredSmoothL1Loss = registerLoss<SmoothL1Loss>();
}

const LossSpec &SmoothL1Loss::declaration()
{
    static const LossSpec spec{
        {"SmoothL1", "Loss", "Smooth L1 (Huber): squared error for small misses, absolute error for big ones.",
         {SettingSpec::real("beta", 1.0, 0.0, 100.0,
                            "Misses smaller than this are squared, larger ones count linearly; 0 gives MAE.")}},
        TargetKind::Values,
        "none"};
    return spec;
}

SmoothL1Loss::SmoothL1Loss(Settings settings) : ElementwiseLoss(std::move(settings)), beta_(settings_.real("beta"))
{
}

double SmoothL1Loss::sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const
{
    const auto distance = (prediction.cast<double>() - target.cast<double>()).abs();
    if (beta_ == 0.0)
        return distance.sum();
    return (distance < beta_).select(0.5 * distance.square() / beta_, distance - 0.5 * beta_).sum();
}

void SmoothL1Loss::termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                                 ArrayMap dPrediction) const
{
    const auto difference = prediction - target;
    if (beta_ == 0.0) {
        dPrediction = scale * difference.sign();
        return;
    }
    const float beta = float(beta_);
    dPrediction = scale * (difference.abs() < beta).select(difference / beta, difference.sign());
}

} // namespace nn
