// The layer kinds' export adapters by kind (each kind's file registers from a static initializer).
#include "layerexport.h"

#include "kindadapters.h"

namespace nn {

bool registerLayerExport(const LayerSpec &spec, LayerExport adapters)
{
    assert(adapters.onnx && adapters.pytorch && "a layer kind's export needs both adapters");
    return kindAdapters<LayerExport>().add(spec.kind, std::move(adapters));
}

const LayerExport *layerExport(const std::string &kind)
{
    return kindAdapters<LayerExport>().find(kind);
}

PytorchNodeWriter pytorchModule(std::string constructor)
{
    return [constructor = std::move(constructor)](const Settings &, const PytorchNodeContext &c) {
        return PytorchNode{constructor, c.call()};
    };
}

} // namespace nn
