// ImageFit: an image of any size made into a sample of the Input's size — stretched, cropped to the
// centre or padded — and laid out by channel ([channels, height, width]) as the network reads it.
#pragma once

#include "imagedecoder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// How an image's proportions are made to fit: stretch distorts, crop cuts the longer side's
// ends, pad adds black bars along the shorter side.
enum class ResizeMode { Stretch, Crop, Pad };

// Resamples with area averaging where the image shrinks (no aliasing from a large photo) and
// bilinear interpolation where it grows.
class ImageFit {
public:
    // "stretch", "crop" or "pad"; nn::SettingError for other names.
    static ResizeMode modeFromName(const std::string &name);
    // `image` (its channels as the sample's) into `out`: channels × height × width bytes.
    static void fit(const Image &image, int height, int width, ResizeMode mode, uint8_t *out);
};

} // namespace datasets
