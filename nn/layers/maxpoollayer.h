// MaxPool2D: the largest value of each window of each channel, PyTorch's nn.MaxPool2d.
#pragma once

#include "imagegeometry.h"

#include <cstdint>
#include <vector>

namespace nn {

// Square windows over [N, C, H, W]; padded positions never win (PyTorch pads with −inf) and of
// equal values the first in row-major window order wins. Backward routes dOut to the winners,
// which forward keeps in the call's saved indices.
class MaxPoolLayer : public Layer {
public:
    explicit MaxPoolLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    bool overwritesInputGradient() const override { return true; }

private:
    PoolWindow window_;
};

} // namespace nn
