// KindAdapters: one kind of export adapter by component kind, filled by the kinds' static
// initializers; created on first use, so registration order does not matter.
#pragma once

#include <cassert>
#include <map>
#include <string>

namespace nn {

// Kind name → adapter; each kind registers once.
template <typename Adapter>
class KindAdapters {
public:
    // Adds `kind`'s adapter; asserts that the kind has none yet.
    bool add(const std::string &kind, Adapter adapter)
    {
        [[maybe_unused]] const bool added = adapters_.emplace(kind, std::move(adapter)).second;
        assert(added && "a kind's export adapter is registered twice");
        return true;
    }

    // The adapter of `kind`, or nullptr when it has none.
    const Adapter *find(const std::string &kind) const
    {
        const auto found = adapters_.find(kind);
        return found == adapters_.end() ? nullptr : &found->second;
    }

private:
    std::map<std::string, Adapter> adapters_;
};

// The one table of `Adapter`s (LayerExport, PytorchLossWriter).
template <typename Adapter>
KindAdapters<Adapter> &kindAdapters()
{
    static KindAdapters<Adapter> adapters;
    return adapters;
}

} // namespace nn
