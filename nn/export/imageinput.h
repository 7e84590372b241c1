// How an exported image model's input is made from a picture file, in words, for the ONNX model's
// doc string and metadata and the PyTorch script's header: the same rules LayerLab's predict uses.
#pragma once

#include "exportinfo.h"
#include "nn/tensor.h"

#include <string>
#include <utility>
#include <vector>

namespace nn {

// "grey" for one channel, "RGB" for three.
std::string colourName(const Shape &sample);
// The pixel scaling the graph applies: "x / 255", "none", or a per-pixel standardization.
std::string pixelScaling(const ExportInfo &info);
// Sentences on decoding, resizing (info.imageResize) and scaling a picture into `sample` [C, H, W];
// empty when the data is not images.
std::string imageInputText(const ExportInfo &info, const Shape &sample);
// Key and value pairs for the ONNX metadata: input_size, input_channels, image_resize, pixel_scaling,
// pixel_range; none when the data is not images.
std::vector<std::pair<std::string, std::string>> imageInputMetadata(const ExportInfo &info, const Shape &sample);

} // namespace nn
