// SequencePooling: one vector per sample from a sequence [N, T, F] → [N, F], the mean over its real
// steps or its last real step, so a classifier can follow an attention block or a recurrent layer.
#pragma once

#include "nn/layer.h"

namespace nn {

// out[n] = Σ_t w[n, t] · x[n, t] with w = 1/L over the first L steps (mean) or 1 at step L − 1 (last),
// L the sample's length from the optional ids input (sequenceLengths), or T without one.
class SequencePoolingLayer : public Layer {
public:
    explicit SequencePoolingLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // w (N, T) for these inputs.
    RowMatrix stepWeights(const std::vector<const Tensor *> &inputs) const;

    bool last_;
};

} // namespace nn
