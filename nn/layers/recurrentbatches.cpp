// RecurrentBatches: the sort by length and the copies between the padded and the packed layouts.
#include "recurrentbatches.h"

#include <algorithm>
#include <numeric>

namespace nn {

RecurrentBatches::RecurrentBatches(const std::vector<int64_t> &lengths, int64_t steps)
    : order_(lengths.size()), ranks_(lengths.size()), batchSizes_(size_t(steps), 0), offsets_(size_t(steps), 0)
{
    std::iota(order_.begin(), order_.end(), int64_t{0});
    std::stable_sort(order_.begin(), order_.end(),
                     [&](int64_t a, int64_t b) { return lengths[size_t(a)] > lengths[size_t(b)]; });
    for (size_t i = 0; i < order_.size(); ++i)
        ranks_[size_t(order_[i])] = int64_t(i);
    for (int64_t length : lengths)
        for (int64_t t = 0; t < std::min(length, steps); ++t)
            ++batchSizes_[size_t(t)];
    for (int64_t t = 0; t < steps; ++t) {
        offsets_[size_t(t)] = rows_;
        rows_ += batchSizes_[size_t(t)];
    }
}

void RecurrentBatches::pack(const float *padded, int64_t width, float *packed) const
{
    const int64_t steps = this->steps();
    for (int64_t t = 0; t < steps; ++t)
        for (int64_t i = 0; i < batchSize(t); ++i)
            std::copy_n(padded + (sample(i) * steps + t) * width, width, packed + (offset(t) + i) * width);
}

void RecurrentBatches::addUnpacked(const float *packed, int64_t width, float *padded, int64_t stride,
                                   int64_t column) const
{
    const int64_t steps = this->steps();
    for (int64_t t = 0; t < steps; ++t)
        for (int64_t i = 0; i < batchSize(t); ++i) {
            const float *from = packed + (offset(t) + i) * width;
            float *to = padded + (sample(i) * steps + t) * stride + column;
            for (int64_t j = 0; j < width; ++j)
                to[j] += from[j];
        }
}

} // namespace nn
