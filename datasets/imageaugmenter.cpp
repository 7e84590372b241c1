// ImageAugmenter: each change is one pass over the image; the draws are made in a fixed order
// whatever is switched on, so that switching one change on leaves the others' draws as they were.
#include "imageaugmenter.h"

#include "nn/error.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace datasets {

namespace {

using ImagePlane = Eigen::Map<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

// A random whole number in [-limit, limit].
int64_t symmetricPixels(nn::Rng &rng, int64_t limit)
{
    return static_cast<int64_t>(rng.below(static_cast<uint64_t>(2 * limit + 1))) - limit;
}

} // namespace

ImageAugmenter::ImageAugmenter(const nn::AugmentSpec &spec, const nn::Shape &sampleShape, float pixelMaximum)
    : spec_(spec), pixelMaximum_(pixelMaximum)
{
    if (sampleShape.size() != 3)
        throw nn::SettingError("Augmentation changes images, but this data's samples are not images: switch off the "
                               "data's augment settings, or choose an image data set.");
    channels_ = sampleShape[0], height_ = sampleShape[1], width_ = sampleShape[2];
}

ImageAugmenter::Draw ImageAugmenter::draw(uint64_t seed, int epoch, int64_t index) const
{
    nn::Rng rng = nn::Rng::keyed(seed, "augment", static_cast<uint64_t>(epoch), static_cast<uint64_t>(index));
    Draw d;
    d.flipHorizontal = rng.below(2) == 1 && spec_.flipHorizontal;
    d.flipVertical = rng.below(2) == 1 && spec_.flipVertical;
    const auto rotation = static_cast<float>(spec_.rotation);
    d.angle = rng.uniform(-rotation, rotation);
    d.shiftX = symmetricPixels(rng, spec_.shift);
    d.shiftY = symmetricPixels(rng, spec_.shift);
    d.cropX = symmetricPixels(rng, spec_.cropPadding);
    d.cropY = symmetricPixels(rng, spec_.cropPadding);
    const auto brightness = static_cast<float>(spec_.brightness), contrast = static_cast<float>(spec_.contrast);
    d.brightness = rng.uniform(1.0f - brightness, 1.0f + brightness);
    d.contrast = rng.uniform(1.0f - contrast, 1.0f + contrast);
    return d;
}

void ImageAugmenter::apply(float *image, const Draw &d) const
{
    if (d.flipHorizontal || d.flipVertical)
        flip(image, d.flipHorizontal, d.flipVertical);
    if (d.angle != 0.0f)
        rotate(image, d.angle);
    if (d.shiftX != 0 || d.shiftY != 0)
        translate(image, d.shiftX, d.shiftY, true);
    if (d.cropX != 0 || d.cropY != 0)
        translate(image, d.cropX, d.cropY, false);
    if (d.brightness != 1.0f || d.contrast != 1.0f)
        adjustLevels(image, d.brightness, d.contrast);
}

void ImageAugmenter::flip(float *image, bool horizontal, bool vertical) const
{
    for (int64_t c = 0; c < channels_; ++c) {
        ImagePlane plane(image + c * height_ * width_, height_, width_);
        if (horizontal)
            plane.rowwise().reverseInPlace();
        if (vertical)
            plane.colwise().reverseInPlace();
    }
}

// Bilinear sampling of the image turned about its centre; points that fall outside take the
// nearest edge pixel, so the corners do not turn black.
void ImageAugmenter::rotate(float *image, float degrees) const
{
    const double radians = degrees * std::numbers::pi / 180.0;
    const auto cosA = static_cast<float>(std::cos(radians)), sinA = static_cast<float>(std::sin(radians));
    const float cx = 0.5f * static_cast<float>(width_ - 1), cy = 0.5f * static_cast<float>(height_ - 1);
    const int64_t plane = height_ * width_;
    std::vector<float> source(image, image + channels_ * plane);
    for (int64_t y = 0; y < height_; ++y)
        for (int64_t x = 0; x < width_; ++x) {
            // The output pixel (x, y) shows the source point turned back by the angle (y grows downwards).
            const float dx = static_cast<float>(x) - cx, dy = static_cast<float>(y) - cy;
            const float sx = std::clamp(cosA * dx - sinA * dy + cx, 0.0f, static_cast<float>(width_ - 1));
            const float sy = std::clamp(sinA * dx + cosA * dy + cy, 0.0f, static_cast<float>(height_ - 1));
            const auto x0 = static_cast<int64_t>(sx), y0 = static_cast<int64_t>(sy);
            const int64_t x1 = std::min(x0 + 1, width_ - 1), y1 = std::min(y0 + 1, height_ - 1);
            const float fx = sx - static_cast<float>(x0), fy = sy - static_cast<float>(y0);
            for (int64_t c = 0; c < channels_; ++c) {
                const float *s = source.data() + c * plane;
                const float top = s[y0 * width_ + x0] + fx * (s[y0 * width_ + x1] - s[y0 * width_ + x0]);
                const float bottom = s[y1 * width_ + x0] + fx * (s[y1 * width_ + x1] - s[y1 * width_ + x0]);
                image[c * plane + y * width_ + x] = top + fy * (bottom - top);
            }
        }
}

// Moves the content dx pixels right and dy down. The uncovered border repeats the edge (a shift)
// or is black (pad-and-crop: padding by p and cropping at offset p − dx is this move).
void ImageAugmenter::translate(float *image, int64_t dx, int64_t dy, bool repeatEdge) const
{
    const int64_t plane = height_ * width_;
    std::vector<float> source(image, image + channels_ * plane);
    for (int64_t c = 0; c < channels_; ++c)
        for (int64_t y = 0; y < height_; ++y)
            for (int64_t x = 0; x < width_; ++x) {
                int64_t sx = x - dx, sy = y - dy;
                const bool inside = sx >= 0 && sx < width_ && sy >= 0 && sy < height_;
                if (!inside && !repeatEdge) {
                    image[c * plane + y * width_ + x] = 0.0f;
                    continue;
                }
                sx = std::clamp<int64_t>(sx, 0, width_ - 1), sy = std::clamp<int64_t>(sy, 0, height_ - 1);
                image[c * plane + y * width_ + x] = source[static_cast<size_t>(c * plane + sy * width_ + sx)];
            }
}

// Brightness scales every pixel; contrast then scales the distance from the image's mean, as
// torchvision's ColorJitter does (there, the mean of the grey image).
void ImageAugmenter::adjustLevels(float *image, float brightness, float contrast) const
{
    Eigen::Map<Eigen::ArrayXf> pixels(image, channels_ * height_ * width_);
    pixels = (pixels * brightness).min(pixelMaximum_);
    // The mean in one fixed order: Eigen's vectorized sum starts its packets where the buffer's
    // alignment allows, so its rounding would depend on where the image happens to lie in memory.
    const auto mean = static_cast<float>(std::accumulate(pixels.begin(), pixels.end(), 0.0) / static_cast<double>(pixels.size()));
    pixels = (mean + (pixels - mean) * contrast).max(0.0f).min(pixelMaximum_);
}

} // namespace datasets
