// AdamOptimizer: adaptive moment estimation with bias correction (Kingma & Ba), as torch.optim.Adam.
#pragma once

#include "elementwiseoptimizer.h"

namespace nn {

// At step t: g = ∇ + wd·w (AdamW instead shrinks w by 1 − lr·wd first); m = β1·m + (1 − β1)·g;
// v = β2·v + (1 − β2)·g²; v̂ = max(v̂, v) with amsgrad, else v;
// w −= lr/(1 − β1ᵗ) · m / (√v̂/√(1 − β2ᵗ) + ε).
class AdamOptimizer : public ElementwiseOptimizer {
public:
    explicit AdamOptimizer(Settings settings) : AdamOptimizer(std::move(settings), false) {}
    static const ComponentSpec &declaration();

protected:
    // decoupled: weight decay shrinks the weights (AdamW) instead of joining the gradient.
    AdamOptimizer(Settings settings, bool decoupled);
    // The settings of Adam and AdamW, which differ only in the default weight decay.
    static std::vector<SettingSpec> declareSettings(double weightDecay, const std::string &weightDecayHelp);

    int bufferCount() const override { return amsgrad_ ? 3 : 2; }
    void prepareStep() override;
    void update(const ParameterSlice &slice) const override;
    void describe(UpdateExplanation &explanation, const ElementState &state) const override;

private:
    bool decoupled_;
    float beta1_;
    float beta2_;
    float eps_;
    float weightDecay_;
    bool amsgrad_;
    // This step's scalars.
    float stepSize_ = 0.0f;        // lr / (1 − β1ᵗ)
    float correction2Root_ = 0.0f; // √(1 − β2ᵗ)
    float shrink_ = 1.0f;          // 1 − lr·wd (decoupled only)
};

} // namespace nn
