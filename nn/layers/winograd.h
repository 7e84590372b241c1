// Winograd F(2×2, 3×3): a 3×3, stride-1 convolution as 16 matrix products over 4×4 input tiles, each
// giving a 2×2 output tile for 16 multiplies per channel pair instead of 36 (Lavin & Gray, 2015).
// The backward passes are the exact gradients of the same algorithm.
#pragma once

#include "convgeometry.h"

#include <cstdint>

namespace nn {

// Where a Winograd convolution's tiles lie: output tile (ty, tx) covers outputs (2ty…2ty+1,
// 2tx…2tx+1) and reads the 4×4 input patch at (2ty − padBegin, 2tx − padBegin), zeros outside.
// Transformed values are ξ-major: a chunk of T tiles holds V (16, C, T), M (16, F, T), U (16, F, C).
struct WinogradTiles {
    int64_t channels = 1, filters = 1;  // C and F (one group)
    int64_t height = 1, width = 1, outHeight = 1, outWidth = 1, padBegin = 0;
    int64_t tilesHigh = 1, tilesWide = 1;

    WinogradTiles(const ConvGeometry &g, int64_t filters);
    int64_t perSample() const { return tilesHigh * tilesWide; }
    // Whether a convolution runs faster this way: a 3×3 kernel, stride and dilation 1, and enough
    // channels and filters for the 16 products to be worth their transforms.
    static bool suits(const ConvGeometry &g, int64_t groups, int64_t filters);
};

// U (16, F, C) = G·w·Gᵀ for each filter and channel of w (F, C, 3, 3).
void winogradWeights(const float *w, float *u, const WinogradTiles &t);
// dw (F, C, 3, 3) += Gᵀ·dU·G: the weight gradient from dU (16, F, C).
void winogradWeightsBackward(const float *dU, float *dw, const WinogradTiles &t);
// V (16, C, samples·perSample) = Bᵀ·d·B for every 4×4 patch d of `samples` images x (samples, C, H, W).
void winogradInput(const float *x, int64_t samples, float *v, const WinogradTiles &t);
// dx (samples, C, H, W) += B·dV·Bᵀ of each tile, folded back where winogradInput read it.
void winogradInputBackward(const float *dV, int64_t samples, float *dx, const WinogradTiles &t);
// y (samples, F, H', W') = Aᵀ·m·A of each tile of M (16, F, samples·perSample), cut to H'×W'.
void winogradOutput(const float *m, int64_t samples, float *y, const WinogradTiles &t);
// dM (16, F, samples·perSample) = A·dy·Aᵀ of each 2×2 tile of dy (samples, F, H', W'), zeros past H'×W'.
void winogradOutputBackward(const float *dy, int64_t samples, float *dM, const WinogradTiles &t);

} // namespace nn
