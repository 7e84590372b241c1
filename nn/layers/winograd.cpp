// Winograd F(2×2, 3×3) transforms. With the interpolation points 0, 1, −1, ∞:
//   Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]   (input tile d, 4×4 → 4×4)
//   G  = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]               (filter g, 3×3 → 4×4)
//   Aᵀ = [1 1 1 0; 0 1 −1 −1]                          (product m, 4×4 → 2×2)
// y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A; the backward passes apply the transposed matrices in reverse order.
#include "winograd.h"

#include <algorithm>
#include <vector>

namespace nn {

namespace {

constexpr int kPoints = 16;  // 4×4 transformed values per tile

// The loops below vectorize across the tiles: they take restrict pointers (with 16 streams GCC
// would need more run-time alias checks than it makes) and their small loops unroll completely
// first (the pragmas), so that the loop over tiles is the innermost. Three of the four transforms
// run over all the tiles of a plane at once, not a row of tiles: a 14×14 image has rows of 7
// tiles, too few for a 16-wide vector, and its rows ran one tile at a time.

// Aᵀ·m·A for `count` tiles, point k of tile tx at in[k·stride + tx], into the two output rows of
// each, side by side: tile tx's four values at top[2tx], top[2tx + 1] and the same of bottom.
void outputRow(const float *__restrict in, int64_t stride, float *__restrict top, float *__restrict bottom,
               int64_t count)
{
    for (int64_t tx = 0; tx < count; ++tx) {
        float v[4][4];
        #pragma GCC unroll 16
        for (int k = 0; k < kPoints; ++k)
            v[k / 4][k % 4] = in[k * stride + tx];
        float r[2][4];  // Aᵀ·m
        #pragma GCC unroll 16
        for (int j = 0; j < 4; ++j) {
            r[0][j] = v[0][j] + v[1][j] + v[2][j];
            r[1][j] = v[1][j] - v[2][j] - v[3][j];
        }
        top[2 * tx] = r[0][0] + r[0][1] + r[0][2];  // (Aᵀ·m)·A
        top[2 * tx + 1] = r[0][1] - r[0][2] - r[0][3];
        bottom[2 * tx] = r[1][0] + r[1][1] + r[1][2];
        bottom[2 * tx + 1] = r[1][1] - r[1][2] - r[1][3];
    }
}

// r = A·g for one column of each of `count` tiles: g0 and g1 its two rows (every other value of
// them, from the first), r its four rows, each `count` long.
void columnA(const float *__restrict g0, const float *__restrict g1, float *__restrict r, int64_t count)
{
    float *__restrict r0 = r, *__restrict r1 = r0 + count, *__restrict r2 = r1 + count, *__restrict r3 = r2 + count;
    for (int64_t tx = 0; tx < count; ++tx) {
        const float a = g0[2 * tx], b = g1[2 * tx];
        r0[tx] = a;
        r1[tx] = a + b;
        r2[tx] = a - b;
        r3[tx] = -b;
    }
}

// o = (r0, r1)·Aᵀ for one row of each of `count` tiles: o's four values `stride` apart.
void rowA(const float *__restrict r0, const float *__restrict r1, float *__restrict o, int64_t stride, int64_t count)
{
    float *__restrict o0 = o, *__restrict o1 = o0 + stride, *__restrict o2 = o1 + stride, *__restrict o3 = o2 + stride;
    for (int64_t tx = 0; tx < count; ++tx) {
        const float a = r0[tx], b = r1[tx];
        o0[tx] = a;
        o1[tx] = a + b;
        o2[tx] = a - b;
        o3[tx] = -b;
    }
}

// A·dy·Aᵀ for `count` tiles from two rows of dy (2·count values each), point k of tile tx to
// out[k·stride + tx]; `scratch` holds 8·count values.
void outputRowBackward(const float *top, const float *bottom, float *out, int64_t stride, int64_t count,
                       float *scratch)
{
    float *left = scratch, *right = scratch + 4 * count;  // A·dy of each tile's two columns
    columnA(top, bottom, left, count);
    columnA(top + 1, bottom + 1, right, count);
    for (int i = 0; i < 4; ++i)
        rowA(left + i * count, right + i * count, out + 4 * i * stride, stride, count);
}

// (y0, y1, y2, y3) = B·(x0, x1, x2, x3) for `count` vectors stored side by side: the x at `in`, `inStep`
// apart, the y at `out`, `outStep` apart.
void applyB(const float *__restrict in, int64_t inStep, float *__restrict out, int64_t outStep, int64_t count)
{
    const float *__restrict x0 = in, *__restrict x1 = x0 + inStep, *__restrict x2 = x1 + inStep,
                            *__restrict x3 = x2 + inStep;
    float *__restrict y0 = out, *__restrict y1 = y0 + outStep, *__restrict y2 = y1 + outStep, *__restrict y3 = y2 + outStep;
    for (int64_t tx = 0; tx < count; ++tx) {
        y0[tx] = x0[tx];
        y1[tx] = x1[tx] - x2[tx] + x3[tx];
        y2[tx] = -x0[tx] + x1[tx] + x2[tx];
        y3[tx] = -x3[tx];
    }
}

// B·dV·Bᵀ for `count` tiles, point k of tile tx at in[k·stride + tx], into q: value (a, b)
// of tile tx at q[(4a + b)·count + tx]. `y` holds 16·count values: B applied to each row of dV first.
void inputRowBackward(const float *in, int64_t stride, float *q, float *y, int64_t count)
{
    for (int k = 0; k < 4; ++k)  // y[k][b] = B·(row k of dV)
        applyB(in + 4 * k * stride, stride, y + 4 * k * count, count, count);
    for (int b = 0; b < 4; ++b)  // q[a][b] = B·(column b of y)
        applyB(y + b * count, 4 * count, q + b * count, 4 * count, count);
}

} // namespace

WinogradTiles::WinogradTiles(const ConvGeometry &g, int64_t filters)
    : channels(g.channels),
      filters(filters),
      height(g.height),
      width(g.width),
      outHeight(g.outHeight),
      outWidth(g.outWidth),
      padBegin(g.padBegin),
      tilesHigh((g.outHeight + 1) / 2),
      tilesWide((g.outWidth + 1) / 2)
{
}

bool WinogradTiles::suits(const ConvGeometry &g, int64_t groups, int64_t filters)
{
    // Below 16 channels the 16 products are too thin (depth C) to beat one im2col product of depth 9·C.
    return g.kernel == 3 && g.stride == 1 && g.dilation == 1 && groups == 1 && g.channels >= 16 && filters >= 16;
}

void winogradWeights(const float *w, float *u, const WinogradTiles &t)
{
    const int64_t pairs = t.filters * t.channels;
    for (int64_t p = 0; p < pairs; ++p) {
        const float *g = w + p * 9;  // (3, 3)
        float rows[4][3];            // G·g
        for (int j = 0; j < 3; ++j) {
            rows[0][j] = g[j];
            rows[1][j] = 0.5f * (g[j] + g[3 + j] + g[6 + j]);
            rows[2][j] = 0.5f * (g[j] - g[3 + j] + g[6 + j]);
            rows[3][j] = g[6 + j];
        }
        for (int i = 0; i < 4; ++i) {  // (G·g)·Gᵀ
            const float *r = rows[i];
            u[(i * 4 + 0) * pairs + p] = r[0];
            u[(i * 4 + 1) * pairs + p] = 0.5f * (r[0] + r[1] + r[2]);
            u[(i * 4 + 2) * pairs + p] = 0.5f * (r[0] - r[1] + r[2]);
            u[(i * 4 + 3) * pairs + p] = r[2];
        }
    }
}

void winogradWeightsBackward(const float *dU, float *dw, const WinogradTiles &t)
{
    const int64_t pairs = t.filters * t.channels;
    for (int64_t p = 0; p < pairs; ++p) {
        float rows[4][3];  // dU·G
        for (int i = 0; i < 4; ++i) {
            const float d0 = dU[(i * 4 + 0) * pairs + p], d1 = dU[(i * 4 + 1) * pairs + p];
            const float d2 = dU[(i * 4 + 2) * pairs + p], d3 = dU[(i * 4 + 3) * pairs + p];
            rows[i][0] = d0 + 0.5f * (d1 + d2);
            rows[i][1] = 0.5f * (d1 - d2);
            rows[i][2] = 0.5f * (d1 + d2) + d3;
        }
        float *g = dw + p * 9;
        for (int j = 0; j < 3; ++j) {  // Gᵀ·(dU·G)
            g[j] += rows[0][j] + 0.5f * (rows[1][j] + rows[2][j]);
            g[3 + j] += 0.5f * (rows[1][j] - rows[2][j]);
            g[6 + j] += 0.5f * (rows[1][j] + rows[2][j]) + rows[3][j];
        }
    }
}

void winogradInput(const float *x, int64_t samples, float *v, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.channels * tiles;
    // A row of tiles reads 4 image rows and 2·tilesWide + 2 columns from −padBegin: Bᵀ runs over those
    // rows whole (rows in the padding read `zeros`; the padding's columns of `rows` are never written,
    // so they stay 0), then B over each row of tiles; both loops are branch-free and GCC vectorizes
    // them. The sums are those of Bᵀ·d·B tile by tile, zeros and all.
    const int64_t wide = 2 * t.tilesWide + 2;
    const int64_t firstColumn = std::max<int64_t>(t.padBegin, 0), lastColumn = std::min(wide, t.width + t.padBegin);
    const int64_t columns = lastColumn - firstColumn;
    std::vector<float> zeros(size_t(columns), 0.0f), rows(size_t(4 * wide), 0.0f);
    float *r0 = rows.data(), *r1 = r0 + wide, *r2 = r1 + wide, *r3 = r2 + wide;
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t c = 0; c < t.channels; ++c) {
            const float *image = x + (s * t.channels + c) * t.height * t.width + (firstColumn - t.padBegin);
            const auto row = [&](int64_t h) { return h >= 0 && h < t.height ? image + h * t.width : zeros.data(); };
            float *out = v + c * tiles + s * t.perSample();
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty, out += t.tilesWide) {
                const int64_t top = 2 * ty - t.padBegin;
                const float *d0 = row(top), *d1 = row(top + 1), *d2 = row(top + 2), *d3 = row(top + 3);
                for (int64_t w = 0; w < columns; ++w) {  // Bᵀ·d, every column at once
                    r0[firstColumn + w] = d0[w] - d2[w];
                    r1[firstColumn + w] = d1[w] + d2[w];
                    r2[firstColumn + w] = d2[w] - d1[w];
                    r3[firstColumn + w] = d1[w] - d3[w];
                }
                for (int i = 0; i < 4; ++i) {  // (Bᵀ·d)·B, row i of every tile of the row
                    const float *r = rows.data() + i * wide;
                    float *o0 = out + (i * 4) * planeStride, *o1 = o0 + planeStride, *o2 = o1 + planeStride,
                          *o3 = o2 + planeStride;
                    for (int64_t tx = 0; tx < t.tilesWide; ++tx) {
                        const float a = r[2 * tx], b = r[2 * tx + 1], e = r[2 * tx + 2], f = r[2 * tx + 3];
                        o0[tx] = a - e;
                        o1[tx] = b + e;
                        o2[tx] = e - b;
                        o3[tx] = b - f;
                    }
                }
            }
        }
}

void winogradInputBackward(const float *dV, int64_t samples, float *dx, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.channels * tiles;
    // B·dV·Bᵀ of all the plane's tiles at once (q: 16 values per tile, tile-minor; a loop over the
    // plane's tiles, which GCC vectorizes even when a row has only a few), then added into the
    // padded plane row of tiles by row of tiles. Tiles overlap by two rows and columns and add in
    // tile order, as one tile at a time would: the rows of tile row ty before those of ty + 1, and in
    // each row first every tile's right half (columns 2tx + 2, 2tx + 3) and then every left half, so
    // that a pixel gets tile tx − 1's share before tile tx's.
    const int64_t high = 2 * t.tilesHigh + 2, wide = 2 * t.tilesWide + 2, across = t.tilesWide, count = t.perSample();
    std::vector<float> padded(size_t(high * wide)), q(size_t(kPoints * count)), y(size_t(kPoints * count));
    const int64_t firstRow = std::max<int64_t>(t.padBegin, 0), lastRow = std::min(high, t.height + t.padBegin);
    const int64_t firstColumn = std::max<int64_t>(t.padBegin, 0), lastColumn = std::min(wide, t.width + t.padBegin);
    const auto image = [&](float *plane, int64_t h) { return plane + (h - t.padBegin) * t.width + (firstColumn - t.padBegin); };
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t c = 0; c < t.channels; ++c) {
            float *plane = dx + (s * t.channels + c) * t.height * t.width;
            std::fill(padded.begin(), padded.end(), 0.0f);
            for (int64_t h = firstRow; h < lastRow; ++h)
                std::copy(image(plane, h), image(plane, h) + (lastColumn - firstColumn), padded.data() + h * wide + firstColumn);
            inputRowBackward(dV + c * tiles + s * count, planeStride, q.data(), y.data(), count);
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty)
                for (int a = 0; a < 4; ++a) {
                    float *row = padded.data() + (2 * ty + a) * wide;
                    const float *q0 = q.data() + (a * 4) * count + ty * across, *q1 = q0 + count, *q2 = q1 + count,
                                *q3 = q2 + count;
                    for (int64_t tx = 0; tx < across; ++tx) {
                        row[2 * tx + 2] += q2[tx];
                        row[2 * tx + 3] += q3[tx];
                    }
                    for (int64_t tx = 0; tx < across; ++tx) {
                        row[2 * tx] += q0[tx];
                        row[2 * tx + 1] += q1[tx];
                    }
                }
            for (int64_t h = firstRow; h < lastRow; ++h)
                std::copy(padded.data() + h * wide + firstColumn, padded.data() + h * wide + lastColumn, image(plane, h));
        }
}

void winogradOutput(const float *m, int64_t samples, float *y, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.filters * tiles, count = t.perSample();
    // Aᵀ·m·A for all the plane's tiles at once (a loop over the plane's tiles that GCC vectorizes,
    // even when a row has only a few) into the two output rows of each row of tiles, side by side,
    // then the rows cut to H'×W'. The sums are those of the tile-by-tile formula.
    const int64_t wide = 2 * t.tilesWide;
    std::vector<float> rows(size_t(2 * wide * t.tilesHigh));
    float *top = rows.data(), *bottom = top + wide * t.tilesHigh;  // row ty of each at ty·wide
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t f = 0; f < t.filters; ++f) {
            float *plane = y + (s * t.filters + f) * t.outHeight * t.outWidth;
            outputRow(m + f * tiles + s * count, planeStride, top, bottom, count);
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty) {
                float *y0 = plane + 2 * ty * t.outWidth;
                std::copy(top + ty * wide, top + ty * wide + t.outWidth, y0);
                if (2 * ty + 1 < t.outHeight)
                    std::copy(bottom + ty * wide, bottom + ty * wide + t.outWidth, y0 + t.outWidth);
            }
        }
}

void winogradOutputBackward(const float *dy, int64_t samples, float *dM, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.filters * tiles, count = t.perSample();
    // A·dy·Aᵀ for all the plane's tiles at once (a loop over the plane's tiles that GCC vectorizes,
    // even when a row has only a few), from the two rows of dy each row of tiles reads, side by side
    // and zero-extended to 2·tilesWide: zeros past H'×W', as the tile-by-tile formula reads them.
    const int64_t wide = 2 * t.tilesWide;
    std::vector<float> rows(size_t(2 * wide * t.tilesHigh), 0.0f), scratch(size_t(8 * count));
    float *top = rows.data(), *bottom = top + wide * t.tilesHigh;  // row ty of each at ty·wide
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t f = 0; f < t.filters; ++f) {
            const float *plane = dy + (s * t.filters + f) * t.outHeight * t.outWidth;
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty) {
                const float *g0 = plane + 2 * ty * t.outWidth;
                std::copy(g0, g0 + t.outWidth, top + ty * wide);
                if (2 * ty + 1 < t.outHeight)
                    std::copy(g0 + t.outWidth, g0 + 2 * t.outWidth, bottom + ty * wide);
            }
            outputRowBackward(top, bottom, dM + f * tiles + s * count, planeStride, count, scratch.data());
        }
}

} // namespace nn
