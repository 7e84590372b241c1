// The registered layer kinds as the palette shows them: grouped by category, in teaching order.
#pragma once

#include "nn/layer.h"

#include <string>
#include <utility>
#include <vector>

namespace layercatalog {

// Input/Output, Core, Convolution, Normalization, Activation, Merge first; categories the list
// does not know follow alphabetically. Kinds inside a category are alphabetical, as the registry lists them.
std::vector<std::pair<std::string, std::vector<const nn::LayerSpec *>>> byCategory();

// The spec of a registered kind, or nullptr.
const nn::LayerSpec *find(const std::string &kind);

} // namespace layercatalog
