// The geometry shared by Conv2D and ConvTranspose2D: where each kernel tap of each output position
// reads in the image, and the im2col / col2im twins that turn a convolution into a matrix product.
#pragma once

#include <cstdint>

namespace nn {

// One image (channels × height × width) seen through a square kernel: output position (oh, ow)
// with tap (ki, kj) reads image row oh·stride − padBegin + ki·dilation (and likewise for columns);
// taps that land in the padding read zero. Padding after the image only shapes outHeight/outWidth.
struct ConvGeometry {
    int64_t channels = 1;
    int64_t height = 1, width = 1;  // the image
    int64_t kernel = 1, stride = 1, dilation = 1;
    int64_t padBegin = 0;                 // top and left
    int64_t outHeight = 1, outWidth = 1;  // the positions the kernel visits

    // The column matrix is (channels·kernel², outHeight·outWidth), one row per (channel, ki, kj).
    int64_t colRows() const { return channels * kernel * kernel; }
    int64_t colCols() const { return outHeight * outWidth; }
    int64_t imageSize() const { return channels * height * width; }
    // A 1×1 kernel with stride 1 and no padding reads the image as it is: no copy needed.
    bool isIdentity() const
    {
        return kernel == 1 && stride == 1 && padBegin == 0 && outHeight == height && outWidth == width;
    }
};

// Visited positions along one axis: floor((size + padding − dilation·(kernel − 1) − 1) / stride) + 1,
// or 0 or less when the kernel does not fit.
int64_t convOutputSize(int64_t size, int64_t kernel, int64_t stride, int64_t dilation, int64_t padding);

// col (colRows, colCols) = the image's values under every tap of every output position. With a
// `colStride` (≥ colCols) between col's rows, the columns of several images sit side by side in one
// wider matrix, so that one product serves a batch of samples.
void im2col(const float *image, float *col, const ConvGeometry &g, int64_t colStride);
inline void im2col(const float *image, float *col, const ConvGeometry &g) { im2col(image, col, g, g.colCols()); }
// image += col folded back: each tap's value added where im2col read it. The gradient of im2col.
void col2imAdd(const float *col, float *image, const ConvGeometry &g, int64_t colStride);
inline void col2imAdd(const float *col, float *image, const ConvGeometry &g) { col2imAdd(col, image, g, g.colCols()); }

} // namespace nn
