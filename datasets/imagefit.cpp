// ImageFit: separable resampling through precomputed taps (source index, weight) per output row
// and column, over the part of the image that is kept and into the part of the output it fills.
#include "imagefit.h"

#include "nn/error.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

namespace datasets {

namespace {

using Taps = std::vector<std::vector<std::pair<int, float>>>;

// For each of `outputs` pixels, the source pixels in [start, start + length) of a line of `size`
// pixels that make it, with weights summing to 1.
Taps resampleTaps(double start, double length, int size, int outputs)
{
    Taps taps(static_cast<size_t>(outputs));
    const double ratio = length / outputs;
    const auto clamp = [size](int64_t i) { return static_cast<int>(std::clamp<int64_t>(i, 0, size - 1)); };
    for (int j = 0; j < outputs; ++j) {
        const double a = start + j * ratio, b = a + ratio;
        auto &line = taps[static_cast<size_t>(j)];
        if (ratio > 1.0) {  // shrinking: the average of the covered pixels, weighted by the overlap
            for (auto i = static_cast<int64_t>(std::floor(a)); i < static_cast<int64_t>(std::ceil(b)); ++i)
                line.emplace_back(clamp(i), static_cast<float>((std::min(b, i + 1.0) - std::max(a, double(i))) / ratio));
        } else {  // growing: bilinear between the two nearest pixel centres
            const double centre = (a + b) / 2.0 - 0.5;
            const auto i = static_cast<int64_t>(std::floor(centre));
            const auto t = static_cast<float>(centre - static_cast<double>(i));
            line.emplace_back(clamp(i), 1.0f - t);
            line.emplace_back(clamp(i + 1), t);
        }
    }
    return taps;
}

// One axis of the fit: which part of the image is read and which part of the output is filled.
struct Span {
    double sourceStart, sourceLength;
    int outputStart, outputLength;
};

std::pair<Span, Span> spans(int width, int height, int outWidth, int outHeight, ResizeMode mode)
{
    const double sx = double(outWidth) / width, sy = double(outHeight) / height;
    if (mode == ResizeMode::Stretch)
        return {{0.0, double(width), 0, outWidth}, {0.0, double(height), 0, outHeight}};
    if (mode == ResizeMode::Crop) {
        const double scale = std::max(sx, sy);
        const double keptWidth = outWidth / scale, keptHeight = outHeight / scale;
        return {{(width - keptWidth) / 2.0, keptWidth, 0, outWidth}, {(height - keptHeight) / 2.0, keptHeight, 0, outHeight}};
    }
    const double scale = std::min(sx, sy);
    const int filledWidth = std::clamp(static_cast<int>(std::lround(width * scale)), 1, outWidth);
    const int filledHeight = std::clamp(static_cast<int>(std::lround(height * scale)), 1, outHeight);
    return {{0.0, double(width), (outWidth - filledWidth) / 2, filledWidth},
            {0.0, double(height), (outHeight - filledHeight) / 2, filledHeight}};
}

} // namespace

ResizeMode ImageFit::modeFromName(const std::string &name)
{
    if (name == "stretch")
        return ResizeMode::Stretch;
    if (name == "crop")
        return ResizeMode::Crop;
    if (name == "pad")
        return ResizeMode::Pad;
    throw nn::SettingError("image_resize must be stretch, crop or pad, got '" + name + "'.");
}

void ImageFit::fit(const Image &image, int height, int width, ResizeMode mode, uint8_t *out)
{
    assert(image.width > 0 && image.height > 0 && height > 0 && width > 0);
    const int channels = image.channels;
    const auto [across, down] = spans(image.width, image.height, width, height, mode);
    const Taps columns = resampleTaps(across.sourceStart, across.sourceLength, image.width, across.outputLength);
    const Taps rows = resampleTaps(down.sourceStart, down.sourceLength, image.height, down.outputLength);
    const auto plane = static_cast<size_t>(height) * static_cast<size_t>(width);
    std::fill(out, out + plane * static_cast<size_t>(channels), uint8_t{0});
    std::vector<float> sums(static_cast<size_t>(channels));
    for (int y = 0; y < down.outputLength; ++y)
        for (int x = 0; x < across.outputLength; ++x) {
            std::fill(sums.begin(), sums.end(), 0.0f);
            for (const auto &[row, wy] : rows[static_cast<size_t>(y)])
                for (const auto &[column, wx] : columns[static_cast<size_t>(x)]) {
                    const uint8_t *pixel = image.pixels.data() + (static_cast<size_t>(row) * image.width + column) * channels;
                    for (int c = 0; c < channels; ++c)
                        sums[static_cast<size_t>(c)] += wy * wx * pixel[c];
                }
            const size_t at = static_cast<size_t>(y + down.outputStart) * width + static_cast<size_t>(x + across.outputStart);
            for (int c = 0; c < channels; ++c)
                out[plane * c + at] = static_cast<uint8_t>(std::clamp(std::lround(sums[static_cast<size_t>(c)]), 0L, 255L));
        }
}

} // namespace datasets
