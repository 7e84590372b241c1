// MixtureSet: 2D point sets for generative models, as in GAN Lab and the GAN papers: a ring of 8
// Gaussians, a grid of 25 Gaussians and a line. Deterministic from the seed (nn::Rng keyed "data/NAME").
#pragma once

#include "samples.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace datasets {

// ring: 8 Gaussians on a circle of radius 2; grid: 25 Gaussians at {−4, −2, 0, 2, 4}²; each of
// standard deviation `noise`, the class of a point being its Gaussian. line: points spread evenly
// along the segment from (−3, −1.5) to (3, 1.5) with Gaussian jitter `noise`, whose target is the
// position along the line (a regression set of one value).
class MixtureSet {
public:
    static std::vector<std::string> names();
    static bool contains(const std::string &name);
    static RawData<float> generate(const std::string &name, int64_t count, double noise, uint64_t seed);
    // The centres of a set's Gaussians (empty for line): what a generator's samples should cover.
    static std::vector<std::pair<float, float>> centres(const std::string &name);
};

} // namespace datasets
