// The PyTorch script of a GAN project: its two networks as the classes Generator and Discriminator,
// LayerLab's weights for both, the real samples, and the adversarial loop as LayerLab trains it.
#pragma once

#include "exportinfo.h"

#include "nn/graph.h"

#include <string>

namespace nn {

class BatchSource;
class Model;

// The script's text for a GAN's canvas graph (both networks, split by gangraph.h) and its info
// (info.gan: the adversarial settings; the defaults when absent). It loads `weightsFileName`
// (NAME.safetensors, both networks under "generator." and "discriminator.") and trains on the real
// samples in pytorchGanDataFileName(weightsFileName). Throws as pytorchScript does, with the network named.
std::string pytorchGanScript(const Graph &graph, const ExportInfo &info, const std::string &weightsFileName);

// "gan-ring.safetensors" → "gan-ring-real.safetensors": the real samples beside the script.
std::string pytorchGanDataFileName(const std::string &weightsFileName);

// Writes the script to `scriptPath` (NAME.py), both networks' weights beside it (NAME.safetensors) and
// every sample of `real` (the training split, as the discriminator reads it) as the tensor "real" of
// NAME-real.safetensors; each atomically. FileError when the script would overwrite a file it reads.
void exportPytorchGan(Model &generator, Model &discriminator, const BatchSource &real, const ExportInfo &info,
                      const std::string &scriptPath);

} // namespace nn
