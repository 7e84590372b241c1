// SampleSource: gathers rows into batch tensors; reads shared immutable data only, so it is thread-safe.
#include "samplesource.h"

#include "nn/parallel.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cassert>
#include <vector>

namespace datasets {

namespace {
constexpr int64_t kRowsPerChunk = 16;  // a batch of 64 in four chunks
}

template <typename T>
SampleSource<T>::SampleSource(std::shared_ptr<const Samples<T>> samples, std::vector<int64_t> rows,
                              std::shared_ptr<const FeatureScaling> scaling, std::shared_ptr<const ImageAugmenter> augmenter)
    : samples_(std::move(samples)), rows_(std::move(rows)), scaling_(std::move(scaling)), augmenter_(std::move(augmenter))
{
    assert(scaling_->features() == samples_->features());
}

template <typename T>
void SampleSource<T>::resizeBatch(int64_t n, nn::Tensor &x, nn::Tensor &y) const
{
    nn::Shape xShape{n}, yShape{n};
    xShape.insert(xShape.end(), samples_->sampleShape.begin(), samples_->sampleShape.end());
    yShape.insert(yShape.end(), samples_->targetShape.begin(), samples_->targetShape.end());
    x.resize(xShape);
    y.resize(yShape);
}

template <typename T>
void SampleSource<T>::copyTarget(int64_t row, float *out) const
{
    const int64_t width = samples_->targetWidth();
    const float *target = samples_->targets.data() + row * width;
    std::copy(target, target + width, out);
}

template <typename T>
void SampleSource<T>::gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const
{
    const auto n = static_cast<int64_t>(indices.size());
    const int64_t features = samples_->features();
    resizeBatch(n, x, y);
    // Shuffled rows of a large array are cache misses, worth a second thread even for a small batch
    // (an MLP's whole step is under a millisecond): the loop always counts as big enough for one.
    const double work = std::max(nn::kParallelFlopThreshold, double(n * features));
    nn::parallelChunks(n, kRowsPerChunk, work, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const int64_t index = indices[static_cast<size_t>(i)];
            assert(index >= 0 && index < size());
            const int64_t row = rows_[static_cast<size_t>(index)];
            scaling_->apply(samples_->inputs.data() + row * features, x.data() + i * features);
            copyTarget(row, y.data() + i * samples_->targetWidth());
        }
    });
}

// Each sample's changes come from its own stream keyed by (seed, epoch, index), so the samples can
// be augmented in parallel and still come out the same on any number of threads.
template <typename T>
void SampleSource<T>::gatherForTraining(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y, uint64_t seed,
                                        int epoch) const
{
    if (!augmenter_) {
        gather(indices, x, y);
        return;
    }
    const auto n = static_cast<int64_t>(indices.size());
    const int64_t features = samples_->features();
    resizeBatch(n, x, y);
    tbb::parallel_for(int64_t{0}, n, [&](int64_t i) {
        const int64_t index = indices[static_cast<size_t>(i)];
        assert(index >= 0 && index < size());
        const int64_t row = rows_[static_cast<size_t>(index)];
        const T *raw = samples_->inputs.data() + row * features;
        std::vector<float> image(raw, raw + features);
        augmenter_->apply(image.data(), seed, epoch, index);
        scaling_->apply(image.data(), x.data() + i * features);
        copyTarget(row, y.data() + i * samples_->targetWidth());
    });
}

template class SampleSource<float>;
template class SampleSource<uint8_t>;

} // namespace datasets
