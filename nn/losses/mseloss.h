// MSELoss: mean squared error, the regression loss of torch.nn.MSELoss.
#pragma once

#include "elementwiseloss.h"

namespace nn {

// L = mean((p − t)²) over all elements.
class MSELoss : public ElementwiseLoss {
public:
    explicit MSELoss(Settings settings) : ElementwiseLoss(std::move(settings)) {}
    static const LossSpec &declaration();


protected:
    double sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const override;
    void termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                       ArrayMap dPrediction) const override;
};

} // namespace nn
