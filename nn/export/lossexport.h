// LossExport: what one loss becomes in the exported PyTorch script, the torch.nn loss with the same
// settings. Each loss registers it once (nn/export/losses/), named by the loss's declaration, so the
// script knows every loss the registry knows.
#pragma once

#include "nn/loss.h"

#include <functional>
#include <string>

namespace nn {

// The Python that builds the loss from its settings: "nn.SmoothL1Loss(beta=1.0)".
using PytorchLossWriter = std::function<std::string(const Settings &)>;

// Registers `spec.kind`'s writer; asserts that it is given and that the loss has none yet.
bool registerLossExport(const LossSpec &spec, PytorchLossWriter pytorch);

// Used as `const bool registeredMSEExport = registerLossExport<MSELoss>(…);`: the loss is named by
// its declaration alone.
template <typename Kind>
bool registerLossExport(PytorchLossWriter pytorch)
{
    return registerLossExport(Kind::declaration(), std::move(pytorch));
}

// The writer of the loss `kind`, or nullptr when it has none.
const PytorchLossWriter *lossExport(const std::string &kind);

} // namespace nn
