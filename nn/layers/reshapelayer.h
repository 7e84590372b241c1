// Reshape: gives each sample a new shape with the same number of values, e.g. [784] → [1, 28, 28].
#pragma once

#include "nn/layer.h"

namespace nn {

// Reinterprets each sample's values in row-major order (as torch.reshape); one dim may be -1.
class ReshapeLayer : public Layer {
public:
    explicit ReshapeLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
};

} // namespace nn
