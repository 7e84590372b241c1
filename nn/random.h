// Rng: seeded random numbers keyed by what they serve, identical on every platform and thread count.
#pragma once

#include <cstdint>
#include <string_view>

namespace nn {

// xoshiro256** seeded through splitmix64; distributions are written here, not taken from <random>,
// whose normal distribution differs between standard libraries.
class Rng {
public:
    explicit Rng(uint64_t seed = 0);
    // A generator for one purpose ("init/dense1", "shuffle", "dropout/3") under one run seed.
    static Rng keyed(uint64_t seed, std::string_view key, uint64_t index = 0);
    // One stream per (index, subindex) pair, as a dropout mask's step and row.
    static Rng keyed(uint64_t seed, std::string_view key, uint64_t index, uint64_t subindex);

    uint64_t next();
    float uniform();                       // [0, 1)
    float uniform(float low, float high);  // [low, high)
    float normal(float mean = 0.0f, float stddev = 1.0f);
    uint64_t below(uint64_t bound);        // [0, bound)

private:
    uint64_t state_[4];
};

} // namespace nn
