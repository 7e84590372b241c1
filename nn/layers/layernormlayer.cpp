// LayerNorm: llm.c's layernorm_forward / layernorm_backward over whole samples, parallel over
// samples; dγ and dβ, which sum over the batch, are parallel over values instead, so each sum
// runs in sample order on any thread count.
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
        s.summary = "LayerNorm: normalises each sample over all its values, keeping each layer's inputs centred "
                    "and scaled so deeper networks train faster; works on any batch size, the same in training "
                    "and evaluation.";
        s.settings = {
            SettingSpec::real("eps", 1e-5, 1e-12, 1.0,
                              "Added to the variance before its square root, so a constant sample never divides "
                              "by zero"),
            SettingSpec::boolean("affine", true,
                                 "Learn a scale γ and a shift β for every value of a sample, applied after "
                                 "normalising"),
        };
        return s;
    }();
    return spec;
}

LayerNormLayer::LayerNormLayer(Settings settings)
    : Layer(std::move(settings)),
      eps_(settings_.real("eps")),
      affine_(settings_.flag("affine"))
{
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
    return in;
}

std::vector<Shape> LayerNormLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    if (!affine_)
        return {};
    const Shape sample(inputs[0].begin() + 1, inputs[0].end());
    return {sample, sample};  // weight and bias, one per value of a sample
}

void LayerNormLayer::build(const std::vector<Shape> &inputs, Rng &)
{
    inferShape(inputs);  // throws for a bad input shape
    const Shape sample(inputs[0].begin() + 1, inputs[0].end());
    features_ = elementCount(sample);
    if (affine_) {
        weight_ = {"weight", Tensor(sample, 1.0f), Tensor(sample), false};
        bias_ = {"bias", Tensor(sample), Tensor(sample), false};
    }
}

std::vector<Parameter *> LayerNormLayer::parameters()
{
    if (affine_)
        return {&weight_, &bias_};
    return {};
}

void LayerNormLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …)
    assert(x.rank() >= 2 && featuresPerSample(x.shape()) == features_);
    const int64_t n = x.dim(0);
    out.resize(x.shape());  // (N, …)
    mean_.resize({n});
    rstd_.resize({n});
    const double flops = kLayerNormForwardFlops * double(x.size());
    parallelChunks(n, grainFor(features_), flops,
                   [&](int64_t begin, int64_t end) { forwardSamples(x, out, begin, end); });
}

// Two passes per sample (the mean, then the squares around it), then y = x̂ ⊙ γ + β.
void LayerNormLayer::forwardSamples(const Tensor &x, Tensor &out, int64_t begin, int64_t end)
{
    const double count = double(features_);
    for (int64_t i = begin; i < end; ++i) {
        const ConstArrayMap xs = row(x, i, features_);
        const auto mean = static_cast<float>(double(xs.sum()) / count);
        const double variance = double((xs - mean).square().sum()) / count;  // biased, as PyTorch
        const auto rstd = static_cast<float>(1.0 / std::sqrt(variance + eps_));
        mean_[i] = mean;
        rstd_[i] = rstd;
        if (affine_)
            row(out, i, features_) = (xs - mean) * rstd * weight_.value.array() + bias_.value.array();
        else
            row(out, i, features_) = (xs - mean) * rstd;
    }
}

void LayerNormLayer::backward(const std::vector<const Tensor *> &inputs, [[maybe_unused]] const Tensor &out,
                              const Tensor &dOut, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, …)
    Tensor *dx = dInputs[0];       // (N, …) or nullptr: the input needs no gradient
    assert(dOut.shape() == out.shape() && x.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    assert(mean_.size() == x.dim(0) && "backward needs the statistics of the forward");
    const int64_t n = x.dim(0);
    const double flops = kLayerNormBackwardFlops * double(x.size());
    if (dx)
        parallelChunks(n, grainFor(features_), flops,
                       [&](int64_t begin, int64_t end) { inputGradient(x, dOut, *dx, begin, end); });
    if (affine_)
        parallelChunks(features_, grainFor(n), flops,
                       [&](int64_t begin, int64_t end) { parameterGradients(x, dOut, begin, end); });
}

// With g = dy ⊙ γ over a sample's D values: dx = rstd·(g − Σg/D − x̂·Σ(g·x̂)/D).
void LayerNormLayer::inputGradient(const Tensor &x, const Tensor &dOut, Tensor &dx, int64_t begin,
                                   int64_t end) const
{
    const double count = double(features_);
    for (int64_t i = begin; i < end; ++i) {
        const ConstArrayMap xs = row(x, i, features_), dy = row(dOut, i, features_);
        const float mean = mean_[i], rstd = rstd_[i];
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
void LayerNormLayer::parameterGradients(const Tensor &x, const Tensor &dOut, int64_t begin, int64_t end)
{
    const int64_t n = x.dim(0), width = end - begin;
    ArrayMap dWeight(weight_.grad.data() + begin, width), dBias(bias_.grad.data() + begin, width);
    for (int64_t i = 0; i < n; ++i) {
        const ConstArrayMap xs(x.data() + i * features_ + begin, width);
        const ConstArrayMap dy(dOut.data() + i * features_ + begin, width);
        dWeight += dy * (xs - mean_[i]) * rstd_[i];
        dBias += dy;
    }
}

} // namespace nn
