// Image geometry: shape checks with messages that say which Reshape or setting makes the shapes fit.
#include "imagegeometry.h"

#include "nn/error.h"

#include <cmath>

namespace nn {

namespace {

// s when n = s², else 0.
int64_t exactSquareRoot(int64_t n)
{
    auto root = static_cast<int64_t>(std::llround(std::sqrt(double(n))));
    return root > 0 && root * root == n ? root : 0;
}

std::string dims(const std::vector<int64_t> &values)
{
    std::string text = "[";
    for (size_t i = 0; i < values.size(); ++i)
        text += (i > 0 ? ", " : "") + std::to_string(values[i]);
    return text + "]";
}

// The Reshape target that turns samples of shape in[1:] into [C, H, W]: a square grey or RGB
// image for flat samples, one channel for [H, W], leading dims merged into channels for more.
std::string reshapeTarget(const Shape &in)
{
    if (in.size() == 2) {
        const int64_t features = in[1];
        if (const int64_t side = exactSquareRoot(features))
            return dims({1, side, side});
        if (const int64_t side = features % 3 == 0 ? exactSquareRoot(features / 3) : 0)
            return dims({3, side, side});
        return "[C, H, W] with C·H·W = " + std::to_string(features);
    }
    if (in.size() == 3)
        return dims({1, in[1], in[2]});
    if (in.size() > 4) {
        int64_t channels = 1;
        for (size_t d = 1; d + 2 < in.size(); ++d)
            channels *= in[d];
        return dims({channels, in[in.size() - 2], in.back()});
    }
    return "[C, H, W]";
}

} // namespace

void requireImages(const std::string &kind, const Shape &in)
{
    if (in.size() != 4)
        throw ShapeError(kind + " expects images [N, C, H, W] but got " + toString(in) + "; add a Reshape to " +
                         reshapeTarget(in) + " before it.");
}

std::vector<SettingSpec> PoolWindow::settingSpecs()
{
    return {
        SettingSpec::integer("kernel_size", 2, 1, 64, "Side of the square window each output looks at: 2 or 3"),
        SettingSpec::integer("stride", 0, 0, 64,
                             "Step between windows; 0 means the kernel size, so windows do not overlap"),
        SettingSpec::integer("padding", 0, 0, 32,
                             "Border added on every side of the image, at most kernel_size / 2"),
    };
}

PoolWindow PoolWindow::fromSettings(const Settings &settings)
{
    PoolWindow window;
    window.kernel = settings.integer("kernel_size");
    const int64_t stride = settings.integer("stride");
    window.stride = stride == 0 ? window.kernel : stride;
    window.padding = settings.integer("padding");
    return window;
}

Shape PoolWindow::outputShape(const std::string &kind, const Shape &in) const
{
    requireImages(kind, in);
    if (2 * padding > kernel)
        throw ShapeError(kind + "'s padding " + std::to_string(padding) + " is more than half its kernel_size " +
                         std::to_string(kernel) + "; use padding " + std::to_string(kernel / 2) +
                         " or less, or a larger kernel_size.");
    const int64_t height = in[2], width = in[3];
    if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
        const std::string padded = padding == 0 ? std::string()
                                                : " even padded to " + std::to_string(height + 2 * padding) +
                                                      "×" + std::to_string(width + 2 * padding);
        throw ShapeError(kind + "'s " + std::to_string(kernel) + "×" + std::to_string(kernel) +
                         " window does not fit in the " + std::to_string(height) + "×" + std::to_string(width) +
                         " input " + toString(in) + padded + "; use a smaller kernel_size or more padding.");
    }
    return {in[0], in[1], outputSize(height), outputSize(width)};
}

PoolPlane::PoolPlane(const PoolWindow &window, int64_t height, int64_t width, int64_t outHeight, int64_t outWidth)
    : window(window), height(height), width(width), outHeight(outHeight), outWidth(outWidth)
{
    // Output ow's window is inside when ow·s − p ≥ 0 and ow·s − p + k ≤ W.
    interiorBegin = std::min((window.padding + window.stride - 1) / window.stride, outWidth);
    const int64_t last = width + window.padding - window.kernel;  // the last inside window's ow·s
    interiorEnd = last < 0 ? interiorBegin : std::clamp(last / window.stride + 1, interiorBegin, outWidth);
}

} // namespace nn
