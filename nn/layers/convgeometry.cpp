// im2col and col2im: one pass over each (channel, ki, kj) row, with the in-image span of every
// output row computed once so the inner loops are plain copies (stride 1) or strided gathers.
#include "convgeometry.h"

#include <algorithm>
#include <cstring>

namespace nn {

namespace {

// The output columns [begin, end) whose tap at column offset `shift` (= kj·dilation − padBegin)
// lands inside an image row of `width`: 0 ≤ ow·stride + shift < width.
struct Span {
    int64_t begin, end;
};

Span insideSpan(int64_t shift, int64_t stride, int64_t width, int64_t outWidth)
{
    const int64_t begin = shift >= 0 ? 0 : (-shift + stride - 1) / stride;
    const int64_t end = width - shift <= 0 ? 0 : (width - shift - 1) / stride + 1;
    return {std::min(begin, outWidth), std::clamp(end, std::min(begin, outWidth), outWidth)};
}

// Calls row(c, ki, kj, colRow) for every row of the column matrix.
template <typename Row>
void forEachColRow(const ConvGeometry &g, const Row &row)
{
    int64_t r = 0;
    for (int64_t c = 0; c < g.channels; ++c)
        for (int64_t ki = 0; ki < g.kernel; ++ki)
            for (int64_t kj = 0; kj < g.kernel; ++kj, ++r)
                row(c, ki, kj, r);
}

} // namespace

int64_t convOutputSize(int64_t size, int64_t kernel, int64_t stride, int64_t dilation, int64_t padding)
{
    const int64_t span = size + padding - dilation * (kernel - 1) - 1;
    return span < 0 ? 0 : span / stride + 1;
}

void im2col(const float *image, float *col, const ConvGeometry &g, int64_t colStride)
{
    forEachColRow(g, [&](int64_t c, int64_t ki, int64_t kj, int64_t r) {
        const int64_t shift = kj * g.dilation - g.padBegin;
        const Span span = insideSpan(shift, g.stride, g.width, g.outWidth);
        float *dst = col + r * colStride;  // (outHeight, outWidth)
        for (int64_t oh = 0; oh < g.outHeight; ++oh, dst += g.outWidth) {
            const int64_t ih = oh * g.stride - g.padBegin + ki * g.dilation;
            if (ih < 0 || ih >= g.height) {
                std::fill(dst, dst + g.outWidth, 0.0f);
                continue;
            }
            const float *src = image + (c * g.height + ih) * g.width;  // the tap of ow is src[ow·stride + shift]
            std::fill(dst, dst + span.begin, 0.0f);
            if (g.stride == 1)
                std::memcpy(dst + span.begin, src + span.begin + shift, size_t(span.end - span.begin) * sizeof(float));
            else
                for (int64_t ow = span.begin; ow < span.end; ++ow)
                    dst[ow] = src[ow * g.stride + shift];
            std::fill(dst + span.end, dst + g.outWidth, 0.0f);
        }
    });
}

void col2imAdd(const float *col, float *image, const ConvGeometry &g, int64_t colStride)
{
    forEachColRow(g, [&](int64_t c, int64_t ki, int64_t kj, int64_t r) {
        const int64_t shift = kj * g.dilation - g.padBegin;
        const Span span = insideSpan(shift, g.stride, g.width, g.outWidth);
        const float *src = col + r * colStride;  // (outHeight, outWidth)
        for (int64_t oh = 0; oh < g.outHeight; ++oh, src += g.outWidth) {
            const int64_t ih = oh * g.stride - g.padBegin + ki * g.dilation;
            if (ih < 0 || ih >= g.height)
                continue;
            float *dst = image + (c * g.height + ih) * g.width;
            if (g.stride == 1)
                for (int64_t ow = span.begin; ow < span.end; ++ow)
                    dst[ow + shift] += src[ow];
            else
                for (int64_t ow = span.begin; ow < span.end; ++ow)
                    dst[ow * g.stride + shift] += src[ow];
        }
    });
}

} // namespace nn
