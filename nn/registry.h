// Registries: layer kinds, losses and optimizers register by name; palette, inspector, file
// format and exporters read them, so a new kind needs no code outside its own file pair (and, for a
// layer kind, its export adapters in nn/export/layers/, registered with the kind's declaration).
#pragma once

#include "layer.h"
#include "loss.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace nn {

class Optimizer;

// Name → declaration and factory for one family of components.
template <typename Product, typename Spec>
class Registry {
public:
    using Factory = std::function<std::unique_ptr<Product>(Settings)>;
    struct Entry {
        const Spec *spec;
        Factory create;
    };

    void add(const Spec &spec, Factory factory) { entries_[spec.kind] = {&spec, std::move(factory)}; }

    // Throws SettingError listing the known kinds when `kind` is not one.
    const Entry &entry(const std::string &kind) const;
    const Spec &spec(const std::string &kind) const { return *entry(kind).spec; }
    std::unique_ptr<Product> create(const std::string &kind, Settings settings) const
    {
        return entry(kind).create(std::move(settings));
    }
    std::unique_ptr<Product> create(const std::string &kind) const
    {
        return create(kind, Settings(spec(kind)));
    }
    bool contains(const std::string &kind) const { return entries_.count(kind) != 0; }
    std::vector<std::string> kinds() const;
    std::vector<const Spec *> specs() const;

    std::string family;  // "layer kind", "loss", "optimizer": for messages

private:
    std::map<std::string, Entry> entries_;
};

using LayerRegistry = Registry<Layer, LayerSpec>;
using LossRegistry = Registry<Loss, LossSpec>;
using OptimizerRegistry = Registry<Optimizer, ComponentSpec>;

LayerRegistry &layerRegistry();
LossRegistry &lossRegistry();
OptimizerRegistry &optimizerRegistry();

// Used as `const bool registeredDenseLayer = registerLayer<DenseLayer>();` in the kind's .cpp (named
// after the kind, so that a unity build can put several kinds' files in one unit). The class
// provides `static const LayerSpec &declaration()` and a constructor taking Settings.
template <typename Kind>
bool registerLayer()
{
    layerRegistry().add(Kind::declaration(),
                        [](Settings settings) { return std::make_unique<Kind>(std::move(settings)); });
    return true;
}

template <typename Kind>
bool registerLoss()
{
    lossRegistry().add(Kind::declaration(),
                       [](Settings settings) { return std::make_unique<Kind>(std::move(settings)); });
    return true;
}

template <typename Kind>
bool registerOptimizer()
{
    optimizerRegistry().add(Kind::declaration(),
                            [](Settings settings) { return std::make_unique<Kind>(std::move(settings)); });
    return true;
}

} // namespace nn
