// A sample of image data as a QImage, read back from the model's input: the scaling is undone so
// the picture shows the data's own pixels (digits 0–16, Fashion-MNIST 0–255).
#pragma once

#include "datasets/datainfo.h"

#include <QImage>

namespace views {

// Sample `row` of inputs [N, C, H, W] or [N, H, W] (C = 1 grey, C = 3 colour); grey pixels are
// mapped from the data's pixel range (0 … the sample's maximum, at least 1) to black … white,
// colour pixels keep their 8-bit levels.
// Safe off the GUI thread.
QImage sampleImage(const float *sample, const datasets::DataInfo &info);

} // namespace views
