// What the PNG and JPEG fuzz targets share: decode the bytes as grey and as RGB, check the pixel
// count against the size the decoder reports, and fit the image by every resize mode.
#pragma once

#include "fuzzcheck.h"

#include "datasets/imagedecoder.h"
#include "datasets/imagefit.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace fuzz {

inline void decodeAndFit(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    for (int channels : {1, 3}) {
        datasets::Image image;
        if (!loadsOrExplains([&] { image = datasets::ImageDecoder::decode(bytes, channels); }))
            continue;
        require(image.channels == channels, "the decoder returned other channels than asked for");
        require(image.pixels.size() == static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * static_cast<size_t>(channels),
                "the pixel count differs from the decoded size");
        std::vector<uint8_t> sample(static_cast<size_t>(channels) * 7 * 5);
        for (auto mode : {datasets::ResizeMode::Stretch, datasets::ResizeMode::Crop, datasets::ResizeMode::Pad})
            datasets::ImageFit::fit(image, 7, 5, mode, sample.data());
    }
}

} // namespace fuzz
