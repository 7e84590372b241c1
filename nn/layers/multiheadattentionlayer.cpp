// MultiHeadAttention: the projections as GEMMs over all positions at once; the attention itself per
// (sample, head) pair, each pair writing only its own blocks, in fixed chunks, so the result does not
// depend on the thread count.
#include "nn/gemmwarnings.h"

#include "multiheadattentionlayer.h"

#include "sequencelengths.h"

#include "nn/error.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace nn {

namespace {

const bool registeredMultiHeadAttentionLayer = registerLayer<MultiHeadAttentionLayer>();

// The saved record's slots.
enum AttentionSlot : size_t { kQkv, kWeights, kDropMask, kAttended, kGradAttended, kGradQkv };

// One (T, d) block of a head inside a [N, T, cols] buffer: rows of sample n, columns from `column`.
using HeadMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
HeadMap headBlock(Tensor &buffer, int64_t n, int64_t steps, int64_t cols, int64_t column, int64_t width)
{
    return {buffer.data() + n * steps * cols + column, steps, width, Eigen::OuterStride<>(cols)};
}

// Pairs per chunk of the per-head loops: fixed, so the split never depends on the thread count.
constexpr int64_t kPairsPerChunk = 4;

} // namespace

const LayerSpec &MultiHeadAttentionLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "MultiHeadAttention";
        s.category = "Sequence";
        s.summary = "MultiHeadAttention: each step looks at every step it may see, softmax(QKᵀ/√d)·V, in several "
                    "heads.";
        s.settings = {
            SettingSpec::integer("heads", 2, 1, 1024, "Attention heads; the model dimension must divide by it"),
            SettingSpec::boolean("causal", false, "A step sees only itself and earlier steps (for predicting the next)"),
            SettingSpec::real("dropout", 0.0, 0.0, 0.9, "Drops this share of the attention weights while training"),
        };
        s.maxInputs = 2;
        return s;
    }();
    return spec;
}

MultiHeadAttentionLayer::MultiHeadAttentionLayer(Settings settings)
    : Layer(std::move(settings)),
      heads_(settings_.integer("heads")),
      causal_(settings_.flag("causal")),
      dropout_(float(settings_.real("dropout")))
{
}

Shape MultiHeadAttentionLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(!inputs.empty() && inputs.size() <= 2);
    const Shape &in = inputs[0];
    if (in.size() != 3)
        throw ShapeError("MultiHeadAttention expects [N, T, E] but got " + toString(in) +
                         "; add an Embedding or a Reshape before it.");
    if (in[2] % heads_ != 0)
        throw ShapeError("MultiHeadAttention's model dimension " + std::to_string(in[2]) + " does not divide into " +
                         std::to_string(heads_) + " heads; pick a number of heads that divides it, or change the "
                         "Embedding's dimension.");
    checkIdsInput("MultiHeadAttention", inputs);
    return in;
}

std::vector<Shape> MultiHeadAttentionLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);
    const int64_t e = inputs[0][2];
    return {{3 * e, e}, {3 * e}, {e, e}, {e}};
}

// PyTorch's start: xavier_uniform in_proj_weight, out_proj.weight U(±1/√E) (nn.Linear's), zero biases.
void MultiHeadAttentionLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const std::vector<Shape> shapes = parameterShapes(inputs);
    embed_ = inputs[0][2];
    inWeight_ = {"in_proj_weight", Tensor(shapes[0]), Tensor(shapes[0]), true};
    inBias_ = {"in_proj_bias", Tensor(shapes[1]), Tensor(shapes[1]), false};
    outWeight_ = {"out_proj.weight", Tensor(shapes[2]), Tensor(shapes[2]), true};
    outBias_ = {"out_proj.bias", Tensor(shapes[3]), Tensor(shapes[3]), false};
    const float inBound = std::sqrt(6.0f / float(4 * embed_)), outBound = 1.0f / std::sqrt(float(embed_));
    for (int64_t i = 0; i < inWeight_.value.size(); ++i)
        inWeight_.value[i] = rng.uniform(-inBound, inBound);
    for (int64_t i = 0; i < outWeight_.value.size(); ++i)
        outWeight_.value[i] = rng.uniform(-outBound, outBound);
}

std::vector<Parameter *> MultiHeadAttentionLayer::parameters()
{
    return {&inWeight_, &inBias_, &outWeight_, &outBias_};
}

std::vector<LayerInternal> MultiHeadAttentionLayer::internals(const Saved &saved, int64_t sample) const
{
    Tensor weights = itemOf(saved.slot(kWeights), sample);  // [heads, T, T]
    if (weights.empty())
        return {};
    return {{"attention", std::move(weights)}};
}

void MultiHeadAttentionLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved,
                                      const RunContext &ctx)
{
    const Tensor &x = *inputs[0];  // (N, T, E)
    const int64_t batch = x.dim(0), steps = x.dim(1), rows = batch * steps;
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps);
    Tensor &qkv = saved.slot(kQkv), &weights = saved.slot(kWeights), &attended = saved.slot(kAttended);
    qkv.resize({batch, steps, 3 * embed_});
    MatrixMap(qkv.data(), rows, 3 * embed_).noalias() =
        ConstMatrixMap(x.data(), rows, embed_) * inWeight_.value.matrix().transpose();
    MatrixMap(qkv.data(), rows, 3 * embed_).rowwise() += inBias_.value.vector().transpose();
    weights.resize({batch, heads_, steps, steps});
    if (ctx.training && dropout_ > 0.0f)
        saved.slot(kDropMask).resize(weights.shape());
    attended.resize({batch, steps, embed_});
    const double flops = 4.0 * double(batch * steps * steps * embed_);
    parallelChunks(batch * heads_, kPairsPerChunk, flops, [&](int64_t begin, int64_t end) {
        for (int64_t pair = begin; pair < end; ++pair)
            attendForward(pair / heads_, pair % heads_, steps, lengths[size_t(pair / heads_)], saved, ctx);
    });
    out.resize(x.shape());
    MatrixMap y(out.data(), rows, embed_);
    y.noalias() = ConstMatrixMap(attended.data(), rows, embed_) * outWeight_.value.matrix().transpose();
    y.rowwise() += outBias_.value.vector().transpose();
}

void MultiHeadAttentionLayer::attendForward(int64_t n, int64_t h, int64_t steps, int64_t length, Saved &saved,
                                            const RunContext &ctx) const
{
    const int64_t d = embed_ / heads_;
    Tensor &qkv = saved.slot(kQkv);
    const float scale = 1.0f / std::sqrt(float(d));
    const RowMatrix q = headBlock(qkv, n, steps, 3 * embed_, h * d, d) * scale;  // PyTorch scales q first
    const RowMatrix scores = q * headBlock(qkv, n, steps, 3 * embed_, embed_ + h * d, d).transpose();  // (T, T)
    MatrixMap p(saved.slot(kWeights).data() + (n * heads_ + h) * steps * steps, steps, steps);
    p.setZero();
    for (int64_t i = 0; i < steps; ++i) {  // a softmax over the keys query i may see
        const int64_t visible = std::min(length, causal_ ? i + 1 : steps);
        auto row = p.row(i).head(visible);
        row = scores.row(i).head(visible);
        row = (row.array() - row.maxCoeff()).exp().matrix();
        row /= row.sum();
    }
    RowMatrix dropped = p;
    if (ctx.training && dropout_ > 0.0f) {
        MatrixMap mask(saved.slot(kDropMask).data() + (n * heads_ + h) * steps * steps, steps, steps);
        Rng rng = Rng::keyed(ctx.seed, "attention/" + randomKey() + "/" + std::to_string(ctx.pass), ctx.step,
                             uint64_t(n * heads_ + h));
        for (int64_t i = 0; i < mask.size(); ++i)
            mask.data()[i] = rng.uniform() < dropout_ ? 0.0f : 1.0f / (1.0f - dropout_);
        dropped.array() *= mask.array();
    }
    headBlock(saved.slot(kAttended), n, steps, embed_, h * d, d).noalias() =
        dropped * headBlock(qkv, n, steps, 3 * embed_, 2 * embed_ + h * d, d);
}

void MultiHeadAttentionLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &, const Tensor &dOut,
                                       Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &ctx)
{
    const Tensor &x = *inputs[0];
    const int64_t batch = x.dim(0), steps = x.dim(1), rows = batch * steps;
    const std::vector<int64_t> lengths = sequenceLengths(inputs.size() > 1 ? inputs[1] : nullptr, batch, steps);
    const ConstMatrixMap dy(dOut.data(), rows, embed_);
    if (!outWeight_.frozen)
        outWeight_.grad.matrix().noalias() += dy.transpose() * ConstMatrixMap(saved.slot(kAttended).data(), rows, embed_);
    if (!outBias_.frozen)
        outBias_.grad.vector() += dy.colwise().sum().transpose();
    Tensor &dAttended = saved.slot(kGradAttended), &dQkv = saved.slot(kGradQkv);
    dAttended.resize({batch, steps, embed_});
    dAttended.matrix(rows, embed_).noalias() = dy * outWeight_.value.matrix();
    dQkv.resize({batch, steps, 3 * embed_});
    const double flops = 8.0 * double(batch * steps * steps * embed_);
    parallelChunks(batch * heads_, kPairsPerChunk, flops, [&](int64_t begin, int64_t end) {
        for (int64_t pair = begin; pair < end; ++pair)
            attendBackward(pair / heads_, pair % heads_, steps, lengths[size_t(pair / heads_)], saved, ctx);
    });
    const ConstMatrixMap dQkvRows(dQkv.data(), rows, 3 * embed_);
    if (!inWeight_.frozen)
        inWeight_.grad.matrix().noalias() += dQkvRows.transpose() * ConstMatrixMap(x.data(), rows, embed_);
    if (!inBias_.frozen)
        inBias_.grad.vector() += dQkvRows.colwise().sum().transpose();
    if (dInputs[0])
        dInputs[0]->matrix(rows, embed_).noalias() += dQkvRows * inWeight_.value.matrix();
}

// With P' = P ⊙ mask and O = P'·V: dV = P'ᵀ·dO, dP = (dO·Vᵀ) ⊙ mask, dS = P ⊙ (dP − rowsum(dP ⊙ P)),
// dQ = dS·K/√d, dK = dSᵀ·Q/√d.
void MultiHeadAttentionLayer::attendBackward(int64_t n, int64_t h, int64_t steps, int64_t, Saved &saved,
                                             const RunContext &ctx) const
{
    const int64_t d = embed_ / heads_;
    Tensor &qkv = saved.slot(kQkv), &dQkv = saved.slot(kGradQkv);
    const float scale = 1.0f / std::sqrt(float(d));
    const ConstMatrixMap p(saved.slot(kWeights).data() + (n * heads_ + h) * steps * steps, steps, steps);
    const bool dropping = ctx.training && dropout_ > 0.0f;
    const ConstMatrixMap mask(dropping ? saved.slot(kDropMask).data() + (n * heads_ + h) * steps * steps : p.data(),
                              steps, steps);
    const RowMatrix dropped = dropping ? RowMatrix(p.array() * mask.array()) : RowMatrix(p);
    const auto dO = headBlock(saved.slot(kGradAttended), n, steps, embed_, h * d, d);
    const auto v = headBlock(qkv, n, steps, 3 * embed_, 2 * embed_ + h * d, d);
    headBlock(dQkv, n, steps, 3 * embed_, 2 * embed_ + h * d, d).noalias() = dropped.transpose() * dO;
    RowMatrix dP = dO * v.transpose();
    if (dropping)
        dP.array() *= mask.array();
    const Eigen::VectorXf rowDot = (dP.array() * p.array()).rowwise().sum();
    const RowMatrix dS = (p.array() * (dP.array().colwise() - rowDot.array())).matrix() * scale;
    headBlock(dQkv, n, steps, 3 * embed_, h * d, d).noalias() =
        dS * headBlock(qkv, n, steps, 3 * embed_, embed_ + h * d, d);
    headBlock(dQkv, n, steps, 3 * embed_, embed_ + h * d, d).noalias() =
        dS.transpose() * headBlock(qkv, n, steps, 3 * embed_, h * d, d);
}

} // namespace nn
