// The filter tiles: one pixel per weight, drawn with the symmetric scale of filtergrid.h.
#include "views/inside/filtergrid.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace filtergrid {

QColor gapColor() { return QColor(0xcf, 0xe0, 0xf5); }

float colorScale(const nn::Tensor &weight)
{
    const float largest = weight.size() > 0 ? weight.array().abs().maxCoeff() : 0.0f;
    return largest > 0.0f && std::isfinite(largest) ? largest : 1.0f;
}

int level(float w, float scale)
{
    if (!std::isfinite(w))
        return w > 0 ? 255 : 0;
    return std::clamp(static_cast<int>(std::lround(127.5 + 127.5 * double(w) / double(scale))), 0, 255);
}

bool isRgb(const nn::Shape &shape) { return shape[1] == 3; }

int columnsFor(int64_t filters) { return std::max(1, static_cast<int>(std::ceil(std::sqrt(2.0 * double(filters))))); }

QPoint pixelOf(const nn::Shape &shape, int64_t filter, int64_t channel, int64_t y, int64_t x)
{
    const int64_t height = shape[2], width = shape[3];
    if (isRgb(shape)) {
        const int columns = columnsFor(shape[0]);
        return {int((filter % columns) * (width + 1) + 1 + x), int((filter / columns) * (height + 1) + 1 + y)};
    }
    return {int(channel * (width + 1) + 1 + x), int(filter * (height + 1) + 1 + y)};
}

QImage render(const nn::Tensor &weight)
{
    const nn::Shape &shape = weight.shape();
    assert(shape.size() == 4);
    const int64_t filters = shape[0], channels = shape[1], height = shape[2], width = shape[3];
    const bool rgb = isRgb(shape);
    const int64_t across = rgb ? columnsFor(filters) : channels, down = rgb ? (filters + across - 1) / across : filters;
    QImage image(int(across * (width + 1) + 1), int(down * (height + 1) + 1), QImage::Format_RGB32);
    image.fill(gapColor());
    const float scale = colorScale(weight);
    const auto at = [&](int64_t f, int64_t c, int64_t y, int64_t x) {
        return level(weight[((f * channels + c) * height + y) * width + x], scale);
    };
    for (int64_t f = 0; f < filters; ++f)
        for (int64_t y = 0; y < height; ++y)
            for (int64_t x = 0; x < width; ++x) {
                if (rgb) {
                    image.setPixel(pixelOf(shape, f, 0, y, x), qRgb(at(f, 0, y, x), at(f, 1, y, x), at(f, 2, y, x)));
                    continue;
                }
                for (int64_t c = 0; c < channels; ++c) {
                    const int grey = at(f, c, y, x);
                    image.setPixel(pixelOf(shape, f, c, y, x), qRgb(grey, grey, grey));
                }
            }
    return image;
}

} // namespace filtergrid
