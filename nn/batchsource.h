// BatchSource: a set of samples the trainer draws batches from; datasets/ implements it.
#pragma once

#include "tensor.h"

#include <cstdint>
#include <span>

namespace nn {

// Samples with targets, already split (train, validation or test) and scaled as the model sees them.
class BatchSource {
public:
    virtual ~BatchSource() = default;

    virtual int64_t size() const = 0;
    // Per-sample input shape, e.g. {784}, {1, 28, 28} or {2}.
    virtual Shape sampleShape() const = 0;
    // Per-sample target shape: {} for a class number, {K} for K regression values or binary labels.
    virtual Shape targetShape() const = 0;
    // Fills x [n, sampleShape…] and y [n, targetShape…] with the samples at `indices` (0..size-1),
    // converted to float and scaled. Resizes x and y. Safe to call from several threads.
    virtual void gather(std::span<const int64_t> indices, Tensor &x, Tensor &y) const = 0;
    // gather() for training in `epoch` (1-based) of a run seeded `seed`: a source that augments its
    // samples (datasets/) varies each by (seed, epoch, index), the same on any thread count; any
    // other source gathers them unchanged.
    virtual void gatherForTraining(std::span<const int64_t> indices, Tensor &x, Tensor &y, uint64_t /*seed*/,
                                   int /*epoch*/) const
    {
        gather(indices, x, y);
    }
};

} // namespace nn
