// MaxPool2D: each window's maximum and where it was, in vectorized passes along the output rows.
#include "maxpoollayer.h"

#include "nn/registry.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

const bool registeredMaxPoolLayer = registerLayer<MaxPoolLayer>();

// The maximum of the window whose top-left tap is x[first] and its index, over rows [0, rows) and
// columns [0, cols) of the window. Ties keep the first in row-major window order, as PyTorch's CPU
// kernel does. Written with selects, not branches: which value wins is data-dependent and a branch
// would mispredict about half the time.
template <int Rows, int Cols>
inline void windowMax(float &out, int32_t &argmax, const float *x, int32_t first, int32_t width, int32_t rows,
                      int32_t cols)
{
    // Fixed Rows and Cols (a 2×2 or 3×3 window inside the image) unroll completely; 0 means "use
    // the run-time count", for windows clipped by padding or of other sizes.
    const int32_t rowCount = Rows ? Rows : rows, colCount = Cols ? Cols : cols;
    int32_t best = first;
    float bestValue = x[first];
    for (int32_t h = 0; h < rowCount; ++h)
        for (int32_t w = 0; w < colCount; ++w) {
            const int32_t index = first + h * width + w;
            const float value = x[index];
            // An all-ones mask when value wins: integer arithmetic GCC cannot turn back into a branch.
            const int32_t wins = -static_cast<int32_t>(value > bestValue);
            best = (index & wins) | (best & ~wins);
            bestValue = std::max(value, bestValue);
        }
    out = bestValue;
    argmax = best;
}

// The outputs [begin, end) of one output row whose windows are all whole K×K squares inside the image.
template <int K>
void maxPoolWholeWindows(float *out, int32_t *argmax, const float *x, const PoolPlane &p, int32_t rowBegin,
                         int64_t begin, int64_t end)
{
    const auto width = static_cast<int32_t>(p.width);
    for (int64_t ow = begin; ow < end; ++ow) {
        const auto first = static_cast<int32_t>(rowBegin * width + p.window.begin(ow));
        windowMax<K, K>(out[ow], argmax[ow], x, first, width, K, K);
    }
}

// `count` outputs of one output row of 2×2 windows with stride 2 (the CNN's usual pooling), whole
// inside the image: output o reads top[2o], top[2o + 1] and the same of `bottom`, the row below, and
// x[first + 2o] is top[2o]. The same selects as windowMax, written as a loop over plain arrays that GCC
// vectorizes (int32 throughout and no aliasing, or it does not).
void maxPoolPairs(float *__restrict out, int32_t *__restrict argmax, const float *__restrict top,
                  const float *__restrict bottom, int32_t first, int32_t width, int32_t count)
{
    for (int32_t o = 0; o < count; ++o) {
        const float a = top[2 * o], b = top[2 * o + 1], c = bottom[2 * o], d = bottom[2 * o + 1];
        const int32_t at = first + 2 * o;
        int32_t best = at;
        float bestValue = a;
        best = b > bestValue ? at + 1 : best;
        bestValue = std::max(b, bestValue);
        best = c > bestValue ? at + width : best;
        bestValue = std::max(c, bestValue);
        best = d > bestValue ? at + width + 1 : best;
        bestValue = std::max(d, bestValue);
        out[o] = bestValue;
        argmax[o] = best;
    }
}

// The maximum of each window of one (H, W) plane and its index h·W + w, padding excluded.
void maxPoolPlaneForward(float *out, int32_t *argmax, const float *x, const PoolPlane &p)
{
    const auto width = static_cast<int32_t>(p.width);
    const int64_t kernel = p.window.kernel;
    for (int64_t oh = 0; oh < p.outHeight; ++oh, out += p.outWidth, argmax += p.outWidth) {
        const auto rowBegin = static_cast<int32_t>(p.window.begin(oh));
        const auto rows = static_cast<int32_t>(p.window.end(oh, p.height) - rowBegin);
        int64_t fastBegin = 0, fastEnd = 0;  // outputs of this row on an unrolled path
        if (rows == kernel && (kernel == 2 || kernel == 3) && p.interiorBegin < p.interiorEnd) {
            fastBegin = p.interiorBegin;
            fastEnd = p.interiorEnd;
            if (kernel == 2 && p.window.stride == 2) {
                const auto first = static_cast<int32_t>(rowBegin * width + p.window.begin(fastBegin));
                maxPoolPairs(out + fastBegin, argmax + fastBegin, x + first, x + first + width, first, width,
                             static_cast<int32_t>(fastEnd - fastBegin));
            } else {
                (kernel == 2 ? maxPoolWholeWindows<2> : maxPoolWholeWindows<3>)(out, argmax, x, p, rowBegin,
                                                                                 fastBegin, fastEnd);
            }
        }
        for (int64_t ow = 0; ow < p.outWidth; ++ow) {
            if (ow >= fastBegin && ow < fastEnd)
                continue;
            const auto colBegin = static_cast<int32_t>(p.window.begin(ow));
            const auto cols = static_cast<int32_t>(p.window.end(ow, p.width) - colBegin);
            windowMax<0, 0>(out[ow], argmax[ow], x, rowBegin * width + colBegin, width, rows, cols);
        }
    }
}

// Like maxPoolPlaneForward, but a NaN in a window wins it, so a NaN is never hidden (PyTorch's
// rule); taken only for planes that hold a NaN.
void maxPoolPlaneForwardWithNaN(float *out, int32_t *argmax, const float *x, const PoolPlane &p)
{
    for (int64_t oh = 0; oh < p.outHeight; ++oh)
        for (int64_t ow = 0; ow < p.outWidth; ++ow, ++out, ++argmax) {
            int64_t best = p.window.begin(oh) * p.width + p.window.begin(ow);
            for (int64_t h = p.window.begin(oh); h < p.window.end(oh, p.height); ++h)
                for (int64_t w = p.window.begin(ow); w < p.window.end(ow, p.width); ++w)
                    if (!std::isnan(x[best]) && (x[h * p.width + w] > x[best] || std::isnan(x[h * p.width + w])))
                        best = h * p.width + w;
            *out = x[best];
            *argmax = static_cast<int32_t>(best);
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

void MaxPoolLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &)
{
    const Tensor &x = *inputs[0];         // (N, C, H, W)
    out.resize(inferShape({x.shape()}));  // (N, C, Ho, Wo)
    const PoolPlane p(window_, x.dim(2), x.dim(3), out.dim(2), out.dim(3));
    const int64_t inPlane = p.height * p.width, outPlane = p.outHeight * p.outWidth;
    std::vector<int32_t> &argmax = saved.indices;  // (N, C, Ho, Wo) index h·W + w of each output's winner
    argmax.resize(size_t(out.size()));
    const double flopsPerPlane = 2.0 * double(outPlane * window_.kernel * window_.kernel);
    forEachPlane(x.dim(0) * x.dim(1), flopsPerPlane, [&](int64_t plane) {
        const float *image = x.data() + plane * inPlane;
        // A NaN makes the (vectorized) sum NaN; infinities or an overflow also take the careful path,
        // which gives the same result for them.
        const bool hasNaN = !std::isfinite(ConstArrayMap(image, inPlane).sum());
        (hasNaN ? maxPoolPlaneForwardWithNaN : maxPoolPlaneForward)(out.data() + plane * outPlane,
                                                                     argmax.data() + plane * outPlane, image, p);
    });
}

void MaxPoolLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                            Saved &saved,
                            const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, C, H, W) or nullptr: the input needs no gradient
    if (!dx)
        return;
    assert(dx->shape() == inputs[0]->shape() && dOut.shape() == out.shape());
    const std::vector<int32_t> &argmax = saved.indices;
    assert(argmax.size() == size_t(dOut.size()) && "backward needs the argmax of this forward");
    (void)inputs;
    (void)out;
    const int64_t inPlane = dx->dim(2) * dx->dim(3), outPlane = dOut.dim(2) * dOut.dim(3);
    forEachPlane(dOut.dim(0) * dOut.dim(1), 2.0 * double(outPlane), [&](int64_t plane) {
        maxPoolPlaneBackward(dx->data() + plane * inPlane, dOut.data() + plane * outPlane,
                             argmax.data() + plane * outPlane, outPlane);
    });
}

} // namespace nn
