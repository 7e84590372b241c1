// modelfiles: the files the worker writes for Save and Export, apart from its signals: the trained
// weights with the run state beside them, and the network as ONNX, a PyTorch script or safetensors.
#pragma once

#include "nn/runstate.h"

#include <QString>

#include <optional>
#include <string>

namespace datasets {
class Experiment;
}

namespace modelfiles {

// Writes every model's weights (a GAN's both networks) to `path`, and `state` beside them; without a
// state, an older run's file there is removed, since it would not fit these weights. Throws on failure.
void saveWeights(datasets::Experiment &experiment, const std::optional<nn::RunState> &state, const std::string &path);

// Writes the network in `format`: "onnx", "pytorch" (a GAN's script has both networks and the loop)
// or anything else as safetensors. Throws on failure.
void exportModel(datasets::Experiment &experiment, const QString &format, const std::string &path);

} // namespace modelfiles
