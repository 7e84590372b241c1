// Loss: compares a batch of model outputs with targets; mean over the batch, as PyTorch's default.
#pragma once

#include "settings.h"
#include "tensor.h"

#include <string>

namespace nn {

// How a loss reads its targets.
enum class TargetKind {
    ClassIndex,  // target [N] holding class numbers 0..K-1 as floats; prediction [N, K] logits
    Binary,      // target like the prediction, 0 or 1; prediction holds logits
    Values,      // target like the prediction (regression)
};

// What a loss declares once: its settings, how it reads targets, and what turns the network's raw
// outputs into what a user reads: "softmax" (class probabilities), "sigmoid" (per-output
// probabilities) or "none" (regression: the values themselves). Prediction, the views and the
// exports all take the output activation from here.
struct LossSpec : ComponentSpec {
    TargetKind targets = TargetKind::Values;
    std::string outputActivation = "none";
};

// The output activation `loss` declares; "none" for a loss that is not registered.
std::string outputActivationForLoss(const std::string &loss);

// One loss function; its settings (delta of smooth L1, …) are declared like a layer's.
class Loss {
public:
    explicit Loss(Settings settings) : settings_(std::move(settings)) {}
    virtual ~Loss() = default;

    const LossSpec &spec() const { return static_cast<const LossSpec &>(settings_.spec()); }
    const Settings &settings() const { return settings_; }
    TargetKind targetKind() const { return spec().targets; }

    // Throws ShapeError when outputs of `prediction` shape cannot be compared with `target`
    // shape (batch dims may be kBatch), with a hint such as "end the network in Dense(3)".
    virtual void checkShapes(const Shape &prediction, const Shape &target) const;

    // Mean loss over the batch, accumulated in double.
    virtual double forward(const Tensor &prediction, const Tensor &target) const = 0;
    // Writes ∂(mean loss)/∂prediction into dPrediction, resized to prediction's shape.
    virtual void backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const = 0;

    // What a user reads from outputs: the declared output activation applied to them (softmax or
    // sigmoid of the logits for the cross-entropies, the outputs themselves for regression).
    virtual void probabilities(const Tensor &prediction, Tensor &result) const;

protected:
    Settings settings_;
};

} // namespace nn
