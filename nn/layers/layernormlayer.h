// LayerNorm: normalises over the last axes, PyTorch's nn.LayerNorm(x.shape[-d:]); by default over
// the whole sample, nn.LayerNorm(x.shape[1:]).
#pragma once

#include "nn/layer.h"

namespace nn {

// y = (x − mean) / √(var + eps) ⊙ γ + β with one mean and variance per row: a sample, or with
// normalized_dims d each block of the last d axes (each position of a sequence for d = 1); γ and β
// have that block's shape. Training and evaluation behave the same.
class LayerNormLayer : public Layer {
public:
    explicit LayerNormLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;

private:
    // The last axes of `input` that one mean and variance cover.
    Shape normalizedShape(const Shape &input) const;
    // mean (rows) and rstd (rows), each row's statistics, are a call's saved slots 0 and 1.
    // Samples [begin, end): mean, rstd and out.
    void forwardSamples(const Tensor &x, Tensor &out, Tensor &mean, Tensor &rstd, int64_t begin, int64_t end) const;
    // Samples [begin, end) of dx, given the upstream gradient dOut.
    void inputGradient(const Tensor &x, const Tensor &dOut, const Tensor &mean, const Tensor &rstd, Tensor &dx,
                       int64_t begin, int64_t end) const;
    // Values [begin, end) of each sample: dγ and dβ summed over the batch in sample order.
    void parameterGradients(const Tensor &x, const Tensor &dOut, const Tensor &mean, const Tensor &rstd,
                            int64_t begin, int64_t end);

    double eps_;
    bool affine_;
    int64_t normalizedDims_;  // 0: all but the batch axis
    int64_t features_ = 0;  // D: values per row
    Parameter weight_;      // (…) γ, ones, the sample's shape
    Parameter bias_;        // (…) β, zeros
};

} // namespace nn
