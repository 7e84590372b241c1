// Regularization and gradient clipping: L1/L2 penalties on the weights and torch's clip_grad_norm_.
#pragma once

#include "layer.h"

#include <vector>

namespace nn {

// Adds ∂/∂w of l1·Σ|w| + l2·Σw², that is l1·sign(w) + 2·l2·w, into the grad of every parameter
// whose `decays` is set, and returns that penalty (to add to the reported loss).
double applyRegularization(const std::vector<Parameter *> &parameters, double l1, double l2);

// torch.nn.utils.clip_grad_norm_: with total the L2 norm of all gradients together, scales every
// gradient by maxNorm/(total + 1e-6) when that is below 1. Returns total, measured before clipping.
double clipGradientNorm(const std::vector<Parameter *> &parameters, double maxNorm);

} // namespace nn
