// BinaryCrossEntropyLoss: the sigmoid fused into the loss, so its derivative is simply σ(x) − t.
#include "binarycrossentropyloss.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredBinaryCrossEntropyLoss = registerLoss<BinaryCrossEntropyLoss>();
}

const LossSpec &BinaryCrossEntropyLoss::declaration()
{
    static const LossSpec spec{
        {"BinaryCrossEntropy", "Loss",
         "Binary cross-entropy: for yes/no targets; each output is a score turned into a probability by a sigmoid.",
         {}},
        TargetKind::Binary,
        "sigmoid"};
    return spec;
}

// Written with e^−|x| so that no exponential overflows, whatever the logit.
double BinaryCrossEntropyLoss::sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const
{
    const auto logit = prediction.cast<double>();
    return (logit.max(0.0) - logit * target.cast<double>() + (-logit.abs()).exp().log1p()).sum();
}

void BinaryCrossEntropyLoss::termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                                      ArrayMap dPrediction) const
{
    dPrediction = scale * (1.0f / (1.0f + (-prediction).exp()) - target);
}

} // namespace nn
