// The shared half of the convolution kinds: settings, parameters, the fused bias and activation,
// and the sample chunks whose weight-gradient partials are summed in a fixed order.
#include "convolutionlayer.h"

#include "nn/error.h"
#include "nn/init.h"
#include "nn/parallel.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

// A chunk of about this much work makes one product wide enough to run near the GEMM ceiling (the
// samples of a chunk share it) and pays for waking a thread; chunks are whole samples.
constexpr double kConvolutionChunkFlops = 3.2e7;
// A batch is cut into at least this many chunks (when it has the samples), so that every thread
// of a small machine gets a share.
constexpr int64_t kMinChunks = 8;
// Cost of the bias and activation per value, for the small-work threshold.
constexpr double kFlopsPerValue = 20.0;

// The activations a convolution can fuse: all but Softmax, which normalises rows and has no
// meaning over an image's last axis.
std::vector<std::string> convolutionActivations()
{
    std::vector<std::string> names = activationNames();
    std::erase(names, activationName(Activation::Softmax));
    return names;
}

} // namespace

int64_t ConvolutionLayer::samplesPerChunk(int64_t batch, double flopsPerSample)
{
    const auto wanted = static_cast<int64_t>(std::ceil(kConvolutionChunkFlops / std::max(flopsPerSample, 1.0)));
    const int64_t most = std::max<int64_t>(1, batch / kMinChunks);
    // A power of two, so that a batch of 64 or 256 splits into equal chunks.
    return int64_t(std::bit_floor(uint64_t(std::clamp<int64_t>(wanted, 1, most))));
}

ConvolutionLayer::ConvolutionLayer(Settings settings)
    : Layer(std::move(settings)),
      filters_(settings_.integer("filters")),
      kernel_(settings_.integer("kernel_size")),
      stride_(settings_.integer("stride")),
      dilation_(settings_.integer("dilation")),
      groups_(settings_.integer("groups")),
      useBias_(settings_.flag("use_bias")),
      activation_(activationFromName(settings_.choice("activation"))),
      alpha_(defaultActivationAlpha(activation_))
{
}

std::vector<SettingSpec> ConvolutionLayer::declareSettings(int64_t defaultKernel, std::vector<SettingSpec> geometry)
{
    std::vector<SettingSpec> settings{
        SettingSpec::integer("filters", 16, 1, 65536, "Number of output channels: one learned filter each"),
        SettingSpec::integer("kernel_size", defaultKernel, 1, 64, "Side of the square window each filter looks through"),
    };
    settings.insert(settings.end(), geometry.begin(), geometry.end());
    settings.insert(settings.end(), {
        SettingSpec::integer("dilation", 1, 1, 64, "Spacing between the kernel's taps; 2 sees a wider area with "
                                                   "the same weights"),
        SettingSpec::integer("groups", 1, 1, 65536,
                             "Split channels into this many independent groups; equal to the channels "
                             "makes a depthwise convolution"),
        SettingSpec::boolean("use_bias", true, "Add a learnable bias to each output channel"),
        SettingSpec::choice("activation", "linear", convolutionActivations(),
                            "Function applied to each output value: relu for hidden layers"),
        SettingSpec::choice("init", "auto", initChoices(),
                            "How the weights start; auto picks he_uniform for ReLU-like activations, "
                            "xavier_uniform otherwise. Biases start at zero."),
    });
    return settings;
}

void ConvolutionLayer::checkImageInput(const Shape &in) const
{
    const std::string &kind = spec().kind;
    if (in.size() != 4) {
        std::string fix = "add a Reshape to [C, H, W] before it";
        if (in.size() == 2 && in[1] > 0) {
            const auto side = static_cast<int64_t>(std::lround(std::sqrt(double(in[1]))));
            if (side * side == in[1])
                fix = "add a Reshape to [1, " + std::to_string(side) + ", " + std::to_string(side) + "] before it";
        }
        throw ShapeError(kind + " expects images [N, C, H, W] but got " + toString(in) + "; " + fix + ".");
    }
    if (in[1] % groups_ != 0)
        throw ShapeError(kind + " with groups " + std::to_string(groups_) + " needs input channels divisible by " +
                         std::to_string(groups_) + " but got " + std::to_string(in[1]) + " in " + toString(in) +
                         "; change groups or the channels before it.");
    if (filters_ % groups_ != 0)
        throw ShapeError(kind + " with groups " + std::to_string(groups_) + " needs filters divisible by " +
                         std::to_string(groups_) + " but has " + std::to_string(filters_) +
                         "; change filters or groups.");
}

void ConvolutionLayer::buildParameters(const Shape &weightShape, int64_t fanIn, int64_t fanOut, Rng &rng)
{
    weight_ = {"weight", Tensor(weightShape), Tensor(weightShape), true};
    initialize(weight_.value, resolveInit(settings_.choice("init"), activation_), fanIn, fanOut, rng);
    if (useBias_)
        bias_ = {"bias", Tensor({filters_}), Tensor({filters_}), false};
}

std::vector<Shape> ConvolutionLayer::withBias(Shape weightShape) const
{
    std::vector<Shape> shapes = {std::move(weightShape)};
    if (useBias_)
        shapes.push_back({filters_});
    return shapes;
}

std::vector<Parameter *> ConvolutionLayer::parameters()
{
    if (useBias_)
        return {&weight_, &bias_};
    return {&weight_};
}

Tensor &ConvolutionLayer::productTarget(Tensor &out, Saved &saved) const
{
    if (!activationBackwardNeedsInput(activation_))
        return out;
    Tensor &z = saved.slot(0);
    z.resize(out.shape());
    return z;
}

void ConvolutionLayer::finishSamples(Tensor &z, Tensor &out, int64_t begin, int64_t end) const
{
    const int64_t plane = featuresPerSample(out.shape()) / filters_;
    for (int64_t n = begin; n < end; ++n) {
        float *zs = z.data() + n * filters_ * plane;  // may be out's own storage
        if (useBias_)
            for (int64_t c = 0; c < filters_; ++c)
                ArrayMap(zs + c * plane, plane) += bias_.value[c];
        if (activation_ != Activation::Linear)  // a linear z is out itself (productTarget)
            activationForward(out.data() + n * filters_ * plane, zs, filters_, plane, activation_, alpha_);
    }
}

const Tensor &ConvolutionLayer::activationAndBiasBackward(const Tensor &out, const Tensor &dOut, Saved &saved)
{
    const bool linear = activation_ == Activation::Linear, biasGrad = useBias_ && !bias_.frozen;
    if (linear && !biasGrad)
        return dOut;
    const Tensor *dz = &dOut;
    float *written = nullptr;  // f'(z) ⊙ dOut, when the activation is not linear
    if (!linear) {
        Tensor &product = saved.slot(1);
        product.resize(out.shape());
        written = product.data();
        dz = &product;
    }
    const int64_t batch = out.dim(0), perSample = featuresPerSample(out.shape()), plane = perSample / filters_;
    const float *z = activationBackwardNeedsInput(activation_) ? saved.slot(0).data() : nullptr;
    std::vector<float> planeSums(size_t(biasGrad ? batch * filters_ : 0));  // (N, filters) Σ of each dz plane
    overSamples(batch, kFlopsPerValue * double(perSample), [&](int64_t begin, int64_t end) {
        for (int64_t n = begin; n < end; ++n) {
            const int64_t offset = n * perSample;
            if (written)
                activationBackward(written + offset, dOut.data() + offset, out.data() + offset,
                                   z ? z + offset : nullptr, 1, perSample, activation_, alpha_, GradientWrite::Assign);
            if (biasGrad)
                for (int64_t c = 0; c < filters_; ++c)
                    planeSums[size_t(n * filters_ + c)] = ConstArrayMap(dz->data() + offset + c * plane, plane).sum();
        }
    });
    for (int64_t c = 0; c < (biasGrad ? filters_ : 0); ++c) {
        double sum = 0.0;  // in sample order, so that any number of threads gives the same sum
        for (int64_t n = 0; n < batch; ++n)
            sum += planeSums[size_t(n * filters_ + c)];
        bias_.grad[c] += static_cast<float>(sum);
    }
    return *dz;
}

void ConvolutionLayer::overSamples(int64_t batch, double flopsPerSample,
                                   const std::function<void(int64_t, int64_t)> &body)
{
    overSamples(batch, samplesPerChunk(batch, flopsPerSample), double(batch) * flopsPerSample, body);
}

void ConvolutionLayer::overSamples(int64_t batch, int64_t grain, double flops,
                                   const std::function<void(int64_t, int64_t)> &body)
{
    parallelChunks(batch, grain, flops, body);
}

void ConvolutionLayer::accumulateOverSamples(int64_t batch, double flopsPerSample, Saved &saved,
                                             const WeightGradBody &body)
{
    accumulateOverSamples(batch, samplesPerChunk(batch, flopsPerSample), double(batch) * flopsPerSample, saved, body);
}

void ConvolutionLayer::accumulateOverSamples(int64_t batch, int64_t grain, double flops, Saved &saved,
                                             const WeightGradBody &body)
{
    if (weight_.frozen) {
        overSamples(batch, grain, flops, [&](int64_t begin, int64_t end) { body(begin, end, nullptr); });
        return;
    }
    const int64_t chunks = (batch + grain - 1) / grain, size = weight_.grad.size();
    Tensor &partials = saved.slot(2);  // (chunks, weight size)
    partials.resize({chunks, size});
    partials.setZero();
    parallelChunks(batch, grain, flops, [&](int64_t begin, int64_t end) {
        body(begin, end, partials.data() + (begin / grain) * size);
    });
    for (int64_t chunk = 0; chunk < chunks; ++chunk)
        weight_.grad.array() += ConstArrayMap(partials.data() + chunk * size, size);
}

float *ConvolutionLayer::scratch(int slot, int64_t size)
{
    assert(slot >= 0 && slot < kScratchSlots);
    thread_local std::vector<float> buffers[kScratchSlots];
    std::vector<float> &buffer = buffers[slot];
    if (int64_t(buffer.size()) < size)
        buffer.resize(size_t(size));
    return buffer.data();
}

} // namespace nn
