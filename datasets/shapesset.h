// ShapesSet: the bundled colour image set "Shapes", drawn procedurally from a seed: 32×32 RGB
// circles, squares, triangles, stars and crosses in random colours, places, sizes and turns, on
// noisy shaded backgrounds. A network has to find the shape wherever it is, which a CNN does and
// an MLP does poorly.
#pragma once

#include "samples.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Image i is drawn from nn::Rng::keyed(seed, "data/shapes", i) alone, so the set is the same on
// any number of cores; its class is i mod 5, so the classes are balanced.
class ShapesSet {
public:
    static constexpr int64_t kDefaultCount = 20'000;
    static constexpr uint64_t kSeed = 2026;  // the shipped set: the same images for every student
    static constexpr int kSize = 32;

    static const std::vector<std::string> &classNames();
    // `count` images [count, 3, 32, 32] as bytes, with class-number targets.
    static RawData<uint8_t> generate(int64_t count, uint64_t seed);
    static std::string description(int64_t count);
};

} // namespace datasets
