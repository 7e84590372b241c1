// MultiHeadAttention: self-attention softmax(QKᵀ/√d)·V over a sequence [N, T, E] in several heads,
// with PyTorch nn.MultiheadAttention's parameters (in_proj_weight, in_proj_bias, out_proj.weight,
// out_proj.bias) and batch_first layout.
#pragma once

#include "nn/layer.h"

namespace nn {

// [Q K V] = x·W_inᵀ + b_in, each cut into `heads` heads of d = E/heads; per head the weights
// P = softmax(Q Kᵀ/√d) over the keys a query may see (not later steps when causal, not padding when
// the ids come in as a second input), dropout on P while training, then P·V; the heads side by side
// go through out_proj. Output [N, T, E].
class MultiHeadAttentionLayer : public Layer {
public:
    explicit MultiHeadAttentionLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;
    // "attention": the sample's weights P [heads, T, T] (query rows, key columns), before dropout.
    std::vector<LayerInternal> internals(const Saved &saved, int64_t sample) const override;

private:
    // Sample n, head h: P (and its dropout mask while training) into the saved record, P·V into attn.
    void attendForward(int64_t n, int64_t h, int64_t steps, int64_t length, Saved &saved, const RunContext &ctx) const;
    // The same backwards: dQ, dK, dV of sample n, head h into dQkv from dAttn.
    void attendBackward(int64_t n, int64_t h, int64_t steps, int64_t length, Saved &saved, const RunContext &ctx) const;

    int64_t heads_;
    bool causal_;
    float dropout_;
    int64_t embed_ = 0;
    Parameter inWeight_;   // (3E, E) in_proj_weight: the rows of W_q, W_k, W_v
    Parameter inBias_;     // (3E) in_proj_bias
    Parameter outWeight_;  // (E, E) out_proj.weight
    Parameter outBias_;    // (E) out_proj.bias
};

} // namespace nn
