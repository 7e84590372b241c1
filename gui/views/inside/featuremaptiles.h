// featuremaptiles: a layer's feature maps [C, H, W] as one image of tiles, one per channel, one pixel
// per value. A layer with no negative value is grey (0 black, the layer's largest value s white); one
// with negative values diverges around 0 (−s blue, 0 white, +s red). s is the whole layer's, so
// the channels compare.
#pragma once

#include "nn/tensor.h"

#include <QColor>
#include <QImage>
#include <QPoint>

namespace featuremaptiles {

// The colour between tiles, which no value takes.
QColor gapColor();
// s: the layer's largest |value|, 1 when every value is 0.
float colorScale(const nn::Tensor &maps);
// Whether the layer has negative values (then its colours diverge around 0).
bool isDiverging(const nn::Tensor &maps);
// A value's colour under scale s.
QColor colour(float value, float scale, bool diverging);
// The pixel of value (channel, y, x) of maps `shape` [C, H, W] in tiles `columns` to a row.
QPoint pixelOf(const nn::Shape &shape, int columns, int64_t channel, int64_t y, int64_t x);
// The whole layer, tiles one pixel apart, `columns` to a row; transparent after the last tile.
QImage render(const nn::Tensor &maps, int columns);

} // namespace featuremaptiles
