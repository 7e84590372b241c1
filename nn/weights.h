// A model's weights as a safetensors file: every parameter and buffer under its full name
// ("dense1.weight"), in the layouts PyTorch uses, so the file loads into the exported script.
#pragma once

#include <string>

namespace nn {

class Model;

// Writes every parameter and buffer of `model` to `path` atomically.
void saveWeights(Model &model, const std::string &path);

// Replaces the model's parameters and buffers with the file's. The file must hold exactly the
// model's tensors with the model's shapes; otherwise FileError says which tensor and why, and
// the model is left unchanged (everything is checked before anything is copied).
void loadWeights(Model &model, const std::string &path);

} // namespace nn
