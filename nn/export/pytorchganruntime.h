// The GAN script's fixed Python: the adversarial step as LayerLab's AdversarialStep takes it (the
// four losses, one-sided label smoothing, the gradient penalties, D frozen while G steps), reading
// the real samples, writing G's samples, and the train and sample entry points.
#pragma once

#include <string>

namespace nn {

// noise(n), the losses, gradient_penalty, discriminator_step, generator_step and adversarial_step,
// which takes LayerLab's own noise and penalty mixes when given (the export test replays a step).
// Uses NOISE, NOISE_SHAPE, SAMPLE_SHAPE, LOSS, D_STEPS, LABEL_SMOOTHING and the penalties' weights.
const std::string &pytorchGanStepCode();
// read_real(path), write_samples(gan, path, count, seed), train(args), sample(args), main().
const std::string &pytorchGanEntryPointsCode();

} // namespace nn
