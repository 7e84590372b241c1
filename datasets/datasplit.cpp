// DataSplit: a Fisher-Yates shuffle, then consecutive slices for test, validation and training.
#include "datasplit.h"

#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace datasets {

namespace {

constexpr int64_t kGuaranteedFrom = 10;  // samples from which a split with a fraction above 0 is never empty

std::vector<int64_t> sortedSlice(const std::vector<int64_t> &order, int64_t begin, int64_t end)
{
    std::vector<int64_t> slice(order.begin() + begin, order.begin() + end);
    std::sort(slice.begin(), slice.end());
    return slice;
}

} // namespace

int64_t DataSplit::heldOut(int64_t available, double fraction, int64_t keep, bool atLeastOne)
{
    int64_t count = std::llround(static_cast<double>(available) * fraction);
    if (fraction > 0.0 && atLeastOne)
        count = std::max<int64_t>(count, 1);
    return std::clamp<int64_t>(count, 0, std::max<int64_t>(available - keep, 0));
}

std::pair<int64_t, int64_t> DataSplit::heldOutSizes(int64_t count, double validationFraction, double testFraction)
{
    const bool guaranteed = count >= kGuaranteedFrom;
    // Training keeps one sample, and one more for validation when it is asked for.
    const int64_t keep = 1 + (validationFraction > 0.0 ? 1 : 0);
    const int64_t tests = heldOut(count, testFraction, keep, guaranteed);
    return {tests, heldOut(count - tests, validationFraction, 1, guaranteed)};
}

DataSplit DataSplit::make(int64_t count, double validationFraction, double testFraction, uint64_t seed)
{
    std::vector<int64_t> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), int64_t{0});
    nn::Rng rng = nn::Rng::keyed(seed, "split");
    for (int64_t i = count - 1; i > 0; --i)
        std::swap(order[static_cast<size_t>(i)], order[rng.below(static_cast<uint64_t>(i + 1))]);

    const auto [tests, validations] = heldOutSizes(count, validationFraction, testFraction);

    DataSplit split;
    split.test = sortedSlice(order, 0, tests);
    split.validation = sortedSlice(order, tests, tests + validations);
    split.train = sortedSlice(order, tests + validations, count);
    return split;
}

DataSplit DataSplit::chronological(int64_t count, double validationFraction, double testFraction)
{
    const auto [tests, validations] = heldOutSizes(count, validationFraction, testFraction);
    DataSplit split;
    for (int64_t row = 0; row < count; ++row)
        (row < count - tests - validations ? split.train : row < count - tests ? split.validation : split.test).push_back(row);
    return split;
}

} // namespace datasets
