// ConvTranspose2D: y_n = col2im(W_gᵀ · x_n) per sample n and group g, the exact twin of Conv2D's
// input gradient; backward is a convolution of dz: dx = W_g · im2col(dz), dW += x · im2col(dz)ᵀ.
#include "nn/gemmwarnings.h"

#include "convtranspose2dlayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {
const bool registeredConvTranspose2DLayer = registerLayer<ConvTranspose2DLayer>();
} // namespace

const LayerSpec &ConvTranspose2DLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "ConvTranspose2D";
        s.category = "Convolution";
        s.summary = "ConvTranspose2D: a learned upsampling; each input pixel paints a filter-sized patch, so "
                    "kernel 4, stride 2, padding 1 doubles height and width (GAN generators, decoders).";
        // Kernel 4 with stride 2 and padding 1 doubles the size exactly (DCGAN's choice).
        s.settings = declareSettings(4, {
            SettingSpec::integer("stride", 2, 1, 64, "Spacing of the painted patches; 2 doubles the size"),
            SettingSpec::integer("padding", 1, 0, 64, "Rows and columns trimmed from every side of the output"),
            SettingSpec::integer("output_padding", 0, 0, 63,
                                 "Extra rows and columns on the bottom and right, to reach an odd size; "
                                 "must be less than stride or dilation"),
        });
        return s;
    }();
    return spec;
}

ConvTranspose2DLayer::ConvTranspose2DLayer(Settings settings)
    : ConvolutionLayer(std::move(settings)),
      padding_(settings_.integer("padding")),
      outputPadding_(settings_.integer("output_padding"))
{
}

Shape ConvTranspose2DLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    checkImageInput(in);
    if (outputPadding_ >= std::max(stride_, dilation_))
        throw ShapeError("ConvTranspose2D's output_padding " + std::to_string(outputPadding_) +
                         " must be less than stride or dilation (" + std::to_string(std::max(stride_, dilation_)) +
                         "); lower output_padding.");
    const auto side = [&](int64_t size) {
        return (size - 1) * stride_ - 2 * padding_ + dilation_ * (kernel_ - 1) + outputPadding_ + 1;
    };
    const int64_t outH = side(in[2]), outW = side(in[3]);
    if (outH < 1 || outW < 1)
        throw ShapeError("ConvTranspose2D's padding " + std::to_string(padding_) + " trims more than the " +
                         std::to_string(in[2]) + "×" + std::to_string(in[3]) + " input " + toString(in) +
                         " grows to; lower padding or raise kernel_size.");
    return {in[0], filters_, outH, outW};
}

ConvGeometry ConvTranspose2DLayer::geometry(const Shape &input) const
{
    const Shape out = inferShape({input});
    ConvGeometry g;
    g.channels = filters_ / groups_;
    g.height = out[2];
    g.width = out[3];
    g.kernel = kernel_;
    g.stride = stride_;
    g.dilation = dilation_;
    g.padBegin = padding_;
    g.outHeight = input[2];
    g.outWidth = input[3];
    return g;
}

std::vector<Shape> ConvTranspose2DLayer::parameterShapes(const std::vector<Shape> &inputs) const
{
    inferShape(inputs);  // throws for a bad input shape
    return withBias({inputs[0][1], filters_ / groups_, kernel_, kernel_});  // PyTorch's (C, F/g, k, k)
}

void ConvTranspose2DLayer::build(const std::vector<Shape> &inputs, Rng &rng)
{
    const Shape weightShape = parameterShapes(inputs).front();
    const int64_t channels = weightShape[0], taps = kernel_ * kernel_;
    // PyTorch's fan counting: fan-in from dim 1, fan-out from dim 0.
    buildParameters(weightShape, filters_ / groups_ * taps, channels * taps, rng);
}

void ConvTranspose2DLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved,
                                   const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    const ConvGeometry g = geometry(x.shape());
    const int64_t n = x.dim(0), cg = x.dim(1) / groups_, rows = g.colRows(), cols = g.colCols();
    out.resize({n, filters_, g.height, g.width});  // (N, filters, H', W')
    Tensor &z = productTarget(out, saved);
    const double flopsPerSample = 2.0 * double(x.dim(1) * rows * cols);
    overSamples(n, flopsPerSample, [&](int64_t begin, int64_t end) {
        float *col = g.isIdentity() ? nullptr : scratch(0, rows * cols);  // (filters/groups·k², H·W)
        for (int64_t s = begin; s < end; ++s)
            for (int64_t group = 0; group < groups_; ++group) {
                const ConstMatrixMap w(weight_.value.data() + group * cg * rows, cg, rows);  // (C/groups, F/groups·k²)
                const ConstMatrixMap xg(x.data() + (s * groups_ + group) * cg * cols, cg, cols);  // (C/groups, H·W)
                float *image = z.data() + (s * groups_ + group) * g.imageSize();
                if (!col) {
                    MatrixMap(image, rows, cols).noalias() = w.transpose() * xg;
                    continue;
                }
                MatrixMap(col, rows, cols).noalias() = w.transpose() * xg;
                std::fill(image, image + g.imageSize(), 0.0f);
                col2imAdd(col, image, g);
            }
        finishSamples(z, out, begin, end);
    });
}

void ConvTranspose2DLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out,
                                    const Tensor &dOut, Saved &saved, const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    Tensor *dx = dInputs[0];       // (N, C, H, W) or nullptr
    assert(dOut.shape() == out.shape() && (!dx || dx->shape() == x.shape()));
    const ConvGeometry g = geometry(x.shape());
    const int64_t cg = x.dim(1) / groups_, rows = g.colRows(), cols = g.colCols();
    if (!dx && !learns())
        return;
    const Tensor &dz = activationAndBiasBackward(out, dOut, saved);  // (N, filters, H', W')
    const double flopsPerSample = ((dx ? 2.0 : 0.0) + (weight_.frozen ? 0.0 : 2.0)) * double(x.dim(1) * rows * cols);
    accumulateOverSamples(x.dim(0), flopsPerSample, saved, [&](int64_t begin, int64_t end, float *dWeight) {
        float *dzCol = g.isIdentity() ? nullptr : scratch(0, rows * cols);  // (filters/groups·k², H·W)
        for (int64_t s = begin; s < end; ++s)
            for (int64_t group = 0; group < groups_; ++group) {
                const int64_t inputOffset = (s * groups_ + group) * cg * cols;
                const float *dImage = dz.data() + (s * groups_ + group) * g.imageSize();
                if (dzCol)
                    im2col(dImage, dzCol, g);
                const ConstMatrixMap dCol(dzCol ? dzCol : dImage, rows, cols);
                if (dWeight)
                    MatrixMap(dWeight + group * cg * rows, cg, rows).noalias() +=
                        ConstMatrixMap(x.data() + inputOffset, cg, cols) * dCol.transpose();
                if (dx)
                    MatrixMap(dx->data() + inputOffset, cg, cols).noalias() +=
                        ConstMatrixMap(weight_.value.data() + group * cg * rows, cg, rows) * dCol;
            }
    });
}

} // namespace nn
