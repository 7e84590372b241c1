// FeatureScaling: model input = raw · scale + offset per input feature, fitted on the training split.
#pragma once

#include "samples.h"

#include <cstdint>
#include <span>
#include <vector>

namespace datasets {

// Per-feature scale and offset; the exporters embed them so that a model sees the same inputs anywhere.
class FeatureScaling {
public:
    FeatureScaling() = default;
    FeatureScaling(std::vector<float> scale, std::vector<float> offset);

    static FeatureScaling identity(int64_t features);
    // The same factor for every feature, e.g. 1/255 for pixel bytes.
    static FeatureScaling uniform(int64_t features, float scale);
    // Mean 0 and standard deviation 1 over `rows`; a constant feature keeps scale 1 and becomes 0.
    template <typename T>
    static FeatureScaling standardize(const Samples<T> &samples, std::span<const int64_t> rows);
    // Minimum 0 and maximum 1 over `rows`; a constant feature keeps scale 1 and becomes 0.
    template <typename T>
    static FeatureScaling minmax(const Samples<T> &samples, std::span<const int64_t> rows);

    // out[f] = raw[f] · scale[f] + offset[f] for the features of one sample.
    template <typename T>
    void apply(const T *raw, float *out) const;

    int64_t features() const { return static_cast<int64_t>(scale_.size()); }
    const std::vector<float> &scale() const { return scale_; }
    const std::vector<float> &offset() const { return offset_; }

private:
    std::vector<float> scale_, offset_;
};

} // namespace datasets
