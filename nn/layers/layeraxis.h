// The axis setting that Concat and Split share: counted with the batch as 0, -1 for the last.
#pragma once

#include "nn/tensor.h"

#include <string>

namespace nn {

// `axis` as a dim index of a rank-`rank` tensor (-1 resolved to the last).
inline int resolvedAxis(int64_t axis, int rank) { return axis == -1 ? rank - 1 : static_cast<int>(axis); }

// The resolved axis of `shape`; throws ShapeError naming `kind` and what it does along the axis
// ("join", "cut") when the axis is the batch or beyond the last dim.
int checkedAxis(const std::string &kind, const std::string &action, int64_t axis, const Shape &shape);

} // namespace nn
