// The three registries, created on first use so that registration order does not matter.
#include "registry.h"

#include "error.h"
#include "loss.h"
#include "optimizer.h"

namespace nn {

template <typename Product, typename Spec>
const typename Registry<Product, Spec>::Entry &Registry<Product, Spec>::entry(const std::string &kind) const
{
    auto found = entries_.find(kind);
    if (found == entries_.end()) {
        std::string known;
        for (const auto &[name, entry] : entries_)
            known += (known.empty() ? "" : ", ") + name;
        throw SettingError("Unknown " + family + " '" + kind + "'; the known ones are: " + known + ".");
    }
    return found->second;
}

template <typename Product, typename Spec>
std::vector<std::string> Registry<Product, Spec>::kinds() const
{
    std::vector<std::string> names;
    for (const auto &[name, entry] : entries_)
        names.push_back(name);
    return names;
}

template <typename Product, typename Spec>
std::vector<const Spec *> Registry<Product, Spec>::specs() const
{
    std::vector<const Spec *> all;
    for (const auto &[name, entry] : entries_)
        all.push_back(entry.spec);
    return all;
}

template class Registry<Layer, LayerSpec>;
template class Registry<Loss, LossSpec>;
template class Registry<Optimizer, ComponentSpec>;

LayerRegistry &layerRegistry()
{
    static LayerRegistry registry = [] { LayerRegistry r; r.family = "layer kind"; return r; }();
    return registry;
}

LossRegistry &lossRegistry()
{
    static LossRegistry registry = [] { LossRegistry r; r.family = "loss"; return r; }();
    return registry;
}

OptimizerRegistry &optimizerRegistry()
{
    static OptimizerRegistry registry = [] { OptimizerRegistry r; r.family = "optimizer"; return r; }();
    return registry;
}

} // namespace nn
