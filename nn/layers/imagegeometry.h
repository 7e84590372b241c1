// Image geometry shared by the pooling and upsampling layers: the [N, C, H, W] check, the pooling
// window's output sizes and settings, and the per-plane parallel loop they all run in.
#pragma once

#include "nn/layer.h"
#include "nn/parallel.h"

#include <algorithm>
#include <string>
#include <vector>

namespace nn {

// Throws ShapeError unless `in` is [N, C, H, W]; the message suggests a Reshape that makes it one.
void requireImages(const std::string &kind, const Shape &in);

// A square k×k window moved by `stride` over an image with `padding` added on every side. Output
// sizes are floor((H + 2p − k) / s) + 1, PyTorch's pooling with ceil_mode off.
struct PoolWindow {
    int64_t kernel = 2;
    int64_t stride = 2;
    int64_t padding = 0;

    // kernel_size, stride (0: the kernel size) and padding, as MaxPool2D and AvgPool2D declare them.
    static std::vector<SettingSpec> settingSpecs();
    static PoolWindow fromSettings(const Settings &settings);

    int64_t outputSize(int64_t inputSize) const { return (inputSize + 2 * padding - kernel) / stride + 1; }
    // [N, C, Ho, Wo] for images `in`. Throws ShapeError naming `kind` when `in` is not an image,
    // when the padding exceeds kernel_size / 2 (PyTorch's limit) or when the window does not fit.
    Shape outputShape(const std::string &kind, const Shape &in) const;

    // Output index o's window along one axis of `size`, clipped to the image: [begin, end). The
    // padding limit and the fit check keep it non-empty.
    int64_t begin(int64_t o) const { return std::max<int64_t>(o * stride - padding, 0); }
    int64_t end(int64_t o, int64_t size) const { return std::min(o * stride - padding + kernel, size); }
};

// One (H, W) plane pooled to (Ho, Wo), and the outputs of each row whose windows lie wholly inside
// the image's columns: those take a fast path of whole-row passes, the rest (padding) a clipped one.
struct PoolPlane {
    PoolPlane(const PoolWindow &window, int64_t height, int64_t width, int64_t outHeight, int64_t outWidth);

    bool isInterior(int64_t ow) const { return ow >= interiorBegin && ow < interiorEnd; }

    // Calls pass(first, isFirst) for each position (h, w) of the windows of an output row whose
    // rows are [rowBegin, rowEnd), in row-major order; there the row's interior output i (output
    // interiorBegin + i) sees x[first + i·stride]. isFirst is true for the first position only.
    template <typename Pass>
    void forEachWindowPosition(int64_t rowBegin, int64_t rowEnd, const Pass &pass) const
    {
        for (int64_t h = rowBegin; h < rowEnd; ++h)
            for (int64_t w = 0; w < window.kernel; ++w)
                pass(h * width + interiorBegin * window.stride - window.padding + w, h == rowBegin && w == 0);
    }

    PoolWindow window;
    int64_t height, width, outHeight, outWidth;
    int64_t interiorBegin, interiorEnd;  // [begin, end) of a row's outputs; begin ≤ end ≤ Wo
};

// A chunk of planes does about this much work: enough to be worth a thread's wake-up.
inline constexpr double kPlaneChunkFlops = 65536.0;

// Calls body(plane) for every plane in [0, planes), in fixed chunks of whole planes whose size
// follows from one plane's cost alone (never the thread count), so results are bitwise the same
// on any number of threads. Each plane must write only its own outputs.
template <typename Body>
void forEachPlane(int64_t planes, double flopsPerPlane, const Body &body)
{
    flopsPerPlane = std::max(flopsPerPlane, 1.0);
    const auto grain = std::max<int64_t>(1, static_cast<int64_t>(kPlaneChunkFlops / flopsPerPlane));
    parallelChunks(planes, grain, flopsPerPlane * double(planes), [&](int64_t begin, int64_t end) {
        for (int64_t plane = begin; plane < end; ++plane)
            body(plane);
    });
}

} // namespace nn
