// SGDOptimizer: stochastic gradient descent with optional momentum and Nesterov, as torch.optim.SGD.
#pragma once

#include "elementwiseoptimizer.h"

namespace nn {

// g = ∇ + wd·w; with momentum, b = g on the first step and b = μ·b + (1 − dampening)·g after;
// w −= lr·(g + μ·b) with Nesterov, lr·b with plain momentum, lr·g without momentum.
class SGDOptimizer : public ElementwiseOptimizer {
public:
    explicit SGDOptimizer(Settings settings);
    static const ComponentSpec &declaration();

protected:
    int bufferCount() const override { return momentum_ != 0.0f ? 1 : 0; }
    void prepareStep() override;
    void update(const ParameterSlice &slice) const override;
    void describe(UpdateExplanation &explanation, const ElementState &state) const override;

private:
    float momentum_;
    float dampening_;
    bool nesterov_;
    float weightDecay_;
    float rate_ = 0.0f;  // this step's learning rate
};

} // namespace nn
