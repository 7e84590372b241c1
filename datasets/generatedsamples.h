// A trained GAN's samples as the CLI, the tests and the classifier check read them.
#pragma once

#include "nn/tensor.h"

namespace datasets {

class Experiment;

// n samples of a GAN project's generator for noise keyed by `seed`, [n, sample shape…]: as the
// model makes them (the data's scaled units, pixels in [0, 1] for pixel-scaled sets) ...
nn::Tensor generatorSamples(Experiment &gan, int64_t n, uint64_t seed);
// ... and in the data's own units (raw·scale + offset undone). nn::SettingError for a project
// that is not a GAN.
nn::Tensor generatedSamplesInDataUnits(Experiment &gan, int64_t n, uint64_t seed);

} // namespace datasets
