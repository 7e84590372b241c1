// filtergrid: a Conv2D's weights [filters, channels, kh, kw] as one image of tiles, on a colour scale
// symmetric around 0: a weight w becomes the level round(127.5 + 127.5 · w / s), s = max |w| of the
// layer (so 0 is mid-grey, −s black, +s full). With 3 input channels each filter is one RGB tile
// (channel 0 red, 1 green, 2 blue), the tiles in rows of columnsFor(filters); otherwise each
// filter is a row with one grey tile per input channel.
#pragma once

#include "nn/tensor.h"

#include <QColor>
#include <QImage>
#include <QPoint>

namespace filtergrid {

// The colour between tiles, which no weight takes.
QColor gapColor();
// s: the largest |w| of the layer, 1 when every weight is 0.
float colorScale(const nn::Tensor &weight);
// A weight's level 0–255 under scale s.
int level(float w, float scale);
// Whether the filters are drawn in colour (3 input channels).
bool isRgb(const nn::Shape &shape);
// Tiles per row of RGB filters: a grid about twice as wide as high, as the dock is.
int columnsFor(int64_t filters);
// The pixel weight (filter, channel, y, x) is drawn at; for RGB, `channel` is its colour component.
QPoint pixelOf(const nn::Shape &shape, int64_t filter, int64_t channel, int64_t y, int64_t x);
// The whole layer, one pixel per weight, tiles one pixel apart.
QImage render(const nn::Tensor &weight);

} // namespace filtergrid
