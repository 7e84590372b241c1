// Layer defaults.
#include "layer.h"

namespace nn {

void Layer::build(const std::vector<Shape> &, Rng &) {}

} // namespace nn
