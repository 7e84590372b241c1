// writeImageGrid with libpng's simplified writing API.
#include "imagegrid.h"

#include "nn/error.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace datasets {

void writeImageGrid(const nn::Tensor &images, const std::string &path, int columns, int zoom)
{
    if (images.rank() != 4 || (images.dim(1) != 1 && images.dim(1) != 3))
        throw nn::SettingError("Only images [N, 1 or 3, H, W] can be written as a PNG grid, not " + nn::toString(images.shape()) + ".");
    const int64_t n = images.dim(0), channels = images.dim(1), h = images.dim(2), w = images.dim(3);
    columns = static_cast<int>(std::clamp<int64_t>(columns, 1, std::max<int64_t>(n, 1)));
    const int64_t rows = (n + columns - 1) / columns;
    const int64_t width = columns * (w * zoom + 1) + 1, height = rows * (h * zoom + 1) + 1;
    std::vector<png_byte> pixels(static_cast<size_t>(width * height * channels), 64);  // dark grey gaps
    for (int64_t i = 0; i < n; ++i) {
        const int64_t left = (i % columns) * (w * zoom + 1) + 1, top = (i / columns) * (h * zoom + 1) + 1;
        for (int64_t c = 0; c < channels; ++c)
            for (int64_t y = 0; y < h * zoom; ++y)
                for (int64_t x = 0; x < w * zoom; ++x) {
                    const float v = images[((i * channels + c) * h + y / zoom) * w + x / zoom];
                    pixels[static_cast<size_t>(((top + y) * width + left + x) * channels + c)] =
                        static_cast<png_byte>(std::lround(255.0f * std::clamp(std::isfinite(v) ? v : 0.0f, 0.0f, 1.0f)));
                }
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
    if (!png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), 0, nullptr))
        throw nn::FileError("Cannot write " + path + ": " + image.message + ". Check that the folder exists and is writable.");
}

} // namespace datasets
