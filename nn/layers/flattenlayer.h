// Flatten: [N, C, H, W] → [N, C·H·W], so that image features can feed a Dense layer.
#pragma once

#include "nn/layer.h"

namespace nn {

// Lays each sample's values out in one row, in row-major order (as torch.flatten(x, 1)).
class FlattenLayer : public Layer {
public:
    explicit FlattenLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
};

} // namespace nn
