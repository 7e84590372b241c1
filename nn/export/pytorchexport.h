// The PyTorch exporter: a graph and how it was trained, as one runnable, readable Python script
// (an nn.Module mirroring the drawing, predict and train entry points, DDP under torchrun).
#pragma once

#include "exportinfo.h"

#include "nn/graph.h"

#include <string>

namespace nn {

// The script's text. The same graph and info always give the same bytes. `weightsFileName` is the
// safetensors file beside the script ("iris.safetensors"); the script is named after it ("iris.py").
// Throws ShapeError when the graph has a shape problem, and Error when a node's kind has no PyTorch
// writer or a node's name cannot name a PyTorch submodule (empty, with a '.', or one of nn.Module's
// own attributes such as "forward"; the message says to rename it). A GAN's graph (isGanGraph) gives
// the GAN's script (pytorchgan.h).
std::string pytorchScript(const Graph &graph, const ExportInfo &info, const std::string &weightsFileName);

class Model;

// Writes the script to `scriptPath` (NAME.py) and the model's weights beside it (NAME.safetensors),
// which the script loads; both atomically. FileError when the script would overwrite its weights.
void exportPytorch(Model &model, const ExportInfo &info, const std::string &scriptPath);

} // namespace nn
