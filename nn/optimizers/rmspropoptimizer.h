// RMSpropOptimizer: divides each step by a running root mean square of the gradient, as torch.optim.RMSprop.
#pragma once

#include "elementwiseoptimizer.h"

namespace nn {

// g = ∇ + wd·w; s = α·s + (1 − α)·g²; centered: m = α·m + (1 − α)·g and d = √(s − m²) + ε, else
// d = √s + ε; with momentum b = μ·b + g/d and w −= lr·b, else w −= lr·g/d.
class RMSpropOptimizer : public ElementwiseOptimizer {
public:
    explicit RMSpropOptimizer(Settings settings);
    static const ComponentSpec &declaration();

protected:
    int bufferCount() const override { return 1 + int(centered_) + int(momentum_ > 0.0f); }
    void prepareStep() override;
    void update(const ParameterSlice &slice) const override;
    void describe(UpdateExplanation &explanation, const ElementState &state) const override;

private:
    template <typename Gradient, typename Denominator>
    void descend(const ParameterSlice &slice, const Gradient &gradient, const Denominator &denominator) const;

    float alpha_;
    float eps_;
    float weightDecay_;
    float momentum_;
    bool centered_;
    float rate_ = 0.0f;  // this step's learning rate
};

} // namespace nn
