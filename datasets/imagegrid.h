// writeImageGrid: a batch of images [N, C, H, W] with values in [0, 1] saved as one PNG, a grid of
// tiles one pixel apart: how layerlab-cli generate shows a GAN's samples.
#pragma once

#include "nn/tensor.h"

#include <string>

namespace datasets {

// Writes the images as a grid `columns` wide (grey for one channel, RGB for three), each tile
// `zoom` pixels per image pixel; values are clamped to [0, 1]. Throws nn::FileError when the file
// cannot be written and nn::SettingError when the tensor is not [N, 1 or 3, H, W].
void writeImageGrid(const nn::Tensor &images, const std::string &path, int columns, int zoom = 4);

} // namespace datasets
