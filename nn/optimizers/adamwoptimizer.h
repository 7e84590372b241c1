// AdamWOptimizer: Adam with decoupled weight decay (Loshchilov & Hutter), as torch.optim.AdamW.
#pragma once

#include "adamoptimizer.h"

namespace nn {

// Adam whose weight decay shrinks every decaying weight by 1 − lr·wd before the step, instead of
// joining the gradient, so the decay is not divided away by the second moment.
class AdamWOptimizer : public AdamOptimizer {
public:
    explicit AdamWOptimizer(Settings settings) : AdamOptimizer(std::move(settings), true) {}
    static const ComponentSpec &declaration();
};

} // namespace nn
