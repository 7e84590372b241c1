// Conv2D: y_n = W_g · im2col(x_n) per sample n and group g; the backward twin folds W_gᵀ · dz back
// with col2im and gathers dz · colᵀ into per-chunk weight gradients.
#include "nn/gemmwarnings.h"

#include "conv2dlayer.h"

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

void Conv2DLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved,
                          const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    const ConvGeometry g = geometry(x.shape());
    const int64_t n = x.dim(0), fg = filters_ / groups_, rows = g.colRows(), cols = g.colCols();
    out.resize({n, filters_, g.outHeight, g.outWidth});  // (N, filters, H', W')
    Tensor &z = productTarget(out, saved);
    const double flopsPerSample = 2.0 * double(filters_ * rows * cols);
    overSamples(n, flopsPerSample, [&](int64_t begin, int64_t end) {
        float *col = g.isIdentity() ? nullptr : scratch(0, rows * cols);  // (C/groups·k², H'·W')
        for (int64_t s = begin; s < end; ++s)
            for (int64_t group = 0; group < groups_; ++group) {
                const float *image = x.data() + (s * groups_ + group) * g.imageSize();
                if (col)
                    im2col(image, col, g);
                const ConstMatrixMap w(weight_.value.data() + group * fg * rows, fg, rows);  // (F/groups, C/groups·k²)
                MatrixMap(z.data() + (s * groups_ + group) * fg * cols, fg, cols).noalias() =
                    w * ConstMatrixMap(col ? col : image, rows, cols);
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
    const int64_t fg = filters_ / groups_, rows = g.colRows(), cols = g.colCols();
    if (!dx && !learns())
        return;
    const Tensor &dz = preActivationGrad(out, dOut, saved);  // (N, filters, H', W')
    addBiasGrad(dz);
    const double flopsPerSample = ((dx ? 2.0 : 0.0) + (weight_.frozen ? 0.0 : 2.0)) * double(filters_ * rows * cols);
    accumulateOverSamples(x.dim(0), flopsPerSample, saved, [&](int64_t begin, int64_t end, float *dWeight) {
        float *col = g.isIdentity() ? nullptr : scratch(0, rows * cols);    // (C/groups·k², H'·W')
        float *dCol = g.isIdentity() ? nullptr : scratch(1, rows * cols);  // the same, for dx
        for (int64_t s = begin; s < end; ++s)
            for (int64_t group = 0; group < groups_; ++group) {
                const int64_t imageOffset = (s * groups_ + group) * g.imageSize();
                const ConstMatrixMap dzg(dz.data() + (s * groups_ + group) * fg * cols, fg, cols);  // (F/g, H'·W')
                const ConstMatrixMap w(weight_.value.data() + group * fg * rows, fg, rows);
                if (dWeight) {
                    if (col)
                        im2col(x.data() + imageOffset, col, g);
                    MatrixMap(dWeight + group * fg * rows, fg, rows).noalias() +=
                        dzg * ConstMatrixMap(col ? col : x.data() + imageOffset, rows, cols).transpose();
                }
                if (!dx)
                    continue;
                if (!dCol) {
                    MatrixMap(dx->data() + imageOffset, rows, cols).noalias() += w.transpose() * dzg;
                    continue;
                }
                MatrixMap(dCol, rows, cols).noalias() = w.transpose() * dzg;
                col2imAdd(dCol, dx->data() + imageOffset, g);
            }
    });
}

} // namespace nn
