// BatchNorm: normalises each channel over the batch, PyTorch's nn.BatchNorm1d and nn.BatchNorm2d.
#pragma once

#include "nn/layer.h"

namespace nn {

// y = (x − mean) / √(var + eps) · γ + β per channel: over the batch for [N, F] (each feature is a
// channel), over batch and length for [N, C, L], over batch and plane for [N, C, H, W]. Training
// uses the batch's statistics and blends them into running ones; evaluation uses the running ones.
class BatchNormLayer : public Layer {
public:
    explicit BatchNormLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;
    std::vector<Parameter *> buffers() override;

private:
    // mean (C) and rstd (C), the statistics a call normalised with, are its saved slots 0 and 1.
    // Channels [begin, end) of a training batch: mean and rstd from the batch, running stats blended.
    void batchStatistics(const Tensor &x, Tensor &mean, Tensor &rstd, int64_t begin, int64_t end);
    // Channels [begin, end) in evaluation: mean and rstd from the running statistics.
    void runningStatistics(Tensor &mean, Tensor &rstd, int64_t begin, int64_t end) const;
    // out = (x − mean) · rstd · γ + β for channels [begin, end).
    void normalize(const Tensor &x, Tensor &out, const Tensor &mean, const Tensor &rstd, int64_t begin,
                   int64_t end) const;
    // Channels [begin, end) of backward; `batch`: mean and rstd came from the batch itself.
    void backwardChannels(const Tensor &x, const Tensor &dOut, Tensor *dx, const Tensor &mean, const Tensor &rstd,
                          bool batch, int64_t begin, int64_t end);

    double momentum_;  // PyTorch keeps both as doubles too
    double eps_;
    bool affine_;
    int64_t channels_ = 0;
    Parameter weight_;       // (C) γ, ones
    Parameter bias_;         // (C) β, zeros
    Parameter runningMean_;  // (C) zeros, empty grad
    Parameter runningVar_;   // (C) ones, empty grad
};

} // namespace nn
