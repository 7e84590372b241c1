// Sample lengths from padded token ids.
#include "sequencelengths.h"

#include "nn/error.h"

#include <algorithm>
#include <cmath>

namespace nn {

std::vector<int64_t> sequenceLengths(const Tensor *ids, int64_t batch, int64_t steps)
{
    std::vector<int64_t> lengths(size_t(batch), steps);
    if (!ids)
        return lengths;
    for (int64_t n = 0; n < batch; ++n) {
        int64_t count = 0;
        for (int64_t t = 0; t < steps; ++t)
            count += std::lround((*ids)[n * steps + t]) != 0;
        lengths[size_t(n)] = std::max<int64_t>(count, 1);
    }
    return lengths;
}

void checkIdsInput(const std::string &kind, const std::vector<Shape> &inputs)
{
    if (inputs.size() == 2 && (inputs[1].size() != 2 || inputs[1][1] != inputs[0][1]))
        throw ShapeError(kind + "'s second input gives each sample's token ids [N, " + std::to_string(inputs[0][1]) +
                         "] (0 is padding) but got " + toString(inputs[1]) +
                         "; connect the ids that feed the Embedding, or nothing.");
}

} // namespace nn
