// Winograd F(2×2, 3×3) transforms. With the interpolation points 0, 1, −1, ∞:
//   Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]   (input tile d, 4×4 → 4×4)
//   G  = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]               (filter g, 3×3 → 4×4)
//   Aᵀ = [1 1 1 0; 0 1 −1 −1]                          (product m, 4×4 → 2×2)
// y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A; the backward passes apply the transposed matrices in reverse order.
#include "winograd.h"

#include <algorithm>

namespace nn {

namespace {

constexpr int kPoints = 16;  // 4×4 transformed values per tile

// r (4 rows of n) = Bᵀ·d for 4 rows d of n values; used on rows, then on columns.
template <int N>
inline void inputRows(const float (&d)[4][N], float (&r)[4][N])
{
    for (int j = 0; j < N; ++j) {
        r[0][j] = d[0][j] - d[2][j];
        r[1][j] = d[1][j] + d[2][j];
        r[2][j] = d[2][j] - d[1][j];
        r[3][j] = d[1][j] - d[3][j];
    }
}

// r = B·d: the transpose of inputRows.
inline void inputRowsBackward(const float (&d)[4][4], float (&r)[4][4])
{
    for (int j = 0; j < 4; ++j) {
        r[0][j] = d[0][j];
        r[1][j] = d[1][j] - d[2][j] + d[3][j];
        r[2][j] = -d[0][j] + d[1][j] + d[2][j];
        r[3][j] = -d[3][j];
    }
}

template <typename T>
inline void transpose4(const T (&a)[4][4], T (&b)[4][4])
{
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            b[j][i] = a[i][j];
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
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t c = 0; c < t.channels; ++c) {
            const float *image = x + (s * t.channels + c) * t.height * t.width;
            float *out = v + c * tiles + s * t.perSample();
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty)
                for (int64_t tx = 0; tx < t.tilesWide; ++tx, ++out) {
                    const int64_t top = 2 * ty - t.padBegin, left = 2 * tx - t.padBegin;
                    float d[4][4];
                    for (int i = 0; i < 4; ++i)
                        for (int j = 0; j < 4; ++j) {
                            const int64_t h = top + i, w = left + j;
                            d[i][j] = h >= 0 && h < t.height && w >= 0 && w < t.width ? image[h * t.width + w] : 0.0f;
                        }
                    float r[4][4], rt[4][4], vt[4][4];
                    inputRows(d, r);      // Bᵀ·d
                    transpose4(r, rt);
                    inputRows(rt, vt);    // Bᵀ·(Bᵀ·d)ᵀ = (Bᵀ·d·B)ᵀ
                    for (int i = 0; i < 4; ++i)
                        for (int j = 0; j < 4; ++j)
                            out[(i * 4 + j) * planeStride] = vt[j][i];
                }
        }
}

void winogradInputBackward(const float *dV, int64_t samples, float *dx, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.channels * tiles;
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t c = 0; c < t.channels; ++c) {
            float *image = dx + (s * t.channels + c) * t.height * t.width;
            const float *in = dV + c * tiles + s * t.perSample();
            // Tiles overlap by two rows and columns; they add in tile order, the same on any thread count.
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty)
                for (int64_t tx = 0; tx < t.tilesWide; ++tx, ++in) {
                    float d[4][4], r[4][4], rt[4][4], dd[4][4];
                    for (int i = 0; i < 4; ++i)
                        for (int j = 0; j < 4; ++j)
                            d[j][i] = in[(i * 4 + j) * planeStride];  // dVᵀ
                    inputRowsBackward(d, r);   // B·dVᵀ
                    transpose4(r, rt);         // dV·Bᵀ
                    inputRowsBackward(rt, dd);  // B·dV·Bᵀ
                    const int64_t top = 2 * ty - t.padBegin, left = 2 * tx - t.padBegin;
                    for (int i = 0; i < 4; ++i) {
                        const int64_t h = top + i;
                        if (h < 0 || h >= t.height)
                            continue;
                        for (int j = 0; j < 4; ++j) {
                            const int64_t w = left + j;
                            if (w >= 0 && w < t.width)
                                image[h * t.width + w] += dd[i][j];
                        }
                    }
                }
        }
}

void winogradOutput(const float *m, int64_t samples, float *y, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.filters * tiles;
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t f = 0; f < t.filters; ++f) {
            float *plane = y + (s * t.filters + f) * t.outHeight * t.outWidth;
            const float *in = m + f * tiles + s * t.perSample();
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty)
                for (int64_t tx = 0; tx < t.tilesWide; ++tx, ++in) {
                    float v[4][4];
                    for (int k = 0; k < kPoints; ++k)
                        v[k / 4][k % 4] = in[k * planeStride];
                    float r[2][4];  // Aᵀ·m
                    for (int j = 0; j < 4; ++j) {
                        r[0][j] = v[0][j] + v[1][j] + v[2][j];
                        r[1][j] = v[1][j] - v[2][j] - v[3][j];
                    }
                    for (int i = 0; i < 2; ++i) {  // (Aᵀ·m)·A
                        const int64_t h = 2 * ty + i;
                        if (h >= t.outHeight)
                            continue;
                        const float out[2] = {r[i][0] + r[i][1] + r[i][2], r[i][1] - r[i][2] - r[i][3]};
                        for (int j = 0; j < 2; ++j)
                            if (2 * tx + j < t.outWidth)
                                plane[h * t.outWidth + 2 * tx + j] = out[j];
                    }
                }
        }
}

void winogradOutputBackward(const float *dy, int64_t samples, float *dM, const WinogradTiles &t)
{
    const int64_t tiles = samples * t.perSample(), planeStride = t.filters * tiles;
    for (int64_t s = 0; s < samples; ++s)
        for (int64_t f = 0; f < t.filters; ++f) {
            const float *plane = dy + (s * t.filters + f) * t.outHeight * t.outWidth;
            float *out = dM + f * tiles + s * t.perSample();
            for (int64_t ty = 0; ty < t.tilesHigh; ++ty)
                for (int64_t tx = 0; tx < t.tilesWide; ++tx, ++out) {
                    float g[2][2];
                    for (int i = 0; i < 2; ++i)
                        for (int j = 0; j < 2; ++j) {
                            const int64_t h = 2 * ty + i, w = 2 * tx + j;
                            g[i][j] = h < t.outHeight && w < t.outWidth ? plane[h * t.outWidth + w] : 0.0f;
                        }
                    float r[4][2];  // A·dy
                    for (int j = 0; j < 2; ++j) {
                        r[0][j] = g[0][j];
                        r[1][j] = g[0][j] + g[1][j];
                        r[2][j] = g[0][j] - g[1][j];
                        r[3][j] = -g[1][j];
                    }
                    for (int i = 0; i < 4; ++i) {  // (A·dy)·Aᵀ
                        out[(i * 4 + 0) * planeStride] = r[i][0];
                        out[(i * 4 + 1) * planeStride] = r[i][0] + r[i][1];
                        out[(i * 4 + 2) * planeStride] = r[i][0] - r[i][1];
                        out[(i * 4 + 3) * planeStride] = -r[i][1];
                    }
                }
        }
}

} // namespace nn
