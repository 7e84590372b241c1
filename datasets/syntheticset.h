// SyntheticSet: the generated playground sets (circle, xor, gaussian, spiral, moons, plane, sine),
// deterministic from the seed through nn::Rng::keyed(seed, "data/<name>").
#pragma once

#include "samples.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Generates the TensorFlow-Playground-style 2-D sets; points lie within about ±6, sine's x within ±3.
// `noise` is the standard deviation of Gaussian jitter: noise·2.5 units on the points of the
// classification sets (half the radius 5 of circle and spiral), noise on the targets of plane and sine.
class SyntheticSet {
public:
    static std::vector<std::string> names();
    static bool contains(const std::string &name);
    // `count` samples, half of each class for the classification sets.
    static RawData<float> generate(const std::string &name, int64_t count, double noise, uint64_t seed);
};

} // namespace datasets
