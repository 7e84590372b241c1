// PositionalEncoding: adds each step's position to a sequence [N, T, D], so that attention, which
// sees a set, can tell the order: Vaswani et al.'s sines and cosines, or a learned vector per step.
#pragma once

#include "nn/layer.h"

namespace nn {

// out[n, t] = x[n, t] + P[t]: sinusoidal P[t, 2i] = sin(t / 10000^(2i/D)), P[t, 2i+1] = cos(…), fixed;
// or learned, P a (max_length, D) parameter starting at N(0, 0.02²).
class PositionalEncodingLayer : public Layer {
public:
    explicit PositionalEncodingLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;

    // Vaswani et al.'s table for `steps` × `dimension`, computed in double.
    static Tensor sinusoidTable(int64_t steps, int64_t dimension);

private:
    bool learned_;
    int64_t maxLength_;
    Tensor table_;      // (T, D) the sinusoids, for a sinusoidal layer
    Parameter weight_;  // (max_length, D) for a learned one
};

} // namespace nn
