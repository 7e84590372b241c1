// SampleSource: one split (train, validation or test) of a data set as an nn::BatchSource.
#pragma once

#include "featurescaling.h"
#include "imageaugmenter.h"
#include "samples.h"

#include "nn/batchsource.h"

#include <memory>
#include <vector>

namespace datasets {

// The rows of a shared Samples that form one split; gather() converts and scales them per batch, and
// gatherForTraining() augments them first when the split has an augmenter (the training split).
template <typename T>
class SampleSource final : public nn::BatchSource {
public:
    SampleSource(std::shared_ptr<const Samples<T>> samples, std::vector<int64_t> rows,
                 std::shared_ptr<const FeatureScaling> scaling,
                 std::shared_ptr<const ImageAugmenter> augmenter = nullptr);

    int64_t size() const override { return static_cast<int64_t>(rows_.size()); }
    nn::Shape sampleShape() const override { return samples_->sampleShape; }
    nn::Shape targetShape() const override { return samples_->targetShape; }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override;
    void gatherForTraining(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y, uint64_t seed,
                           int epoch) const override;

    // Which samples of the whole set this split holds, in order.
    const std::vector<int64_t> &rows() const { return rows_; }

private:
    void resizeBatch(int64_t n, nn::Tensor &x, nn::Tensor &y) const;
    void copyTarget(int64_t row, float *out) const;

    std::shared_ptr<const Samples<T>> samples_;
    std::vector<int64_t> rows_;
    std::shared_ptr<const FeatureScaling> scaling_;
    std::shared_ptr<const ImageAugmenter> augmenter_;  // null: no augmentation
};

extern template class SampleSource<float>;
extern template class SampleSource<uint8_t>;

} // namespace datasets
