// The exported script's Python for picture files: read PNG and JPEG images and fit them to the
// input's size exactly as LayerLab's predict does (datasets/imagedecoder, datasets/imagefit).
#pragma once

#include <string>

namespace nn {

// image_inputs(path), read_images(files): uses INPUT_SHAPE and IMAGE_RESIZE. PNG files that are 8-bit
// grey, RGB or palette without transparency are decoded by the script itself (zlib only), so they
// need nothing beyond PyTorch; other PNGs and JPEGs need torchvision or Pillow.
const std::string &pytorchImageCode();

} // namespace nn
