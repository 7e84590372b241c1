// RecurrentBatches: a padded batch's steps packed time-major with the samples sorted by length,
// PyTorch's PackedSequence layout, so that a recurrent layer computes no padded step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nn {

// The samples sorted longest first (ties in sample order), so that the samples still running at
// step t are the first batchSize(t) of that order; step t's rows start at offset(t) of the packed
// (rows(), F) buffers, one row per sample that has step t. Depends on the lengths alone.
class RecurrentBatches {
public:
    RecurrentBatches(const std::vector<int64_t> &lengths, int64_t steps);

    int64_t samples() const { return int64_t(order_.size()); }
    int64_t steps() const { return int64_t(batchSizes_.size()); }
    int64_t rows() const { return rows_; }
    int64_t batchSize(int64_t t) const { return batchSizes_[size_t(t)]; }
    int64_t offset(int64_t t) const { return offsets_[size_t(t)]; }
    // Row i of the sorted order is this sample of the batch.
    int64_t sample(int64_t i) const { return order_[size_t(i)]; }
    // Its row among the sorted ones.
    int64_t rank(int64_t sample) const { return ranks_[size_t(sample)]; }

    // padded [N, T, width] → packed (rows(), width).
    void pack(const float *padded, int64_t width, float *packed) const;
    // Adds packed (rows(), width) into columns [column, column + width) of padded [N, T, stride];
    // the padded steps get nothing.
    void addUnpacked(const float *packed, int64_t width, float *padded, int64_t stride, int64_t column) const;

private:
    std::vector<int64_t> order_, ranks_, batchSizes_, offsets_;
    int64_t rows_ = 0;
};

} // namespace nn
