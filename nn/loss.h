// Loss: compares a batch of model outputs with targets; mean over the batch, as PyTorch's default.
#pragma once

#include "settings.h"
#include "tensor.h"

namespace nn {

// How a loss reads its targets.
enum class TargetKind {
    ClassIndex,  // target [N] holding class numbers 0..K-1 as floats; prediction [N, K] logits
    Binary,      // target like the prediction, 0 or 1; prediction holds logits
    Values,      // target like the prediction (regression)
};

// One loss function; its settings (delta of smooth L1, …) are declared like a layer's.
class Loss {
public:
    explicit Loss(Settings settings) : settings_(std::move(settings)) {}
    virtual ~Loss() = default;

    const ComponentSpec &spec() const { return settings_.spec(); }
    const Settings &settings() const { return settings_; }
    virtual TargetKind targetKind() const = 0;

    // Throws ShapeError when outputs of `prediction` shape cannot be compared with `target`
    // shape (batch dims may be kBatch), with a hint such as "end the network in Dense(3)".
    virtual void checkShapes(const Shape &prediction, const Shape &target) const;

    // Mean loss over the batch, accumulated in double.
    virtual double forward(const Tensor &prediction, const Tensor &target) const = 0;
    // Writes ∂(mean loss)/∂prediction into dPrediction, resized to prediction's shape.
    virtual void backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const = 0;

    // What a user reads from outputs: class probabilities (softmax or sigmoid of the logits)
    // for the cross-entropies, the outputs themselves for regression.
    virtual void probabilities(const Tensor &prediction, Tensor &result) const;

protected:
    Settings settings_;
};

} // namespace nn
