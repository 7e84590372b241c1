// imageGrid, and writing it with libpng's simplified writing API.
#include "imagegrid.h"

#include "nn/error.h"

#include <png.h>

#include <algorithm>
#include <cmath>

namespace datasets {

uint8_t pixelLevel(float value)
{
    return static_cast<uint8_t>(std::lround(255.0f * std::clamp(std::isfinite(value) ? value : 0.0f, 0.0f, 1.0f)));
}

ImageGrid imageGrid(const nn::Tensor &images, int columns, int zoom)
{
    if (images.rank() != 4 || (images.dim(1) != 1 && images.dim(1) != 3))
        throw nn::SettingError("Only images [N, 1 or 3, H, W] can be laid out as a grid, not " + nn::toString(images.shape()) + ".");
    const int64_t n = images.dim(0), channels = images.dim(1), h = images.dim(2), w = images.dim(3);
    zoom = std::max(zoom, 1);
    columns = static_cast<int>(std::clamp<int64_t>(columns, 1, std::max<int64_t>(n, 1)));
    const int64_t rows = (n + columns - 1) / columns;
    ImageGrid grid;
    grid.channels = channels;
    grid.tileWidth = w * zoom;
    grid.tileHeight = h * zoom;
    grid.width = columns * (grid.tileWidth + 1) + 1;
    grid.height = rows * (grid.tileHeight + 1) + 1;
    grid.pixels.assign(static_cast<size_t>(grid.width * grid.height * channels), 64);  // dark grey gaps
    for (int64_t i = 0; i < n; ++i) {
        const int64_t left = (i % columns) * (grid.tileWidth + 1) + 1, top = (i / columns) * (grid.tileHeight + 1) + 1;
        for (int64_t c = 0; c < channels; ++c)
            for (int64_t y = 0; y < grid.tileHeight; ++y)
                for (int64_t x = 0; x < grid.tileWidth; ++x)
                    grid.pixels[static_cast<size_t>(((top + y) * grid.width + left + x) * channels + c)] =
                        pixelLevel(images[((i * channels + c) * h + y / zoom) * w + x / zoom]);
    }
    return grid;
}

void writeImageGrid(const nn::Tensor &images, const std::string &path, int columns, int zoom)
{
    ImageGrid grid = imageGrid(images, columns, zoom);
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(grid.width);
    image.height = static_cast<png_uint_32>(grid.height);
    image.format = grid.channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
    if (!png_image_write_to_file(&image, path.c_str(), 0, grid.pixels.data(), 0, nullptr))
        throw nn::FileError("Cannot write " + path + ": " + image.message + ". Check that the folder exists and is writable.");
}

} // namespace datasets
