// BinaryCrossEntropyLoss: binary cross-entropy on logits, as the numerically stable torch.nn.BCEWithLogitsLoss.
#pragma once

#include "elementwiseloss.h"

namespace nn {

// With x a logit and t ∈ {0, 1}: term = −[t·log σ(x) + (1 − t)·log(1 − σ(x))]
// = max(x, 0) − x·t + log(1 + e^−|x|).
class BinaryCrossEntropyLoss : public ElementwiseLoss {
public:
    explicit BinaryCrossEntropyLoss(Settings settings) : ElementwiseLoss(std::move(settings)) {}
    static const LossSpec &declaration();


protected:
    double sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const override;
    void termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                       ArrayMap dPrediction) const override;
};

} // namespace nn
