// Saving and loading a model's weights, all or nothing, with messages that name the tensor.
#include "weights.h"

#include "error.h"
#include "model.h"
#include "safetensors.h"

#include <algorithm>
#include <set>

namespace nn {

namespace {

// "a, b, c, d, e (and 7 more)": enough names to recognise a file without flooding the message.
std::string firstNames(const TensorMap &tensors)
{
    constexpr size_t kShown = 5;
    if (tensors.empty())
        return "no tensors at all";
    std::string text;
    size_t shown = 0;
    for (const auto &[name, tensor] : tensors) {
        if (shown++ == kShown)
            break;
        text += (text.empty() ? "" : ", ") + name;
    }
    if (tensors.size() > kShown)
        text += " (and " + std::to_string(tensors.size() - kShown) + " more)";
    return text;
}

void checkMatches(const std::vector<NamedParameter> &expected, const TensorMap &found, const std::string &path)
{
    for (const auto &[name, parameter] : expected) {
        const auto match = found.find(name);
        if (match == found.end())
            throw FileError("The weights file '" + path + "' has no tensor '" + name +
                            "', which this network needs; the file has " + firstNames(found) +
                            ". Were the weights saved from a different network?");
        if (match->second.shape() != parameter->value.shape())
            throw FileError("Tensor '" + name + "' in '" + path + "' has shape " + toString(match->second.shape()) +
                            " but the network expects " + toString(parameter->value.shape()) +
                            "; the weights come from a network with different layer sizes.");
    }
    std::set<std::string> known;
    for (const auto &parameter : expected)
        known.insert(parameter.name);
    for (const auto &[name, tensor] : found) {
        if (!known.count(name))
            throw FileError("The weights file '" + path + "' has a tensor '" + name +
                            "' that this network does not have; were the weights saved from a different network?");
    }
}

// Every model's parameters and buffers under their names in the file.
std::vector<NamedParameter> namedInFile(const std::vector<Model *> &models)
{
    std::vector<NamedParameter> all;
    for (Model *model : models)
        for (NamedParameter p : model->parametersAndBuffers()) {
            p.name = model->key().empty() ? p.name : model->key() + "." + p.name;
            all.push_back(std::move(p));
        }
    return all;
}

} // namespace

void saveWeights(Model &model, const std::string &path)
{
    saveWeights(std::vector<Model *>{&model}, path);
}

void saveWeights(const std::vector<Model *> &models, const std::string &path)
{
    TensorMap tensors;
    for (const auto &[name, parameter] : namedInFile(models))
        tensors.emplace(name, parameter->value);
    // "format": "pt" is what Hugging Face tools look for in PyTorch state dicts.
    saveSafetensors(path, tensors, {{"format", "pt"}});
}

void loadWeights(Model &model, const std::string &path)
{
    loadWeights(std::vector<Model *>{&model}, path);
}

void loadWeights(const std::vector<Model *> &models, const std::string &path)
{
    const SafetensorsFile file = loadSafetensors(path);
    const std::vector<NamedParameter> expected = namedInFile(models);
    checkMatches(expected, file.tensors, path);
    // Copy into the existing buffers: layers and optimizers keep their pointers valid.
    for (const auto &[name, parameter] : expected) {
        const Tensor &source = file.tensors.at(name);
        std::copy(source.data(), source.data() + source.size(), parameter->value.data());
    }
}

} // namespace nn
