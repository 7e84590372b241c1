// LayerNorm: llm.c's layernorm_forward / layernorm_backward over rows (whole samples, or each
// position of a sequence), parallel over rows; dγ and dβ, which sum over the rows, are parallel over
// values instead, so each sum runs in row order on any thread count.
#include "layernormlayer.h"

#include "nn/error.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registeredLayerNormLayer = registerLayer<LayerNormLayer>();

// Values per chunk: fixed by the shape alone, and large enough to be worth a thread.
constexpr int64_t kLayerNormChunkValues = int64_t{1} << 15;
constexpr double kLayerNormForwardFlops = 6.0;
constexpr double kLayerNormBackwardFlops = 10.0;

int64_t grainFor(int64_t valuesPerItem)
{
    return std::max<int64_t>(1, kLayerNormChunkValues / std::max<int64_t>(1, valuesPerItem));
}

ConstArrayMap row(const Tensor &t, int64_t n, int64_t size)
{
    return {t.data() + n * size, size};
}

ArrayMap row(Tensor &t, int64_t n, int64_t size)
{
    return {t.data() + n * size, size};
}

} // namespace

const LayerSpec &LayerNormLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "LayerNorm";
        s.category = "Normalization";
        s.summary = "LayerNorm: normalises each sample (or each position of a sequence) over its values, keeping "
                    "each layer's inputs centred and scaled so deeper networks train faster; works on any batch "
                    "size, the same in training and evaluation.";
        s.settings = {
            SettingSpec::real("eps", 1e-5, 1e-12, 1.0,
                              "Added to the variance before its square root, so a constant sample never divides "
                              "by zero"),
            SettingSpec::boolean("affine", true,
                                 "Learn a scale γ and a shift β for every value of a sample, applied after "
                                 "normalising"),
            SettingSpec::integer("normalized_dims", 0, 0, 8,
                                 "How many of the last axes share one mean and variance: 0 for the whole sample, "
                                 "1 for each position of a sequence [N, T, F] (a Transformer's LayerNorm); "
                                 "PyTorch's normalized_shape is then the input's last that many sizes"),
        };
        return s;
    }();
    return spec;
}

LayerNormLayer::LayerNormLayer(Settings settings)
    : Layer(std::move(settings)),
      eps_(settings_.real("eps")),
      affine_(settings_.flag("affine")),
      normalizedDims_(settings_.integer("normalized_dims"))
{
}

Shape LayerNormLayer::normalizedShape(const Shape &input) const
{
    const auto dims = normalizedDims_ == 0 ? int64_t(input.size()) - 1 : normalizedDims_;
    return Shape(input.end() - dims, input.end());
}

Shape LayerNormLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    if (in.size() < 2)
        throw ShapeError("LayerNorm normalises each sample over its values, so it expects [N, F], [N, T, F] or "
                         "[N, C, H, W] but got " + toString(in) +
                         "; a sample of one number has nothing to normalise over, so put LayerNorm after a layer "
                         "with several outputs.");
    if (normalizedDims_ > int64_t(in.size()) - 1)
        throw ShapeError("LayerNorm normalises over the last " + std::to_string(normalizedDims_) + " axes but got " +
                         toString(in) + ", which has " + std::to_string(in.size() - 1) +
                         " after the batch; lower normalized_dims.");
    return in;
}

std::vector<Shape> LayerNormLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    if (!affine_)
        return {};
    const Shape normalized = normalizedShape(inputs[0]);
    return {normalized, normalized};  // weight and bias, one per value of a normalised row
}

void LayerNormLayer::build(const std::vector<Shape> &inputs, Rng &)
{
    inferShape(inputs);  // throws for a bad input shape
    const Shape normalized = normalizedShape(inputs[0]);
    features_ = elementCount(normalized);
    if (affine_) {
        weight_ = {"weight", Tensor(normalized, 1.0f), Tensor(normalized), false};
        bias_ = {"bias", Tensor(normalized), Tensor(normalized), false};
    }
}

std::vector<Parameter *> LayerNormLayer::parameters()
{
    if (affine_)
        return {&weight_, &bias_};
    return {};
}

void LayerNormLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …, D…): rows of features_ values
    assert(x.rank() >= 2 && x.size() % std::max<int64_t>(features_, 1) == 0);
    const int64_t n = x.size() / features_;  // rows: samples, or a sequence's positions
    out.resize(x.shape());  // (N, …)
    Tensor &mean = saved.slot(0), &rstd = saved.slot(1);  // (rows), (rows)
    mean.resize({n});
    rstd.resize({n});
    const double flops = kLayerNormForwardFlops * double(x.size());
    parallelChunks(n, grainFor(features_), flops,
                   [&](int64_t begin, int64_t end) { forwardSamples(x, out, mean, rstd, begin, end); });
}

// Two passes per sample (the mean, then the squares around it), then y = x̂ ⊙ γ + β.
void LayerNormLayer::forwardSamples(const Tensor &x, Tensor &out, Tensor &means, Tensor &rstds, int64_t begin,
                                    int64_t end) const
{
    const double count = double(features_);
    for (int64_t i = begin; i < end; ++i) {
        const ConstArrayMap xs = row(x, i, features_);
        const auto mean = static_cast<float>(double(xs.sum()) / count);
        const double variance = double((xs - mean).square().sum()) / count;  // biased, as PyTorch
        const auto rstd = static_cast<float>(1.0 / std::sqrt(variance + eps_));
        means[i] = mean;
        rstds[i] = rstd;
        if (affine_)
            row(out, i, features_) = (xs - mean) * rstd * weight_.value.array() + bias_.value.array();
        else
            row(out, i, features_) = (xs - mean) * rstd;
    }
}

void LayerNormLayer::backward(const std::vector<const Tensor *> &inputs, [[maybe_unused]] const Tensor &out,
                              const Tensor &dOut, Saved &saved, const std::vector<Tensor *> &dInputs,
                              const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …)
    Tensor *dx = dInputs[0];       // (N, …) or nullptr: the input needs no gradient
    assert(dOut.shape() == out.shape() && x.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    const Tensor &mean = saved.slot(0), &rstd = saved.slot(1);  // (rows), (rows) from this call's forward
    const int64_t n = x.size() / features_;
    assert(mean.size() == n && "backward needs the statistics of the forward");
    const double flops = kLayerNormBackwardFlops * double(x.size());
    if (dx)
        parallelChunks(n, grainFor(features_), flops,
                       [&](int64_t begin, int64_t end) { inputGradient(x, dOut, mean, rstd, *dx, begin, end); });
    if (learns())
        parallelChunks(features_, grainFor(n), flops,
                       [&](int64_t begin, int64_t end) { parameterGradients(x, dOut, mean, rstd, begin, end); });
}

// With g = dy ⊙ γ over a sample's D values: dx = rstd·(g − Σg/D − x̂·Σ(g·x̂)/D).
void LayerNormLayer::inputGradient(const Tensor &x, const Tensor &dOut, const Tensor &means, const Tensor &rstds,
                                   Tensor &dx, int64_t begin, int64_t end) const
{
    const double count = double(features_);
    for (int64_t i = begin; i < end; ++i) {
        const ConstArrayMap xs = row(x, i, features_), dy = row(dOut, i, features_);
        const float mean = means[i], rstd = rstds[i];
        const auto normalized = (xs - mean) * rstd;  // x̂, an expression, never stored
        if (affine_) {
            const auto g = dy * weight_.value.array();
            const auto meanG = static_cast<float>(double(g.sum()) / count);
            const auto meanGX = static_cast<float>(double((g * normalized).sum()) / count);
            row(dx, i, features_) += rstd * (g - meanG - normalized * meanGX);
        } else {
            const auto meanG = static_cast<float>(double(dy.sum()) / count);
            const auto meanGX = static_cast<float>(double((dy * normalized).sum()) / count);
            row(dx, i, features_) += rstd * (dy - meanG - normalized * meanGX);
        }
    }
}

// dγ += Σₙ dy ⊙ x̂ and dβ += Σₙ dy for the values [begin, end) of a sample.
void LayerNormLayer::parameterGradients(const Tensor &x, const Tensor &dOut, const Tensor &mean, const Tensor &rstd,
                                        int64_t begin, int64_t end)
{
    const int64_t n = x.size() / features_, width = end - begin;
    ArrayMap dWeight(weight_.grad.data() + begin, width), dBias(bias_.grad.data() + begin, width);
    for (int64_t i = 0; i < n; ++i) {
        const ConstArrayMap xs(x.data() + i * features_ + begin, width);
        const ConstArrayMap dy(dOut.data() + i * features_ + begin, width);
        if (!weight_.frozen)
            dWeight += dy * (xs - mean[i]) * rstd[i];
        if (!bias_.frozen)
            dBias += dy;
    }
}

} // namespace nn
