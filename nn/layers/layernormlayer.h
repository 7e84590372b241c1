// LayerNorm: normalises each sample over all its values, PyTorch's nn.LayerNorm(x.shape[1:]).
#pragma once

#include "nn/layer.h"

namespace nn {

// y = (x − mean) / √(var + eps) ⊙ γ + β with one mean and variance per sample, taken over all of
// its values; γ and β have the sample's shape. Training and evaluation behave the same.
class LayerNormLayer : public Layer {
public:
    explicit LayerNormLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;

private:
    // Samples [begin, end): mean_, rstd_ and out.
    void forwardSamples(const Tensor &x, Tensor &out, int64_t begin, int64_t end);
    // Samples [begin, end) of dx, given the upstream gradient dOut.
    void inputGradient(const Tensor &x, const Tensor &dOut, Tensor &dx, int64_t begin, int64_t end) const;
    // Values [begin, end) of each sample: dγ and dβ summed over the batch in sample order.
    void parameterGradients(const Tensor &x, const Tensor &dOut, int64_t begin, int64_t end);

    double eps_;
    bool affine_;
    int64_t features_ = 0;  // D: values per sample
    Parameter weight_;      // (…) γ, ones, the sample's shape
    Parameter bias_;        // (…) β, zeros
    Tensor mean_;           // (N) each sample's mean in the last forward
    Tensor rstd_;           // (N) each sample's 1/√(var + eps)
};

} // namespace nn
