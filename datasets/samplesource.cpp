// SampleSource: gathers rows into batch tensors; reads shared immutable data only, so it is thread-safe.
#include "samplesource.h"

#include <algorithm>
#include <cassert>

namespace datasets {

template <typename T>
SampleSource<T>::SampleSource(std::shared_ptr<const Samples<T>> samples, std::vector<int64_t> rows,
                              std::shared_ptr<const FeatureScaling> scaling)
    : samples_(std::move(samples)), rows_(std::move(rows)), scaling_(std::move(scaling))
{
    assert(scaling_->features() == samples_->features());
}

template <typename T>
void SampleSource<T>::gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const
{
    const auto n = static_cast<int64_t>(indices.size());
    const int64_t features = samples_->features();
    const int64_t width = samples_->targetWidth();
    nn::Shape xShape{n}, yShape{n};
    xShape.insert(xShape.end(), samples_->sampleShape.begin(), samples_->sampleShape.end());
    yShape.insert(yShape.end(), samples_->targetShape.begin(), samples_->targetShape.end());
    x.resize(xShape);
    y.resize(yShape);
    for (int64_t i = 0; i < n; ++i) {
        const int64_t index = indices[static_cast<size_t>(i)];
        assert(index >= 0 && index < size());
        const int64_t row = rows_[static_cast<size_t>(index)];
        scaling_->apply(samples_->inputs.data() + row * features, x.data() + i * features);
        const float *target = samples_->targets.data() + row * width;
        std::copy(target, target + width, y.data() + i * width);
    }
}

template class SampleSource<float>;
template class SampleSource<uint8_t>;

} // namespace datasets
