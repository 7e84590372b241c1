// AvgPool2D: the mean of each window of each channel, PyTorch's nn.AvgPool2d.
#pragma once

#include "imagegeometry.h"

namespace nn {

// Square windows over [N, C, H, W]. Padded zeros count in the divisor when count_include_pad is
// on (PyTorch's default), else only the image's own values do. Backward spreads dOut evenly.
class AvgPoolLayer : public Layer {
public:
    explicit AvgPoolLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    PoolWindow window_;
    bool countIncludePad_;
};

} // namespace nn
