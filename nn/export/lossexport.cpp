// The losses' PyTorch writers by kind (nn/export/losses/ registers them from static initializers).
#include "lossexport.h"

#include "kindadapters.h"

namespace nn {

bool registerLossExport(const LossSpec &spec, PytorchLossWriter pytorch)
{
    assert(pytorch && "a loss's export needs its PyTorch writer");
    return kindAdapters<PytorchLossWriter>().add(spec.kind, std::move(pytorch));
}

const PytorchLossWriter *lossExport(const std::string &kind)
{
    return kindAdapters<PytorchLossWriter>().find(kind);
}

} // namespace nn
