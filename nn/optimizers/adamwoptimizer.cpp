// AdamWOptimizer: the declaration (weight decay 0.01 by default, as PyTorch); the update is Adam's.
#include "adamwoptimizer.h"

#include "nn/registry.h"

namespace nn {

namespace {
const bool registeredAdamWOptimizer = registerOptimizer<AdamWOptimizer>();
}

const ComponentSpec &AdamWOptimizer::declaration()
{
    static const ComponentSpec spec{
        "AdamW", "Optimizer",
        "AdamW: Adam whose weight decay shrinks the weights directly; usually generalises better than Adam.",
        declareSettings(0.01, "Shrinks each weight by lr × this every step, pulling weights towards 0.")};
    return spec;
}

} // namespace nn
