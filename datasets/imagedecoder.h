// ImageDecoder: PNG (libpng) and JPEG (libjpeg-turbo) files decoded into 8-bit pixels, grey or RGB.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace datasets {

// Decoded pixels, row after row, each pixel's channels together: [height, width, channels].
struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;  // 1 (grey) or 3 (RGB)
    std::vector<uint8_t> pixels;
};

// Decodes by content (the first bytes), not by the file name's extension. Every problem — an empty,
// truncated or damaged file, a format other than PNG or JPEG, an image too large — is an
// nn::FileError whose message says what is wrong with the file.
class ImageDecoder {
public:
    // Images above this many pixels are refused (a 50-megapixel photo is still accepted).
    static constexpr int64_t kMaxPixels = 64LL * 1024 * 1024;

    // `channels` 1 converts to grey, 3 to RGB; transparent pixels are laid on white.
    static Image decode(std::string_view bytes, int channels);
    static Image decodeFile(const std::string &path, int channels);
    // True when the bytes start as a PNG or JPEG file does.
    static bool looksLikeImage(std::string_view bytes);
    // True for the extensions of the formats read here (.png, .jpg, .jpeg, any case).
    static bool hasImageExtension(const std::string &path);
};

} // namespace datasets
