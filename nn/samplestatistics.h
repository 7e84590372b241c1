// Statistics that compare a set of generated samples with real ones: how a GAN's run is measured.
#pragma once

#include "tensor.h"

namespace nn {

// The mean over features of each feature's standard deviation across the samples of x [N, …]:
// how spread out the samples are (a collapsed generator gives near 0).
double meanFeatureStd(const Tensor &x);

// The energy distance 2·E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖ between the samples of a and b ([N, …] and
// [M, …], the same features), with every pair counted (Székely & Rizzo): 0 exactly when the two
// distributions are equal, larger the further apart they are.
double energyDistance(const Tensor &a, const Tensor &b);

} // namespace nn
