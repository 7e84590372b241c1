// ConvolutionLayer: what Conv2D and ConvTranspose2D share: square kernels over [N, C, H, W] images,
// a weight and a per-channel bias, a fused activation, and sample-parallel loops that stay
// bitwise identical on any thread count.
#pragma once

#include "convgeometry.h"

#include "nn/activation.h"
#include "nn/layer.h"

#include <functional>

namespace nn {

// The common half of a convolution kind; the subclass supplies the shapes and the products.
class ConvolutionLayer : public Layer {
public:
    std::vector<Parameter *> parameters() override;

    // Samples per chunk of a batch whose samples cost `flopsPerSample` each: a function of the shapes
    // alone, never of the thread count, so that every run splits (and sums) the work the same way.
    // Conv2D runs one product per chunk (and group).
    static int64_t samplesPerChunk(int64_t batch, double flopsPerSample);

protected:
    explicit ConvolutionLayer(Settings settings);

    // Settings both kinds declare, around the kind's own `geometry` settings (stride, padding…).
    static std::vector<SettingSpec> declareSettings(int64_t defaultKernel, std::vector<SettingSpec> geometry);
    // Throws ShapeError unless `in` is [N, C, H, W] with C divisible by groups.
    void checkImageInput(const Shape &in) const;
    // Allocates the weight (PyTorch's layout for the kind) and the bias (filters).
    void buildParameters(const Shape &weightShape, int64_t fanIn, int64_t fanOut, Rng &rng);
    // The weight's shape followed by the bias's (filters), when the layer has one.
    std::vector<Shape> withBias(Shape weightShape) const;

    // A call's saved slots: 0 z (N, filters, H', W'), kept only when the activation's backward needs
    // it (GELU); 1 dz, scratch when the activation is not linear; 2 the weight-gradient partials
    // (chunks, weight size), scratch summed in chunk order; 3 Conv2D's im2col columns of a training
    // pass, which its backward reuses.
    // Where the products go: `out` itself, or slot 0 when the activation's backward needs z.
    Tensor &productTarget(Tensor &out, Saved &saved) const;
    // out = f(z + b) for the samples [begin, end) of z (N, filters, H, W); z may be out.
    void finishSamples(Tensor &z, Tensor &out, int64_t begin, int64_t end) const;
    // Returns ∂L/∂z, dOut itself for a linear activation, else f'(z) ⊙ dOut in slot 1, and adds
    // Σ over samples and pixels of it into bias.grad. One pass: each sample's planes are summed for
    // the bias right after their f'(z) ⊙ dOut, while they are in cache.
    const Tensor &activationAndBiasBackward(const Tensor &out, const Tensor &dOut, Saved &saved);

    // Calls body(begin, end, dWeight) over fixed chunks of the batch, each chunk adding into its own
    // zeroed copy of the weight gradient, then adds the copies into weight.grad in chunk order. A
    // frozen weight gets no gradient: dWeight is then nullptr. Chunks of samplesPerChunk(batch,
    // flopsPerSample), or of `grain` samples for a loop of `flops` in all.
    using WeightGradBody = std::function<void(int64_t begin, int64_t end, float *dWeight)>;
    void accumulateOverSamples(int64_t batch, double flopsPerSample, Saved &saved, const WeightGradBody &body);
    void accumulateOverSamples(int64_t batch, int64_t grain, double flops, Saved &saved, const WeightGradBody &body);
    // Calls body(begin, end) over the same fixed chunks of the batch.
    static void overSamples(int64_t batch, double flopsPerSample, const std::function<void(int64_t, int64_t)> &body);
    static void overSamples(int64_t batch, int64_t grain, double flops,
                            const std::function<void(int64_t, int64_t)> &body);
    // Per-thread scratch of at least `size` floats; slots 0 … kScratchSlots − 1 are independent buffers.
    static constexpr int kScratchSlots = 4;
    static float *scratch(int slot, int64_t size);

    int64_t filters_;
    int64_t kernel_;
    int64_t stride_;
    int64_t dilation_;
    int64_t groups_;
    bool useBias_;
    Activation activation_;
    float alpha_;
    Parameter weight_;       // Conv2D (filters, C/groups, k, k); ConvTranspose2D (C, filters/groups, k, k)
    Parameter bias_;         // (filters)
};

} // namespace nn
