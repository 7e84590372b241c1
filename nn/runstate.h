// A run's state beside its weights ("name.run.safetensors"): the optimizer's buffers as tensors and
// the position as JSON metadata, so that training continues exactly after quitting and reopening.
// A file of its own, so that the weights file stays a plain PyTorch state dict.
#pragma once

#include "trainer.h"

#include <string>
#include <vector>

namespace nn {

class Model;

// "spiral.layerlab.json" -> "spiral.run.safetensors", beside weightsPathFor's "spiral.safetensors".
std::string runStatePathFor(const std::string &projectPath);
// "spiral.safetensors" -> "spiral.run.safetensors".
std::string runStatePathBeside(const std::string &weightsPath);

// Writes `state`, a run of `model`, to `path` atomically.
void saveRunState(Model &model, const RunState &state, const std::string &path);
// The same for a run of several models: models[i] is the one optimizer i updates (the step's
// optimizedBy(i); for AdversarialStep the discriminator, then the generator), and the models' keys
// name their tensors in the file.
void saveRunState(const std::vector<Model *> &models, const RunState &state, const std::string &path);

// Reads a run state saved for `model`. Throws FileError naming the file and what does not fit
// (another network, a damaged file); the caller can then start the optimizer afresh.
RunState loadRunState(Model &model, const std::string &path);
// The same for a run of several models, in the order they were saved.
RunState loadRunState(const std::vector<Model *> &models, const std::string &path);

} // namespace nn
