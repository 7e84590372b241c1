// MaxPool2D: each window's maximum and where it was, in vectorized passes along the output rows.
#include "maxpoollayer.h"

#include "nn/registry.h"

#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registered = registerLayer<MaxPoolLayer>();

// Of two values the later in row-major window order wins only when strictly larger, or NaN (so a
// NaN is never hidden): ties keep the first, as PyTorch's CPU kernel does.
inline bool beats(float value, float best)
{
    return (value > best) | std::isnan(value);
}

// One output of window rows [rowBegin, rowEnd) and columns [colBegin, colEnd) (clipped to the
// image): the path for windows that overlap the padding.
void maxPoolWindow(float &out, int32_t &argmax, const float *x, int64_t width, int64_t rowBegin, int64_t rowEnd,
                   int64_t colBegin, int64_t colEnd)
{
    int64_t best = rowBegin * width + colBegin;
    float bestValue = x[best];
    for (int64_t h = rowBegin; h < rowEnd; ++h)
        for (int64_t w = colBegin; w < colEnd; ++w)
            if (beats(x[h * width + w], bestValue)) {
                bestValue = x[h * width + w];
                best = h * width + w;
            }
    out = bestValue;
    argmax = static_cast<int32_t>(best);
}

// The outputs of one row whose windows lie inside the image's columns: one pass along the row per
// window position (h, w), in row-major order. Each pass is a branch-free loop the compiler
// vectorizes; a data-dependent branch per value would mispredict about half the time.
void maxPoolRowInterior(float *out, int32_t *argmax, const float *x, int64_t rowBegin, int64_t rowEnd,
                        const PoolPlane &p)
{
    const auto stride = static_cast<int32_t>(p.window.stride);
    const auto count = static_cast<int32_t>(p.interiorEnd - p.interiorBegin);
    out += p.interiorBegin;
    argmax += p.interiorBegin;
    p.forEachWindowPosition(rowBegin, rowEnd, [&](int64_t position, bool isFirst) {
        const auto first = static_cast<int32_t>(position);
        const float *values = x + first;
        if (isFirst) {
            for (int32_t i = 0; i < count; ++i) {
                out[i] = values[i * stride];
                argmax[i] = first + i * stride;
            }
            return;
        }
        for (int32_t i = 0; i < count; ++i) {
            const float value = values[i * stride];
            const bool wins = beats(value, out[i]);
            out[i] = wins ? value : out[i];
            argmax[i] = wins ? first + i * stride : argmax[i];
        }
    });
}

// out = the maximum of each window of one (H, W) plane, argmax = its index h·W + w.
void maxPoolPlaneForward(float *out, int32_t *argmax, const float *x, const PoolPlane &p)
{
    for (int64_t oh = 0; oh < p.outHeight; ++oh) {
        const int64_t rowBegin = p.window.begin(oh), rowEnd = p.window.end(oh, p.height);
        float *outRow = out + oh * p.outWidth;
        int32_t *argmaxRow = argmax + oh * p.outWidth;
        maxPoolRowInterior(outRow, argmaxRow, x, rowBegin, rowEnd, p);
        for (int64_t ow = 0; ow < p.outWidth; ++ow)
            if (!p.isInterior(ow))
                maxPoolWindow(outRow[ow], argmaxRow[ow], x, p.width, rowBegin, rowEnd, p.window.begin(ow),
                              p.window.end(ow, p.width));
    }
}

// dx[argmax[o]] += dOut[o] over one plane's outputs; overlapping windows add in output order.
void maxPoolPlaneBackward(float *dx, const float *dOut, const int32_t *argmax, int64_t outputs)
{
    for (int64_t o = 0; o < outputs; ++o)
        dx[argmax[o]] += dOut[o];
}

} // namespace

const LayerSpec &MaxPoolLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "MaxPool2D";
        s.category = "Convolution";
        s.summary = "MaxPool2D: keeps the largest value in each window of every channel, so a 2×2 window "
                    "halves H and W and a feature may shift a little without changing the output.";
        s.settings = PoolWindow::settingSpecs();
        return s;
    }();
    return spec;
}

MaxPoolLayer::MaxPoolLayer(Settings settings)
    : Layer(std::move(settings)), window_(PoolWindow::fromSettings(settings_))
{
}

Shape MaxPoolLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    return window_.outputShape(spec().kind, inputs[0]);
}

void MaxPoolLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, const RunContext &)
{
    const Tensor &x = *inputs[0];         // (N, C, H, W)
    out.resize(inferShape({x.shape()}));  // (N, C, Ho, Wo)
    const PoolPlane p(window_, x.dim(2), x.dim(3), out.dim(2), out.dim(3));
    const int64_t inPlane = p.height * p.width, outPlane = p.outHeight * p.outWidth;
    argmax_.resize(size_t(out.size()));
    const double flopsPerPlane = 2.0 * double(outPlane * window_.kernel * window_.kernel);
    forEachPlane(x.dim(0) * x.dim(1), flopsPerPlane, [&](int64_t plane) {
        maxPoolPlaneForward(out.data() + plane * outPlane, argmax_.data() + plane * outPlane,
                            x.data() + plane * inPlane, p);
    });
}

void MaxPoolLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                            const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, C, H, W) or nullptr: the input needs no gradient
    if (!dx)
        return;
    assert(dx->shape() == inputs[0]->shape() && dOut.shape() == out.shape());
    assert(argmax_.size() == size_t(dOut.size()) && "backward needs the argmax of this forward");
    (void)inputs;
    (void)out;
    const int64_t inPlane = dx->dim(2) * dx->dim(3), outPlane = dOut.dim(2) * dOut.dim(3);
    forEachPlane(dOut.dim(0) * dOut.dim(1), 2.0 * double(outPlane), [&](int64_t plane) {
        maxPoolPlaneBackward(dx->data() + plane * inPlane, dOut.data() + plane * outPlane,
                             argmax_.data() + plane * outPlane, outPlane);
    });
}

} // namespace nn
