// MaxPool2D: the largest value of each window of each channel, PyTorch's nn.MaxPool2d.
#pragma once

#include "imagegeometry.h"

#include <cstdint>
#include <vector>

namespace nn {

// Square windows over [N, C, H, W]; padded positions never win (PyTorch pads with −inf) and of
// equal values the first in row-major window order wins. Backward routes dOut to the winners.
class MaxPoolLayer : public Layer {
public:
    explicit MaxPoolLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    PoolWindow window_;
    std::vector<int32_t> argmax_;  // (N, C, Ho, Wo) index h·W + w of each output's winner in its plane
};

} // namespace nn
