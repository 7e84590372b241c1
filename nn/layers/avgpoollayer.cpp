// AvgPool2D: window sums over contiguous rows of each plane, divided as PyTorch divides them.
#include "avgpoollayer.h"

#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {

const bool registeredAvgPoolLayer = registerLayer<AvgPoolLayer>();

// k² with padding counted (with ceil_mode off every window lies inside the padded image), else the
// number of the window's values inside the image.
float divisor(const PoolPlane &p, bool countIncludePad, int64_t rows, int64_t cols)
{
    return countIncludePad ? float(p.window.kernel * p.window.kernel) : float(rows * cols);
}

// out(oh, ow) = Σ window / divisor over one (H, W) plane: the interior of each row in passes along
// the row (vectorized), the windows that overlap the padding one by one.
void avgPoolPlaneForward(float *out, const float *x, const PoolPlane &p, bool countIncludePad)
{
    const auto stride = static_cast<int32_t>(p.window.stride);
    const auto count = static_cast<int32_t>(p.interiorEnd - p.interiorBegin);
    for (int64_t oh = 0; oh < p.outHeight; ++oh) {
        const int64_t rowBegin = p.window.begin(oh), rowEnd = p.window.end(oh, p.height);
        float *outRow = out + oh * p.outWidth;
        float *interior = outRow + p.interiorBegin;
        p.forEachWindowPosition(rowBegin, rowEnd, [&](int64_t first, bool assign) {
            const float *values = x + first;
            for (int32_t i = 0; i < count; ++i)
                interior[i] = assign ? values[i * stride] : interior[i] + values[i * stride];
        });
        const float interiorDivisor = divisor(p, countIncludePad, rowEnd - rowBegin, p.window.kernel);
        for (int32_t i = 0; i < count; ++i)
            interior[i] /= interiorDivisor;
        for (int64_t ow = 0; ow < p.outWidth; ++ow) {
            if (p.isInterior(ow))
                continue;
            const int64_t colBegin = p.window.begin(ow), colEnd = p.window.end(ow, p.width);
            float sum = 0.0f;
            for (int64_t h = rowBegin; h < rowEnd; ++h)
                for (int64_t w = colBegin; w < colEnd; ++w)
                    sum += x[h * p.width + w];
            outRow[ow] = sum / divisor(p, countIncludePad, rowEnd - rowBegin, colEnd - colBegin);
        }
    }
}

// dx(window) += dOut(oh, ow) / divisor over one plane: passes along each row's interior as in the
// forward, then the windows that overlap the padding.
void avgPoolPlaneBackward(float *dx, const float *dOut, const PoolPlane &p, bool countIncludePad)
{
    const auto stride = static_cast<int32_t>(p.window.stride);
    const auto count = static_cast<int32_t>(p.interiorEnd - p.interiorBegin);
    for (int64_t oh = 0; oh < p.outHeight; ++oh) {
        const int64_t rowBegin = p.window.begin(oh), rowEnd = p.window.end(oh, p.height);
        const float *dOutRow = dOut + oh * p.outWidth;
        const float *interior = dOutRow + p.interiorBegin;
        const float interiorDivisor = divisor(p, countIncludePad, rowEnd - rowBegin, p.window.kernel);
        p.forEachWindowPosition(rowBegin, rowEnd, [&](int64_t first, bool) {
            float *grads = dx + first;
            for (int32_t i = 0; i < count; ++i)
                grads[i * stride] += interior[i] / interiorDivisor;
        });
        for (int64_t ow = 0; ow < p.outWidth; ++ow) {
            if (p.isInterior(ow))
                continue;
            const int64_t colBegin = p.window.begin(ow), colEnd = p.window.end(ow, p.width);
            const float share = dOutRow[ow] / divisor(p, countIncludePad, rowEnd - rowBegin, colEnd - colBegin);
            for (int64_t h = rowBegin; h < rowEnd; ++h)
                for (int64_t w = colBegin; w < colEnd; ++w)
                    dx[h * p.width + w] += share;
        }
    }
}

} // namespace

const LayerSpec &AvgPoolLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "AvgPool2D";
        s.category = "Convolution";
        s.summary = "AvgPool2D: replaces each window of every channel by its average, so a 2×2 window "
                    "halves H and W while every value still contributes.";
        s.settings = PoolWindow::settingSpecs();
        s.settings.push_back(SettingSpec::boolean(
            "count_include_pad", true,
            "Count the padded zeros when averaging a window at the border; off divides by the real values only"));
        return s;
    }();
    return spec;
}

AvgPoolLayer::AvgPoolLayer(Settings settings)
    : Layer(std::move(settings)),
      window_(PoolWindow::fromSettings(settings_)),
      countIncludePad_(settings_.flag("count_include_pad"))
{
}

Shape AvgPoolLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    return window_.outputShape(spec().kind, inputs[0]);
}

void AvgPoolLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];         // (N, C, H, W)
    out.resize(inferShape({x.shape()}));  // (N, C, Ho, Wo)
    const PoolPlane p(window_, x.dim(2), x.dim(3), out.dim(2), out.dim(3));
    const int64_t inPlane = p.height * p.width, outPlane = p.outHeight * p.outWidth;
    const double flopsPerPlane = double(outPlane * (window_.kernel * window_.kernel + 1));
    forEachPlane(x.dim(0) * x.dim(1), flopsPerPlane, [&](int64_t plane) {
        avgPoolPlaneForward(out.data() + plane * outPlane, x.data() + plane * inPlane, p, countIncludePad_);
    });
}

void AvgPoolLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &,
                            const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, C, H, W) or nullptr: the input needs no gradient
    if (!dx)
        return;
    assert(dx->shape() == inputs[0]->shape() && dOut.shape() == out.shape());
    (void)inputs;
    (void)out;
    const PoolPlane p(window_, dx->dim(2), dx->dim(3), dOut.dim(2), dOut.dim(3));
    const int64_t inPlane = p.height * p.width, outPlane = p.outHeight * p.outWidth;
    const double flopsPerPlane = double(outPlane * (window_.kernel * window_.kernel + 1));
    forEachPlane(dOut.dim(0) * dOut.dim(1), flopsPerPlane, [&](int64_t plane) {
        avgPoolPlaneBackward(dx->data() + plane * inPlane, dOut.data() + plane * outPlane, p, countIncludePad_);
    });
}

} // namespace nn
