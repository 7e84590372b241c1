// The axis check with its message, once for Concat and Split.
#include "layeraxis.h"

#include "nn/error.h"

namespace nn {

int checkedAxis(const std::string &kind, const std::string &action, int64_t axis, const Shape &shape)
{
    const int rank = static_cast<int>(shape.size());
    const int resolved = resolvedAxis(axis, rank);
    if (resolved <= 0 || resolved >= rank)
        throw ShapeError(kind + " cannot " + action + " " + toString(shape) + " along axis " + std::to_string(axis) +
                         "; choose an axis from 1 to " + std::to_string(rank - 1) +
                         " (0 is the batch), or -1 for the last.");
    return resolved;
}

} // namespace nn
