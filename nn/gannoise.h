// ganNoise: a GAN generator's noise z, drawn the one way the adversarial step draws it, so that the
// window's views and layerlab-cli generate show G on exactly the noise a seed names.
#pragma once

#include "ganconfig.h"
#include "model.h"
#include "tensor.h"

#include <cstdint>

namespace nn {

// n noise vectors [n, z…] in the shape of the generator's Input: N(0, 1) or U(−1, 1) as `gan.noise`
// says, from the stream keyed by seed, the generator's key, step and draw.
Tensor ganNoise(const Model &generator, const GanConfig &gan, int64_t n, uint64_t seed, uint64_t step, uint64_t draw);

} // namespace nn
