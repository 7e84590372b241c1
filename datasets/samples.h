// Samples: every sample of one data set as read from disk or generated, before it is split and scaled.
#pragma once

#include "datainfo.h"

#include "nn/tensor.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace datasets {

// Raw inputs (bytes for images, floats otherwise) and float targets, shared by a set's splits.
template <typename T>
struct Samples {
    int64_t count = 0;
    nn::Shape sampleShape;       // per sample, e.g. {1, 28, 28} or {4}
    nn::Shape targetShape;       // {} for a class number, {K} for K regression values
    std::vector<T> inputs;       // [count, features]
    std::vector<float> targets;  // [count, targetWidth]: class numbers as floats, or values

    int64_t features() const { return nn::elementCount(sampleShape); }
    int64_t targetWidth() const { return nn::elementCount(targetShape); }
};

// How "auto" scaling treats a set: images by their pixel maximum, tables standardized, synthetic as is.
enum class AutoScaling { None, Standardize, PixelMaximum };

// A data set as read, before splitting: its description, samples, an own test set if it has one,
// and how "auto" scaling applies to it.
template <typename T>
struct RawData {
    DataInfo info;
    std::shared_ptr<Samples<T>> samples;
    std::shared_ptr<Samples<T>> ownTest;  // null unless the set comes with its own test set
    AutoScaling autoScaling = AutoScaling::Standardize;
    float pixelMaximum = 255.0f;                // for AutoScaling::PixelMaximum
    bool tokenIds = false;                      // inputs are vocabulary ids: never rescaled
};

} // namespace datasets
