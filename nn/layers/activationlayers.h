// Activation layers: ReLU, LeakyReLU, ELU, GELU, Sigmoid, Tanh, Softmax and Linear as nodes of their own.
#pragma once

#include "nn/activation.h"
#include "nn/layer.h"

namespace nn {

// Applies one activation to every value (Softmax: to each slice along the last dim); any shape.
class ActivationLayer : public Layer {
public:
    explicit ActivationLayer(Settings settings);
    // One declaration per activation, each registered as its own layer kind.
    static const std::vector<LayerSpec> &declarations();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // Softmax normalises over the last dim; the others do not care how values are grouped.
    int64_t columns(const Shape &shape) const;

    Activation activation_;
    float alpha_;  // LeakyReLU's negative_slope, ELU's alpha
};

} // namespace nn
