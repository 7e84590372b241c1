// ImageAugmenter: the random flips, shifts, crops, rotations and brightness and contrast changes of
// a project's data "augment" settings, applied to one training image at a time.
#pragma once

#include "nn/dataspec.h"
#include "nn/random.h"
#include "nn/tensor.h"

#include <cstdint>
#include <vector>

namespace datasets {

// Changes images [C, H, W] of raw pixels (0 … pixelMaximum) in place. What it draws for a sample
// depends only on (seed, epoch, index), so a batch comes out the same on any number of threads.
class ImageAugmenter {
public:
    // Throws nn::SettingError when `sampleShape` is not an image [C, H, W].
    ImageAugmenter(const nn::AugmentSpec &spec, const nn::Shape &sampleShape, float pixelMaximum);

    // The draws for one sample in one epoch; apply() makes them from the sample's keyed stream.
    struct Draw {
        bool flipHorizontal = false, flipVertical = false;
        float angle = 0.0f;           // degrees, counter-clockwise
        int64_t shiftX = 0, shiftY = 0;  // pixels, edge repeated
        int64_t cropX = 0, cropY = 0;    // pixels, black fill
        float brightness = 1.0f, contrast = 1.0f;
    };
    Draw draw(uint64_t seed, int epoch, int64_t index) const;

    void apply(float *image, uint64_t seed, int epoch, int64_t index) const { apply(image, draw(seed, epoch, index)); }
    void apply(float *image, const Draw &draw) const;

    const nn::AugmentSpec &spec() const { return spec_; }

private:
    void flip(float *image, bool horizontal, bool vertical) const;
    void rotate(float *image, float degrees) const;
    void translate(float *image, int64_t dx, int64_t dy, bool repeatEdge) const;
    void adjustLevels(float *image, float brightness, float contrast) const;

    nn::AugmentSpec spec_;
    int64_t channels_, height_, width_;
    float pixelMaximum_;
};

} // namespace datasets
