// A model's weights as a safetensors file: every parameter and buffer under its full name
// ("dense1.weight"), in the layouts PyTorch uses, so the file loads into the exported script.
#pragma once

#include <string>
#include <vector>

namespace nn {

class Model;

// Writes every parameter and buffer of `model` to `path` atomically.
void saveWeights(Model &model, const std::string &path);

// The same for several models (a GAN's discriminator and generator) in one file, each tensor named
// with its model's key before it ("generator.dense1.weight", as a PyTorch module holding both would
// name it); a model without a key (a project's one model) keeps the plain names.
void saveWeights(const std::vector<Model *> &models, const std::string &path);
void loadWeights(const std::vector<Model *> &models, const std::string &path);

// Replaces the model's parameters and buffers with the file's. The file must hold exactly the
// model's tensors with the model's shapes; otherwise FileError says which tensor and why, and
// the model is left unchanged (everything is checked before anything is copied).
void loadWeights(Model &model, const std::string &path);

} // namespace nn
