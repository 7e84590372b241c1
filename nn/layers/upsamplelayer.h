// Upsample: nearest-neighbour enlargement of images, [N, C, H, W] → [N, C, H·s, W·s].
#pragma once

#include "imagegeometry.h"

namespace nn {

// Every pixel becomes an s×s block of copies, as nn.Upsample(scale_factor=s, mode="nearest");
// backward sums each block of dOut into its pixel.
class UpsampleLayer : public Layer {
public:
    explicit UpsampleLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    int64_t scale_;
};

} // namespace nn
