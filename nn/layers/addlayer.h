// Add: the element-wise sum of its inputs, for residual (skip) connections.
#pragma once

#include "nn/layer.h"

namespace nn {

// Sums two or more inputs of identical shape; each input receives the whole output gradient.
class AddLayer : public Layer {
public:
    explicit AddLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
};

} // namespace nn
