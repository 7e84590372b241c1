// DrawnSet: "draw your own", as in GAN Lab: the 2D points a student painted on the plot (the
// project's data.points) become a data set for a generative model to learn.
#pragma once

#include "samples.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Sample i is drawn point i mod P with Gaussian jitter of standard deviation `noise` (nn::Rng keyed
// "data/drawn"), so a few dozen painted points make a smooth set of `count` samples; every sample is
// of the one class "drawn".
class DrawnSet {
public:
    static constexpr const char *kName = "drawn";
    // Fewer points than this are refused: a GAN has too little to learn from.
    static constexpr size_t kMinPoints = 10;

    static std::string description();
    // Throws nn::SettingError when there are fewer than kMinPoints points, saying how to add more.
    static void check(const std::vector<std::array<double, 2>> &points);
    static RawData<float> generate(const std::vector<std::array<double, 2>> &points, int64_t count, double noise, uint64_t seed);
};

} // namespace datasets
