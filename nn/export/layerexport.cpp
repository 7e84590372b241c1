// The layer kinds' export adapters by kind, created on first use so that registration order does
// not matter (each kind's file registers from a static initializer).
#include "layerexport.h"

#include <cassert>
#include <map>

namespace nn {

namespace {

std::map<std::string, LayerExport> &layerExports()
{
    static std::map<std::string, LayerExport> exports;
    return exports;
}

} // namespace

bool registerLayerExport(const LayerSpec &spec, LayerExport adapters)
{
    assert(adapters.onnx && adapters.pytorch && "a layer kind's export needs both adapters");
    [[maybe_unused]] const bool added = layerExports().emplace(spec.kind, std::move(adapters)).second;
    assert(added && "a layer kind's export is registered twice");
    return true;
}

const LayerExport *layerExport(const std::string &kind)
{
    const auto found = layerExports().find(kind);
    return found == layerExports().end() ? nullptr : &found->second;
}

PytorchNodeWriter pytorchModule(std::string constructor)
{
    return [constructor = std::move(constructor)](const Settings &, const PytorchNodeContext &c) {
        return PytorchNode{constructor, c.call()};
    };
}

} // namespace nn
