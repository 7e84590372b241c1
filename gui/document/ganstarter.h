// ganstarter: the small generator and discriminator that "Make this a GAN" puts on the canvas for
// the current data, as a graph fragment (both networks tagged, ready to paste).
#pragma once

#include "nn/graph.h"

#include <nlohmann/json.hpp>

namespace ganstarter {

// The data's per-sample shape as the project's Input says it ([2] for points, [1, 8, 8] for the
// 8×8 digits); [2] when the graph has no Input with a known shape.
nn::Shape dataSampleShape(const nn::Graph &graph, const std::map<int, nn::NodeStatus> &status);

// G: noise [z] → Dense 64 relu → Dense (the data's values) [→ Reshape]; D: real data [→ Flatten]
// → Dense 64 leaky_relu → Dense 1. z is 2 for data of two values or fewer, else 16. The fragment's
// ids start at 1; paste it with fresh ids.
nlohmann::json fragmentFor(const nn::Shape &sample);

} // namespace ganstarter
