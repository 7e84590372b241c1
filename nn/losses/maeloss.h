// MAELoss: mean absolute error, the regression loss of torch.nn.L1Loss.
#pragma once

#include "elementwiseloss.h"

namespace nn {

// L = mean(|p − t|) over all elements.
class MAELoss : public ElementwiseLoss {
public:
    explicit MAELoss(Settings settings) : ElementwiseLoss(std::move(settings)) {}
    static const LossSpec &declaration();


protected:
    double sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const override;
    void termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                       ArrayMap dPrediction) const override;
};

} // namespace nn
