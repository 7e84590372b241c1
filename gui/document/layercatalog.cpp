// Layer kinds grouped for the palette, straight from the registry.
#include "layercatalog.h"

#include "nn/registry.h"

#include <algorithm>
#include <map>

namespace layercatalog {

namespace {

// Where a category goes: its place in the teaching order, or after all of them.
int rankOf(const std::string &category)
{
    static const std::vector<std::string> order = {"Input/Output", "Core",       "Convolution",
                                                   "Normalization", "Activation", "Merge", "Sequence"};
    const auto at = std::find(order.begin(), order.end(), category);
    return static_cast<int>(at - order.begin());
}

} // namespace

std::vector<std::pair<std::string, std::vector<const nn::LayerSpec *>>> byCategory()
{
    std::map<std::string, std::vector<const nn::LayerSpec *>> groups;
    for (const nn::LayerSpec *spec : nn::layerRegistry().specs())
        groups[spec->category].push_back(spec);
    std::vector<std::pair<std::string, std::vector<const nn::LayerSpec *>>> ordered(groups.begin(), groups.end());
    // The map already sorts names alphabetically; a stable sort by rank keeps that among unknowns.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return rankOf(a.first) < rankOf(b.first); });
    return ordered;
}

const nn::LayerSpec *find(const std::string &kind)
{
    return nn::layerRegistry().contains(kind) ? &nn::layerRegistry().spec(kind) : nullptr;
}

} // namespace layercatalog
