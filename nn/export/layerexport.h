// LayerExport: what one layer kind becomes in each export format, its ONNX nodes and its PyTorch
// module and call. Each kind registers its adapters once, in its own file under nn/export/layers/,
// named by the kind's declaration, so the exporters know every kind the registry knows.
#pragma once

#include "onnxnodewriters.h"
#include "pytorchlayers.h"

#include "nn/layer.h"

#include <functional>
#include <string>

namespace nn {

// The kind's submodule and forward expression for one node with these settings.
using PytorchNodeWriter = std::function<PytorchNode(const Settings &, const PytorchNodeContext &)>;

// One layer kind's adapters, one per export format; both are required.
struct LayerExport {
    OnnxNodeWriter onnx;
    PytorchNodeWriter pytorch;
};

// Registers `spec.kind`'s adapters; asserts that both are given and that the kind has none yet.
bool registerLayerExport(const LayerSpec &spec, LayerExport adapters);

// Used as `const bool registeredDenseExport = registerLayerExport<DenseLayer>({...});` in the kind's
// export file (named after it, for unity builds): the kind is named by its declaration alone.
template <typename Kind>
bool registerLayerExport(LayerExport adapters)
{
    return registerLayerExport(Kind::declaration(), std::move(adapters));
}

// The adapters of `kind`, or nullptr when it has none.
const LayerExport *layerExport(const std::string &kind);

// A PyTorch writer for kinds that are one fixed module applied to the input ("nn.Flatten()").
PytorchNodeWriter pytorchModule(std::string constructor);

} // namespace nn
