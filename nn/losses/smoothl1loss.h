// SmoothL1Loss: the Huber-like loss of torch.nn.SmoothL1Loss, squared near zero and linear beyond beta.
#pragma once

#include "elementwiseloss.h"

namespace nn {

// With d = p − t: term = d²/(2β) where |d| < β, else |d| − β/2; β = 0 is the plain L1 loss.
class SmoothL1Loss : public ElementwiseLoss {
public:
    explicit SmoothL1Loss(Settings settings);
    static const LossSpec &declaration();


protected:
    double sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const override;
    void termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                       ArrayMap dPrediction) const override;

private:
    double beta_;
};

} // namespace nn
