// imageGrid: a batch of images [N, C, H, W] with values in [0, 1] laid out as one picture, a grid of
// tiles one pixel apart: how layerlab-cli generate and the window's GAN view show a GAN's samples.
#pragma once

#include "nn/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// A grid's 8-bit pixels, row-major, `channels` interleaved (grey or RGB).
struct ImageGrid {
    int64_t width = 0, height = 0, channels = 1;
    int64_t tileWidth = 0, tileHeight = 0;  // one image's size in the grid's pixels (zoom included)
    std::vector<uint8_t> pixels;
};

// The 8-bit level of an image value: round(255 · v) with v clamped to [0, 1] (NaN: 0).
uint8_t pixelLevel(float value);

// The images as a grid `columns` wide (grey for one channel, RGB for three), each tile `zoom` pixels
// per image pixel, dark grey between tiles; tile i's top-left pixel is at
// (1 + (i % columns)·(tileWidth + 1), 1 + (i / columns)·(tileHeight + 1)). Throws nn::SettingError
// when the tensor is not [N, 1 or 3, H, W].
ImageGrid imageGrid(const nn::Tensor &images, int columns, int zoom = 1);

// Writes imageGrid(images, columns, zoom) as a PNG. Throws nn::FileError when the file cannot be
// written and nn::SettingError when the tensor is not [N, 1 or 3, H, W].
void writeImageGrid(const nn::Tensor &images, const std::string &path, int columns, int zoom = 4);

} // namespace datasets
