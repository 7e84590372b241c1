// ImageCache: an image folder's decoded samples kept beside it (FOLDER/.layerlab-cache/), so that
// opening the folder again reads one file instead of decoding every image.
#pragma once

#include "nn/tensor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace datasets {

// What decoding an image folder produced: the samples that decoded and the files that did not.
struct DecodedImages {
    nn::Shape sampleShape;                 // {channels, height, width}
    std::vector<std::string> classNames;
    std::vector<int> labels;               // per sample
    std::vector<uint8_t> pixels;           // [samples, channels, height, width]
    std::vector<std::string> skipped;      // "cats/bad.jpg: truncated JPEG (…)"
};

// One cache file per sample shape and resize mode: 8 magic bytes, the header's length (8 bytes,
// little-endian), a JSON header (fingerprint, shape, classes, labels, skipped files), the pixels.
class ImageCache {
public:
    // FOLDER/.layerlab-cache/images-CxHxW-MODE.bin
    static std::string pathFor(const std::string &folder, const nn::Shape &sampleShape, const std::string &mode);
    // The cached images when the file exists, is whole and was written for `fingerprint`;
    // nothing otherwise (a damaged or stale cache is decoded afresh, never an error).
    static std::optional<DecodedImages> read(const std::string &path, uint64_t fingerprint);
    // Writes the cache atomically; false when the folder cannot be written (a read-only folder
    // then decodes every time).
    static bool write(const std::string &path, uint64_t fingerprint, const DecodedImages &images);
};

} // namespace datasets
