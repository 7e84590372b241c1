// CrossEntropyLoss: categorical cross-entropy on logits, softmax fused, as torch.nn.CrossEntropyLoss.
#pragma once

#include "nn/loss.h"

namespace nn {

// For logits z [N, K] and labels y [N]: L = mean over samples of −Σ_k q_k·log softmax(z)_k, where
// q = (1 − ε)·onehot(y) + ε/K (ε: label smoothing); ∂L/∂z = (softmax(z) − q) / N.
class CrossEntropyLoss : public Loss {
public:
    explicit CrossEntropyLoss(Settings settings);
    static const LossSpec &declaration();


    double forward(const Tensor &prediction, const Tensor &target) const override;
    void backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const override;

private:
    // Throws ShapeError for shapes that do not fit and Error for a label outside 0..K−1.
    void checkInputs(const Tensor &prediction, const Tensor &target) const;

    double smoothing_;
};

} // namespace nn
