// ElementwiseLoss: the losses that average one term per output element (MSE, MAE, SmoothL1, BCE).
#pragma once

#include "nn/loss.h"

namespace nn {

// mean over all n elements of term(p, t); a kind supplies Σ term and scale · ∂term/∂p.
class ElementwiseLoss : public Loss {
public:
    using Loss::Loss;

    double forward(const Tensor &prediction, const Tensor &target) const final;
    void backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const final;

protected:
    // Σ term(p, t) over the elements, accumulated in double.
    virtual double sumOfTerms(ConstArrayMap prediction, ConstArrayMap target) const = 0;
    // dPrediction = scale · ∂term/∂p element by element (scale is 1/n for the mean).
    virtual void termGradients(ConstArrayMap prediction, ConstArrayMap target, float scale,
                               ArrayMap dPrediction) const = 0;

private:
    // Throws ShapeError when the two tensors do not hold the same number of elements.
    void checkSizes(const Tensor &prediction, const Tensor &target) const;
};

} // namespace nn
