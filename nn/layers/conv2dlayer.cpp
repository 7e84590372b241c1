// Conv2D: y_n = W_g · im2col(x_n) per sample n and group g; the backward twin folds W_gᵀ · dz back
// with col2im and gathers dz · colᵀ into per-chunk weight gradients.
#include "nn/gemmwarnings.h"

#include "conv2dlayer.h"

#include "winograd.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {

const bool registeredConv2DLayer = registerLayer<Conv2DLayer>();

std::string sideText(int64_t h, int64_t w)
{
    return std::to_string(h) + "×" + std::to_string(w);
}

} // namespace

const LayerSpec &Conv2DLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Conv2D";
        s.category = "Convolution";
        s.summary = "Conv2D: slides small learned filters over an image; each filter finds one pattern "
                    "(an edge, a texture) wherever it appears.";
        s.settings = declareSettings(3, {
            SettingSpec::integer("stride", 1, 1, 64, "Step between positions; 2 halves the height and width"),
            SettingSpec::choice("padding", "valid", {"valid", "same", "explicit"},
                                "valid: no padding, the image shrinks by kernel_size − 1; same: zeros around the "
                                "image keep its size (stride 1); explicit: padding_size zeros on every side"),
            SettingSpec::integer("padding_size", 0, 0, 64, "Zeros added on every side when padding is explicit"),
        });
        return s;
    }();
    return spec;
}

Conv2DLayer::Conv2DLayer(Settings settings) : ConvolutionLayer(std::move(settings)) {}

Conv2DLayer::Padding Conv2DLayer::padding() const
{
    const std::string &mode = settings_.choice("padding");
    if (mode == "same") {
        const int64_t total = dilation_ * (kernel_ - 1);  // PyTorch's split: the odd one goes after
        return {total / 2, total - total / 2};
    }
    const int64_t size = mode == "explicit" ? settings_.integer("padding_size") : 0;
    return {size, size};
}

Shape Conv2DLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    checkImageInput(in);
    if (settings_.choice("padding") == "same" && stride_ != 1)
        throw ShapeError("Conv2D's padding 'same' keeps the image size only with stride 1 but stride is " +
                         std::to_string(stride_) + "; use padding explicit with padding_size " +
                         std::to_string(dilation_ * (kernel_ - 1) / 2) + ", or stride 1.");
    const Padding pad = padding();
    const int64_t outH = convOutputSize(in[2], kernel_, stride_, dilation_, pad.begin + pad.end);
    const int64_t outW = convOutputSize(in[3], kernel_, stride_, dilation_, pad.begin + pad.end);
    if (outH < 1 || outW < 1) {
        const int64_t reach = dilation_ * (kernel_ - 1) + 1;
        throw ShapeError("Conv2D's " + sideText(reach, reach) + " window does not fit in the " +
                         sideText(in[2] + pad.begin + pad.end, in[3] + pad.begin + pad.end) +
                         " (padded) input " + toString(in) +
                         "; use a smaller kernel_size or dilation, or padding 'same'.");
    }
    return {in[0], filters_, outH, outW};
}

ConvGeometry Conv2DLayer::geometry(const Shape &input) const
{
    const Shape out = inferShape({input});
    ConvGeometry g;
    g.channels = input[1] / groups_;
    g.height = input[2];
    g.width = input[3];
    g.kernel = kernel_;
    g.stride = stride_;
    g.dilation = dilation_;
    g.padBegin = padding().begin;
    g.outHeight = out[2];
    g.outWidth = out[3];
    return g;
}

std::vector<Shape> Conv2DLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    return withBias({filters_, inputs[0][1] / groups_, kernel_, kernel_});  // (F, C/g, k, k)
}

void Conv2DLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const Shape weightShape = parameterShapes(inputs).front();
    const int64_t inPerGroup = weightShape[1], taps = kernel_ * kernel_;
    buildParameters(weightShape, inPerGroup * taps, filters_ * taps, rng);
}

// The samples of a chunk share one product per group: their im2col columns sit side by side in a
// (C/groups·k², samples·H'·W') matrix, so the product is as wide as the chunk instead of one image.
void Conv2DLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved,
                          const RunContext &ctx)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    const ConvGeometry g = geometry(x.shape());
    const int64_t n = x.dim(0), fg = filters_ / groups_, rows = g.colRows(), cols = g.colCols();
    out.resize({n, filters_, g.outHeight, g.outWidth});  // (N, filters, H', W')
    Tensor &z = productTarget(out, saved);
    const double flopsPerSample = 2.0 * double(filters_ * rows * cols);
    const int64_t grain = samplesPerChunk(n, flopsPerSample);
    if (WinogradTiles::suits(g, groups_, filters_)) {
        forwardWinograd(x, z, out, saved, ctx.training, grain);
        return;
    }
    // A training pass keeps the columns for backward: chunk by chunk, group by group, each a
    // (rows, chunk samples·cols) matrix. Any other pass leaves the slot empty.
    Tensor &kept = saved.slot(kColumnsSlot);
    kept.resize({ctx.training ? n * groups_ * rows * cols : 0});
    overSamples(n, grain, double(n) * flopsPerSample, [&](int64_t begin, int64_t end) {
        const int64_t width = (end - begin) * cols;
        float *columns = ctx.training ? kept.data() + begin * groups_ * rows * cols : scratch(0, rows * width);
        float *product = scratch(1, fg * width);  // (F/groups, chunk samples·H'·W')
        for (int64_t group = 0; group < groups_; ++group) {
            float *col = columns + (ctx.training ? group * rows * width : 0);
            for (int64_t s = begin; s < end; ++s)
                im2col(x.data() + (s * groups_ + group) * g.imageSize(), col + (s - begin) * cols, g, width);
            const ConstMatrixMap w(weight_.value.data() + group * fg * rows, fg, rows);  // (F/groups, C/groups·k²)
            MatrixMap(product, fg, width).noalias() = w * ConstMatrixMap(col, rows, width);
            for (int64_t s = begin; s < end; ++s)
                MatrixMap(z.data() + (s * groups_ + group) * fg * cols, fg, cols) =
                    ConstMatrixMap(product, fg, width).middleCols((s - begin) * cols, cols);
        }
        finishSamples(z, out, begin, end);
    });
}

void Conv2DLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                           const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    Tensor *dx = dInputs[0];       // (N, C, H, W) or nullptr
    assert(dOut.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    const ConvGeometry g = geometry(x.shape());
    const int64_t n = x.dim(0), fg = filters_ / groups_, rows = g.colRows(), cols = g.colCols();
    if (!dx && !learns())
        return;
    const Tensor &dz = activationAndBiasBackward(out, dOut, saved);  // (N, filters, H', W')
    const double productFlops = 2.0 * double(filters_ * rows * cols);  // per sample and product
    const int64_t grain = samplesPerChunk(n, productFlops);           // forward's chunks
    if (WinogradTiles::suits(g, groups_, filters_)) {
        backwardWinograd(x, dz, dx, saved, grain);
        return;
    }
    const Tensor &kept = saved.slot(kColumnsSlot);
    const bool keptColumns = kept.size() == n * groups_ * rows * cols && kept.size() > 0;
    const double flops = double(n) * ((dx ? 1.0 : 0.0) + (weight_.frozen ? 0.0 : 1.0)) * productFlops;
    accumulateOverSamples(n, grain, flops, saved, [&](int64_t begin, int64_t end, float *dWeight) {
        const int64_t width = (end - begin) * cols;
        float *dzChunk = scratch(1, fg * width);                    // (F/groups, chunk samples·H'·W')
        float *dCol = dx ? scratch(2, rows * width) : nullptr;      // (C/groups·k², chunk samples·H'·W')
        for (int64_t group = 0; group < groups_; ++group) {
            MatrixMap dzg(dzChunk, fg, width);
            for (int64_t s = begin; s < end; ++s)
                dzg.middleCols((s - begin) * cols, cols) =
                    ConstMatrixMap(dz.data() + (s * groups_ + group) * fg * cols, fg, cols);
            if (dWeight) {
                const float *col = keptColumns ? kept.data() + (begin * groups_ + group * (end - begin)) * rows * cols
                                               : nullptr;
                if (!col) {  // a pass that kept no columns (not a training pass): gather them again
                    float *again = scratch(0, rows * width);
                    for (int64_t s = begin; s < end; ++s)
                        im2col(x.data() + (s * groups_ + group) * g.imageSize(), again + (s - begin) * cols, g, width);
                    col = again;
                }
                MatrixMap(dWeight + group * fg * rows, fg, rows).noalias() +=
                    dzg * ConstMatrixMap(col, rows, width).transpose();
            }
            if (!dx)
                continue;
            const ConstMatrixMap w(weight_.value.data() + group * fg * rows, fg, rows);
            MatrixMap(dCol, rows, width).noalias() = w.transpose() * dzg;
            for (int64_t s = begin; s < end; ++s)
                col2imAdd(dCol + (s - begin) * cols, dx->data() + (s * groups_ + group) * g.imageSize(), g, width);
        }
    });
}

// The same convolution by Winograd's F(2×2, 3×3) (winograd.h): per chunk, the input tiles'
// transforms V (16, C, T), then M_ξ (F, T) = U_ξ (F, C) · V_ξ (C, T) for the 16 points ξ, then the
// output tiles. A training pass keeps V (slot 3, chunk by chunk) for the weight gradient.
void Conv2DLayer::forwardWinograd(const Tensor &x, Tensor &z, Tensor &out, Saved &saved, bool training,
                                  int64_t grain)
{
    const WinogradTiles t(geometry(x.shape()), filters_);
    const int64_t n = x.dim(0), c = t.channels, f = t.filters, tiles = t.perSample();
    Tensor &u = saved.slot(kWinogradWeightsSlot);  // (16, F, C), for backward too
    u.resize({16, f, c});
    winogradWeights(weight_.value.data(), u.data(), t);
    Tensor &kept = saved.slot(kColumnsSlot);
    kept.resize({training ? n * 16 * c * tiles : 0});
    const double flops = double(n * tiles) * 16.0 * 2.0 * double(f * c);
    overSamples(n, grain, flops, [&](int64_t begin, int64_t end) {
        const int64_t width = (end - begin) * tiles;
        float *v = training ? kept.data() + begin * 16 * c * tiles : scratch(0, 16 * c * width);
        float *m = scratch(1, 16 * f * width);
        winogradInput(x.data() + begin * c * t.height * t.width, end - begin, v, t);
        for (int64_t point = 0; point < 16; ++point)
            MatrixMap(m + point * f * width, f, width).noalias() =
                ConstMatrixMap(u.data() + point * f * c, f, c) * ConstMatrixMap(v + point * c * width, c, width);
        winogradOutput(m, end - begin, z.data() + begin * f * t.outHeight * t.outWidth, t);
        finishSamples(z, out, begin, end);
    });
}

// The gradients of forwardWinograd: dM = A·dz·Aᵀ per output tile, then dU_ξ = dM_ξ · V_ξᵀ (folded
// into dW by Gᵀ·dU·G) and dV_ξ = U_ξᵀ · dM_ξ (folded into dx by B·dV·Bᵀ).
void Conv2DLayer::backwardWinograd(const Tensor &x, const Tensor &dz, Tensor *dx, Saved &saved, int64_t grain)
{
    const WinogradTiles t(geometry(x.shape()), filters_);
    const int64_t n = x.dim(0), c = t.channels, f = t.filters, tiles = t.perSample();
    const Tensor &u = saved.slot(kWinogradWeightsSlot);
    assert(u.size() == 16 * f * c && "backward needs the transformed weights of this forward");
    const Tensor &kept = saved.slot(kColumnsSlot);
    const bool keptInput = kept.size() == n * 16 * c * tiles && kept.size() > 0;
    const double flops =
        double(n * tiles) * 16.0 * 2.0 * double(f * c) * ((dx ? 1.0 : 0.0) + (weight_.frozen ? 0.0 : 1.0));
    accumulateOverSamples(n, grain, flops, saved, [&](int64_t begin, int64_t end, float *dWeight) {
        const int64_t width = (end - begin) * tiles;
        float *dM = scratch(1, 16 * f * width);  // (16, F, chunk tiles)
        winogradOutputBackward(dz.data() + begin * f * t.outHeight * t.outWidth, end - begin, dM, t);
        if (dWeight) {
            const float *v = keptInput ? kept.data() + begin * 16 * c * tiles : nullptr;
            if (!v) {  // a pass that kept nothing (not a training pass): transform the input again
                float *again = scratch(0, 16 * c * width);
                winogradInput(x.data() + begin * c * t.height * t.width, end - begin, again, t);
                v = again;
            }
            float *dU = scratch(3, 16 * f * c);  // (16, F, C)
            for (int64_t point = 0; point < 16; ++point)
                MatrixMap(dU + point * f * c, f, c).noalias() =
                    ConstMatrixMap(dM + point * f * width, f, width) *
                    ConstMatrixMap(v + point * c * width, c, width).transpose();
            winogradWeightsBackward(dU, dWeight, t);
        }
        if (!dx)
            return;
        float *dV = scratch(2, 16 * c * width);  // (16, C, chunk tiles)
        for (int64_t point = 0; point < 16; ++point)
            MatrixMap(dV + point * c * width, c, width).noalias() =
                ConstMatrixMap(u.data() + point * f * c, f, c).transpose() *
                ConstMatrixMap(dM + point * f * width, f, width);
        winogradInputBackward(dV, end - begin, dx->data() + begin * c * t.height * t.width, t);
    });
}

} // namespace nn
