// StepKind: which part of a training step runs, for steps made of parts (a GAN's D and G).
#pragma once

namespace nn {

// The whole step, or one network's part alone (the window's "Step D only" and "Step G only"). A
// step without parts (supervised, sequence) always trains whole.
enum class StepKind { Both, Discriminator, Generator };

} // namespace nn
