// BatchNorm: per-channel statistics over the batch in fixed chunks of channels, each channel's sums
// taken by one thread in sample order, so any thread count gives the same bits; backward keeps
// only forward's mean and 1/std. [N, F] runs vectorised across features, images across a plane.
#include "batchnormlayer.h"

#include "nn/error.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registeredBatchNormLayer = registerLayer<BatchNormLayer>();

// Values per chunk of channels: fixed by the shape alone, and large enough to be worth a thread.
// One channel of a CNN batch (64 × 26 × 26 floats, 170 KB) stays in L2 through all its passes.
constexpr int64_t kChunkValues = int64_t{1} << 15;
constexpr double kForwardFlopsPerValue = 6.0;  // two sums, a square, a multiply-add
constexpr double kBackwardFlopsPerValue = 8.0;

// Values per sample and channel: 1 for [N, F], L for [N, C, L], H·W for [N, C, H, W].
int64_t planeSize(const Shape &shape)
{
    return featuresPerSample(shape) / shape[1];
}

// Channels per chunk for a batch of this shape.
int64_t channelGrain(const Shape &shape)
{
    return std::max<int64_t>(1, kChunkValues / std::max<int64_t>(1, shape[0] * planeSize(shape)));
}

// The `size` values of channel c in sample n of a (N, C, size) buffer.
ConstArrayMap plane(const Tensor &t, int64_t n, int64_t c, int64_t size)
{
    return {t.data() + (n * t.dim(1) + c) * size, size};
}

ArrayMap plane(Tensor &t, int64_t n, int64_t c, int64_t size)
{
    return {t.data() + (n * t.dim(1) + c) * size, size};
}

// Channels [begin, begin + count) of sample n of an [N, F] buffer: one value each, side by side.
ConstArrayMap features(const Tensor &t, int64_t n, int64_t begin, int64_t count)
{
    return {t.data() + n * t.dim(1) + begin, count};
}

ArrayMap features(Tensor &t, int64_t n, int64_t begin, int64_t count)
{
    return {t.data() + n * t.dim(1) + begin, count};
}

} // namespace

const LayerSpec &BatchNormLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "BatchNorm";
        s.category = "Normalization";
        s.summary = "BatchNorm: normalises each channel with the batch's mean and variance, keeping each layer's "
                    "inputs centred and scaled so deeper networks train faster; behaves differently in training "
                    "and evaluation.";
        s.settings = {
            SettingSpec::real("momentum", 0.1, 0.0, 1.0,
                              "How fast the running mean and variance used in evaluation follow the training "
                              "batches: running = (1 − momentum)·running + momentum·batch"),
            SettingSpec::real("eps", 1e-5, 1e-12, 1.0,
                              "Added to the variance before its square root, so a constant channel never divides "
                              "by zero"),
            SettingSpec::boolean("affine", true,
                                 "Learn a scale γ and a shift β per channel, applied after normalising"),
        };
        return s;
    }();
    return spec;
}

BatchNormLayer::BatchNormLayer(Settings settings)
    : Layer(std::move(settings)),
      momentum_(settings_.real("momentum")),
      eps_(settings_.real("eps")),
      affine_(settings_.flag("affine"))
{
}

Shape BatchNormLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    if (in.size() < 2)
        throw ShapeError("BatchNorm expects [N, F], [N, C, L] or [N, C, H, W] but got " + toString(in) +
                         "; give each sample at least one feature, for example with a Reshape to [1].");
    if (in.size() > 4)
        throw ShapeError("BatchNorm expects [N, F], [N, C, L] or [N, C, H, W] but got " + toString(in) +
                         "; Reshape it to [N, C, H, W] (channels second) first, or use LayerNorm.");
    return in;
}

std::vector<Shape> BatchNormLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    if (!affine_)
        return {};
    return {{inputs[0][1]}, {inputs[0][1]}};  // weight (C), bias (C)
}

void BatchNormLayer::build(const std::vector<Shape> &inputs, Rng &)
{
    inferShape(inputs);  // throws for a bad input shape
    channels_ = inputs[0][1];
    if (affine_) {
        weight_ = {"weight", Tensor({channels_}, 1.0f), Tensor({channels_}), false};
        bias_ = {"bias", Tensor({channels_}), Tensor({channels_}), false};
    }
    runningMean_ = {"running_mean", Tensor({channels_}), Tensor(), false};
    runningVar_ = {"running_var", Tensor({channels_}, 1.0f), Tensor(), false};
}

std::vector<Parameter *> BatchNormLayer::parameters()
{
    if (affine_)
        return {&weight_, &bias_};
    return {};
}

std::vector<Parameter *> BatchNormLayer::buffers()
{
    return {&runningMean_, &runningVar_};
}

void BatchNormLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx)
{
    const Tensor &x = *inputs[0];  // (N, C, …)
    assert(x.rank() >= 2 && x.rank() <= 4 && x.dim(1) == channels_);
    const int64_t perChannel = x.dim(0) * planeSize(x.shape());
    if (ctx.training && perChannel < 2)
        throw TrainingError((name().empty() ? "" : name() + ": ") +
                            "BatchNorm needs at least 2 values per channel while training but the batch has " +
                            std::to_string(perChannel) + " (a batch of shape " + toString(x.shape()) +
                            "); use a batch size of 2 or more, or LayerNorm, which normalises each sample alone.");
    out.resize(x.shape());  // (N, C, …)
    Tensor &mean = saved.slot(0), &rstd = saved.slot(1);  // (C), (C)
    mean.resize({channels_});
    rstd.resize({channels_});
    const double flops = kForwardFlopsPerValue * double(x.size());
    parallelChunks(channels_, channelGrain(x.shape()), flops, [&](int64_t begin, int64_t end) {
        if (ctx.training)
            batchStatistics(x, mean, rstd, begin, end);
        else
            runningStatistics(mean, rstd, begin, end);
        normalize(x, out, mean, rstd, begin, end);
    });
}

// Two passes (the mean, then the squares around it): accurate even when the mean is large next to
// the spread. Samples outer, so a chunk reads its channels in memory order; each channel's plane sums
// (float, vectorised) add up in double in sample order, whatever the thread count.
void BatchNormLayer::batchStatistics(const Tensor &x, Tensor &mean, Tensor &rstd, int64_t begin, int64_t end)
{
    const int64_t n = x.dim(0), size = planeSize(x.shape()), k = end - begin;
    Eigen::ArrayXd sums = Eigen::ArrayXd::Zero(k), squares = Eigen::ArrayXd::Zero(k);  // (k)
    for (int64_t i = 0; i < n; ++i) {
        if (size == 1)  // [N, F]: one value per channel, vectorised across the chunk's features
            sums += features(x, i, begin, k).cast<double>();
        else
            for (int64_t j = 0; j < k; ++j)
                sums[j] += double(plane(x, i, begin + j, size).sum());
    }
    const double count = double(n * size);
    const Eigen::ArrayXf chunkMean = (sums / count).cast<float>();  // (k)
    for (int64_t i = 0; i < n; ++i) {
        if (size == 1)
            squares += (features(x, i, begin, k) - chunkMean).square().cast<double>();
        else
            for (int64_t j = 0; j < k; ++j)
                squares[j] += double((plane(x, i, begin + j, size) - chunkMean[j]).square().sum());
    }
    for (int64_t j = 0; j < k; ++j) {
        const int64_t c = begin + j;
        mean[c] = chunkMean[j];
        rstd[c] = static_cast<float>(1.0 / std::sqrt(squares[j] / count + eps_));  // biased variance
        // PyTorch's rule: the running variance takes the unbiased estimate, Σ(x − mean)² / (count − 1).
        runningMean_.value[c] = static_cast<float>((1.0 - momentum_) * runningMean_.value[c] + momentum_ * chunkMean[j]);
        runningVar_.value[c] = static_cast<float>((1.0 - momentum_) * runningVar_.value[c] +
                                                  momentum_ * squares[j] / (count - 1.0));
    }
}

void BatchNormLayer::runningStatistics(Tensor &mean, Tensor &rstd, int64_t begin, int64_t end) const
{
    for (int64_t c = begin; c < end; ++c) {
        mean[c] = runningMean_.value[c];
        rstd[c] = static_cast<float>(1.0 / std::sqrt(double(runningVar_.value[c]) + eps_));
    }
}

// y = x·scale + shift with scale = γ·rstd and shift = β − mean·scale, one multiply-add per value.
void BatchNormLayer::normalize(const Tensor &x, Tensor &out, const Tensor &mean, const Tensor &rstd, int64_t begin,
                               int64_t end) const
{
    const int64_t n = x.dim(0), size = planeSize(x.shape()), k = end - begin;
    Eigen::ArrayXf scale = ConstArrayMap(rstd.data() + begin, k);  // (k)
    Eigen::ArrayXf shift = Eigen::ArrayXf::Zero(k);                   // (k)
    if (affine_) {
        scale *= ConstArrayMap(weight_.value.data() + begin, k);
        shift = ConstArrayMap(bias_.value.data() + begin, k);
    }
    shift -= ConstArrayMap(mean.data() + begin, k) * scale;
    for (int64_t i = 0; i < n; ++i) {
        if (size == 1)
            features(out, i, begin, k) = features(x, i, begin, k) * scale + shift;
        else
            for (int64_t j = 0; j < k; ++j)
                plane(out, i, begin + j, size) = plane(x, i, begin + j, size) * scale[j] + shift[j];
    }
}

void BatchNormLayer::backward(const std::vector<const Tensor *> &inputs, [[maybe_unused]] const Tensor &out,
                              const Tensor &dOut, Saved &saved, const std::vector<Tensor *> &dInputs,
                              const RunContext &ctx)
{
    const Tensor &x = *inputs[0];  // (N, C, …)
    Tensor *dx = dInputs[0];       // (N, C, …) or nullptr: the input needs no gradient
    assert(dOut.shape() == out.shape() && x.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    if (!dx && !learns())
        return;
    const Tensor &mean = saved.slot(0), &rstd = saved.slot(1);  // (C), (C) from this call's forward
    assert(mean.size() == channels_ && rstd.size() == channels_);
    const double flops = kBackwardFlopsPerValue * double(x.size());
    parallelChunks(channels_, channelGrain(x.shape()), flops, [&](int64_t begin, int64_t end) {
        backwardChannels(x, dOut, dx, mean, rstd, ctx.training, begin, end);
    });
}

// With x̂ = (x − mean)·rstd and y = γ·x̂ + β: dγ = Σ dy·x̂ and dβ = Σ dy. In evaluation mean and
// rstd are constants, so dx = γ·rstd·dy. In training they depend on every x of the channel, and
// over its M values dx = γ·rstd·(dy − Σdy/M − x̂·Σ(dy·x̂)/M), the same formula as llm.c's layernorm.
void BatchNormLayer::backwardChannels(const Tensor &x, const Tensor &dOut, Tensor *dx, const Tensor &callMean,
                                      const Tensor &callRstd, bool batch, int64_t begin, int64_t end)
{
    const int64_t n = x.dim(0), size = planeSize(x.shape()), k = end - begin;
    const ConstArrayMap mean(callMean.data() + begin, k), rstd(callRstd.data() + begin, k);  // (k)
    Eigen::ArrayXd sumDy = Eigen::ArrayXd::Zero(k);         // (k) Σ dy
    Eigen::ArrayXd sumDyCentred = Eigen::ArrayXd::Zero(k);  // (k) Σ dy·(x − mean)
    const bool needsSums = learns() || (batch && dx);
    for (int64_t i = 0; needsSums && i < n; ++i) {
        if (size == 1) {
            sumDy += features(dOut, i, begin, k).cast<double>();
            sumDyCentred += (features(dOut, i, begin, k) * (features(x, i, begin, k) - mean)).cast<double>();
        } else
            for (int64_t j = 0; j < k; ++j) {
                const ConstArrayMap dy = plane(dOut, i, begin + j, size);
                sumDy[j] += double(dy.sum());
                sumDyCentred[j] += double((dy * (plane(x, i, begin + j, size) - mean[j])).sum());
            }
    }
    if (affine_ && !weight_.frozen)
        ArrayMap(weight_.grad.data() + begin, k) += (sumDyCentred * rstd.cast<double>()).cast<float>();
    if (affine_ && !bias_.frozen)
        ArrayMap(bias_.grad.data() + begin, k) += sumDy.cast<float>();
    if (!dx)
        return;
    // dx = a·dy + b·(x − mean) + d per channel; b and d are the batch statistics' share of the gradient.
    const double count = double(n * size);
    Eigen::ArrayXf a = rstd;  // (k) γ·rstd
    if (affine_)
        a *= ConstArrayMap(weight_.value.data() + begin, k);
    Eigen::ArrayXf b = Eigen::ArrayXf::Zero(k), d = Eigen::ArrayXf::Zero(k);  // (k)
    if (batch) {
        b = (-a.cast<double>() * rstd.cast<double>().square() * sumDyCentred / count).cast<float>();
        d = (-a.cast<double>() * sumDy / count).cast<float>();
    }
    for (int64_t i = 0; i < n; ++i) {
        if (size == 1)
            features(*dx, i, begin, k) +=
                a * features(dOut, i, begin, k) + b * (features(x, i, begin, k) - mean) + d;
        else
            for (int64_t j = 0; j < k; ++j)
                plane(*dx, i, begin + j, size) +=
                    a[j] * plane(dOut, i, begin + j, size) + b[j] * (plane(x, i, begin + j, size) - mean[j]) + d[j];
    }
}

} // namespace nn
