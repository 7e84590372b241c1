// AdagradOptimizer: per-weight step sizes from the sum of all past squared gradients, as torch.optim.Adagrad.
#pragma once

#include "elementwiseoptimizer.h"

namespace nn {

// At step t: g = ∇ + wd·w; s += g²; w −= lr/(1 + (t − 1)·lr_decay) · g / (√s + ε); s starts at
// initial_accumulator_value.
class AdagradOptimizer : public ElementwiseOptimizer {
public:
    explicit AdagradOptimizer(Settings settings);
    static const ComponentSpec &declaration();

protected:
    int bufferCount() const override { return 1; }
    float initialValue(int) const override { return initialAccumulator_; }
    void prepareStep() override;
    void update(const ParameterSlice &slice) const override;
    void describe(UpdateExplanation &explanation, const ElementState &state) const override;

private:
    float eps_;
    float weightDecay_;
    float initialAccumulator_;
    float rate_ = 0.0f;  // this step's decayed learning rate
};

} // namespace nn
