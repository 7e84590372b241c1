// Regularization and gradient clipping over fixed chunks: sums are added in chunk order, so the
// result is bitwise the same on any thread count.
#include "regularization.h"

#include "parallel.h"

#include <cmath>

namespace nn {

namespace {
constexpr int64_t kRegularizationChunkElements = 16384;

// Calls body(weights, grads) on fixed segments of one parameter (element-wise work only).
template <typename Body>
void forEachSegment(Parameter &parameter, double flopsPerElement, const Body &body)
{
    const int64_t count = parameter.value.size();
    parallelChunks(count, kRegularizationChunkElements, double(count) * flopsPerElement, [&](int64_t begin, int64_t end) {
        body(ArrayMap(parameter.value.data() + begin, end - begin),
             ArrayMap(parameter.grad.data() + begin, end - begin));
    });
}

// Σ partial(weights, grads) over fixed segments of one parameter, added in segment order.
template <typename Partial>
double sumOverSegments(Parameter &parameter, double flopsPerElement, const Partial &partial)
{
    const int64_t count = parameter.value.size();
    return deterministicSum(count, kRegularizationChunkElements, double(count) * flopsPerElement, 0.0,
                            [&](int64_t begin, int64_t end) {
                                return partial(ArrayMap(parameter.value.data() + begin, end - begin),
                                               ArrayMap(parameter.grad.data() + begin, end - begin));
                            });
}
} // namespace

double applyRegularization(const std::vector<Parameter *> &parameters, double l1, double l2)
{
    if (l1 == 0.0 && l2 == 0.0)
        return 0.0;
    const float l1Slope = float(l1), l2Slope = float(2.0 * l2);
    double penalty = 0.0;
    for (Parameter *parameter : parameters) {
        if (!parameter->decays || parameter->frozen)
            continue;
        penalty += sumOverSegments(*parameter, 8.0, [&](ArrayMap weight, ArrayMap grad) {
            const double segmentPenalty =
                l1 * weight.abs().cast<double>().sum() + l2 * weight.cast<double>().square().sum();
            grad += l1Slope * weight.sign() + l2Slope * weight;
            return segmentPenalty;
        });
    }
    return penalty;
}

double clipGradientNorm(const std::vector<Parameter *> &parameters, double maxNorm)
{
    double sumOfSquares = 0.0;
    for (Parameter *parameter : parameters)
        sumOfSquares += sumOverSegments(*parameter, 2.0, [](ArrayMap, ArrayMap grad) {
            return grad.cast<double>().square().sum();
        });
    const double total = std::sqrt(sumOfSquares);
    const double coefficient = maxNorm / (total + 1e-6);
    if (coefficient < 1.0) {
        const float scale = float(coefficient);
        for (Parameter *parameter : parameters)
            forEachSegment(*parameter, 1.0, [scale](ArrayMap, ArrayMap grad) { grad *= scale; });
    }
    return total;
}

} // namespace nn
