// Feature maps as tiles: the colour scales and the tile layout.
#include "views/inside/featuremaptiles.h"

#include <algorithm>
#include <cmath>

namespace featuremaptiles {

namespace {

const QColor kBlue(33, 102, 172), kRed(178, 24, 43);

// From white (t = 0) to `end` (t = 1), in whole 8-bit levels as the image stores them.
QColor towards(const QColor &end, double t)
{
    const auto level = [t](int to) { return int(std::lround(255.0 + (to - 255.0) * t)); };
    return QColor(level(end.red()), level(end.green()), level(end.blue()));
}

} // namespace

QColor gapColor()
{
    return QColor(96, 140, 96);  // a muted green, neither grey nor on the blue–white–red scale
}

float colorScale(const nn::Tensor &maps)
{
    const float largest = maps.empty() ? 0.0f : maps.array().abs().maxCoeff();
    return largest > 0.0f && std::isfinite(largest) ? largest : 1.0f;
}

bool isDiverging(const nn::Tensor &maps)
{
    return !maps.empty() && maps.array().minCoeff() < 0.0f;
}

QColor colour(float value, float scale, bool diverging)
{
    const double t = std::clamp(double(value) / double(scale), -1.0, 1.0);
    if (!diverging) {
        const int level = int(std::lround(255.0 * std::max(t, 0.0)));
        return QColor(level, level, level);
    }
    return towards(t < 0.0 ? kBlue : kRed, std::abs(t));
}

QPoint pixelOf(const nn::Shape &shape, int columns, int64_t channel, int64_t y, int64_t x)
{
    const int64_t height = shape[1], width = shape[2];
    return {int(1 + (channel % columns) * (width + 1) + x), int(1 + (channel / columns) * (height + 1) + y)};
}

QImage render(const nn::Tensor &maps, int columns)
{
    const nn::Shape &shape = maps.shape();
    const int64_t channels = shape[0], height = shape[1], width = shape[2];
    columns = int(std::clamp<int64_t>(columns, 1, channels));
    const int64_t rows = (channels + columns - 1) / columns;
    QImage image(int(1 + columns * (width + 1)), int(1 + rows * (height + 1)), QImage::Format_ARGB32);
    image.fill(Qt::transparent);  // beyond the last tile of a short last row
    for (int64_t c = 0; c < channels; ++c) {
        const QPoint corner = pixelOf(shape, columns, c, 0, 0) - QPoint(1, 1);
        for (int y = 0; y < height + 2; ++y)
            for (int x = 0; x < width + 2; ++x)
                image.setPixelColor(corner + QPoint(x, y), gapColor());
    }
    const float scale = colorScale(maps);
    const bool diverging = isDiverging(maps);
    int64_t index = 0;
    for (int64_t c = 0; c < channels; ++c)
        for (int64_t y = 0; y < height; ++y)
            for (int64_t x = 0; x < width; ++x, ++index)
                image.setPixelColor(pixelOf(shape, columns, c, y, x), colour(maps[index], scale, diverging));
    return image;
}

} // namespace featuremaptiles
