// inputGradient: ∂L/∂input of a const model, for views that show where a loss pushes its inputs
// (a GAN's gradient arrows on the generated samples) without changing anything the trainer owns.
#pragma once

#include "model.h"

#include <vector>

namespace nn {

// Back-propagates dOutputs through `pass` (an infer() or forward() of `model`) into
// pass.inputGradient(i), adding nothing into any parameter's grad: every parameter is frozen for
// the call and its flag restored after. Like Model::infer it writes nothing a trainer reads, so it
// may run on a const model between training steps (never while a step runs on another thread).
void inputGradient(const Model &model, Pass &pass, const std::vector<const Tensor *> &dOutputs);

} // namespace nn
