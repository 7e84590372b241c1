// DataSplit: which samples of a set go to training, validation and test, decided by a seeded shuffle.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace datasets {

// Disjoint, sorted row lists that together cover 0..count-1.
struct DataSplit {
    std::vector<int64_t> train, validation, test;

    // Holds out round(count · testFraction) as test, then round(rest · validationFraction) as
    // validation; the shuffle comes from nn::Rng::keyed(seed, "split"). With at least 10 samples
    // a split whose fraction is above 0 gets at least one sample, and training always keeps one.
    static DataSplit make(int64_t count, double validationFraction, double testFraction, uint64_t seed);
    // The same sizes as make(), in time order: the first rows train, the next validate, the last
    // test, so that a forecast is tested on a future it never saw.
    static DataSplit chronological(int64_t count, double validationFraction, double testFraction);
    // How many of `available` samples a fraction holds out, leaving at least `keep` behind.
    static int64_t heldOut(int64_t available, double fraction, int64_t keep, bool atLeastOne);
    // How many samples of `count` go to test and to validation.
    static std::pair<int64_t, int64_t> heldOutSizes(int64_t count, double validationFraction, double testFraction);
};

} // namespace datasets
