// Dropout: while training, zeroes each value with probability `rate`, a cure for overfitting.
#pragma once

#include "nn/layer.h"

namespace nn {

// Inverted dropout (as torch.nn.Dropout): kept values are scaled by 1/(1 − rate) in training, so
// evaluation is the identity. Masks are keyed by seed, step, node name and sample, never by thread.
class DropoutLayer : public Layer {
public:
    explicit DropoutLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // Fills rows [begin, end) of mask with 0 or 1/(1 − rate), one keyed stream per sample.
    void drawMask(Tensor &mask, int64_t begin, int64_t end, const RunContext &ctx) const;

    float rate_;
};

} // namespace nn
