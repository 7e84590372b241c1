// MaxPool2D: each window's maximum and where it was, in vectorized passes along the output rows.
#include "maxpoollayer.h"

#include "nn/registry.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

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

#if defined(__AVX512F__)
// A plane pooled by 2×2 windows with stride 2 and no padding (the CNN's), with AVX-512. The loop
// GCC makes of maxPoolPairs runs the CNN's rows of 14 and 7 outputs mostly one by one: here each
// row takes one step per 16 outputs, its 32 upper and 32 lower inputs loaded under a mask at the
// row's end and split into even and odd columns. The selects are windowMax's, in its order. Returns
// false when a window holds a NaN (the caller then takes maxPoolPlaneForwardWithNaN), which also
// spares the pass over the plane that looks for one.
bool maxPoolPlaneTwoByTwo(float *out, int32_t *argmax, const float *x, const PoolPlane &p)
{
    const auto width = static_cast<int32_t>(p.width), outWidth = static_cast<int32_t>(p.outWidth);
    const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
    const __m512i right = _mm512_set1_epi32(1), below = _mm512_set1_epi32(width),
                  belowRight = _mm512_set1_epi32(width + 1);
    const auto lanes = [](int32_t count) {
        return static_cast<__mmask16>(count >= 16 ? 0xFFFF : count <= 0 ? 0 : (1u << count) - 1);
    };
    __mmask16 nan = 0;
    for (int32_t oh = 0; oh < p.outHeight; ++oh, out += outWidth, argmax += outWidth) {
        const int32_t rowFirst = 2 * oh * width;
        for (int32_t o = 0; o < outWidth; o += 16) {
            const int32_t count = std::min(16, outWidth - o), first = rowFirst + 2 * o;
            const __mmask16 outputs = lanes(count), low = lanes(2 * count), high = lanes(2 * count - 16);
            const float *upper = x + first, *lower = upper + width;
            const __m512 upperLow = _mm512_maskz_loadu_ps(low, upper), upperHigh = _mm512_maskz_loadu_ps(high, upper + 16);
            const __m512 lowerLow = _mm512_maskz_loadu_ps(low, lower), lowerHigh = _mm512_maskz_loadu_ps(high, lower + 16);
            const __m512 a = _mm512_permutex2var_ps(upperLow, even, upperHigh);
            const __m512 b = _mm512_permutex2var_ps(upperLow, odd, upperHigh);
            const __m512 c = _mm512_permutex2var_ps(lowerLow, even, lowerHigh);
            const __m512 d = _mm512_permutex2var_ps(lowerLow, odd, lowerHigh);
            nan |= _mm512_mask_cmp_ps_mask(outputs, a, b, _CMP_UNORD_Q) | _mm512_mask_cmp_ps_mask(outputs, c, d, _CMP_UNORD_Q);
            const __m512i at = _mm512_add_epi32(_mm512_set1_epi32(first), even);
            __m512 best = a;
            __m512i bestAt = at;
            __mmask16 wins = _mm512_cmp_ps_mask(b, best, _CMP_GT_OQ);
            best = _mm512_mask_mov_ps(best, wins, b);
            bestAt = _mm512_mask_add_epi32(bestAt, wins, at, right);
            wins = _mm512_cmp_ps_mask(c, best, _CMP_GT_OQ);
            best = _mm512_mask_mov_ps(best, wins, c);
            bestAt = _mm512_mask_add_epi32(bestAt, wins, at, below);
            wins = _mm512_cmp_ps_mask(d, best, _CMP_GT_OQ);
            best = _mm512_mask_mov_ps(best, wins, d);
            bestAt = _mm512_mask_add_epi32(bestAt, wins, at, belowRight);
            _mm512_mask_storeu_ps(out + o, outputs, best);
            _mm512_mask_storeu_epi32(argmax + o, outputs, bestAt);
        }
    }
    return nan == 0;
}
#endif

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
    [[maybe_unused]] const bool twoByTwo = window_.kernel == 2 && window_.stride == 2 && window_.padding == 0;
    forEachPlane(x.dim(0) * x.dim(1), flopsPerPlane, [&](int64_t plane) {
        const float *image = x.data() + plane * inPlane;
        float *pooled = out.data() + plane * outPlane;
        int32_t *winners = argmax.data() + plane * outPlane;
#if defined(__AVX512F__)
        if (twoByTwo) {
            if (!maxPoolPlaneTwoByTwo(pooled, winners, image, p))
                maxPoolPlaneForwardWithNaN(pooled, winners, image, p);
            return;
        }
#endif
        // A NaN makes the (vectorized) sum NaN; infinities or an overflow also take the careful path,
        // which gives the same result for them.
        const bool hasNaN = !std::isfinite(ConstArrayMap(image, inPlane).sum());
        (hasNaN ? maxPoolPlaneForwardWithNaN : maxPoolPlaneForward)(pooled, winners, image, p);
    });
}

void MaxPoolLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                            Saved &saved,
                            const std::vector<Tensor *> &dInputs, const RunContext &ctx)
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
        float *dxPlane = dx->data() + plane * inPlane;
        if (ctx.overwriteInputGradient)  // zeroed here, a plane at a time, while it is in cache
            std::fill_n(dxPlane, inPlane, 0.0f);
        maxPoolPlaneBackward(dxPlane, dOut.data() + plane * outPlane, argmax.data() + plane * outPlane, outPlane);
    });
}

} // namespace nn
