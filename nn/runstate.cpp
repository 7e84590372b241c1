// The run state file: tensors "optimizer/NAME/B" (buffer B of parameter NAME; "optimizer/KEY/NAME/B"
// when a run has several models) and "best/NAME" (early stopping's best weights), and the metadata
// key "layerlab.run" holding the position, the loss sums and each optimizer's step count.
#include "runstate.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"
#include "model.h"
#include "project.h"
#include "safetensors.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace nn {

namespace {

constexpr const char *kRunMetadataKey = "layerlab.run";
constexpr int kFormatVersion = 2;  // 2: any number of optimizers and losses; 1 had one of each

// "optimizer/NAME/B": buffer B of parameter NAME; with several models "optimizer/KEY/NAME/B".
std::string bufferName(const std::string &prefix, const std::string &parameter, size_t buffer)
{
    return "optimizer/" + prefix + parameter + "/" + std::to_string(buffer);
}

// What names a model's tensors: nothing for a run of one model, else its key and a slash.
std::vector<std::string> prefixesOf(const std::vector<Model *> &models)
{
    std::vector<std::string> prefixes;
    for (const Model *model : models) {
        const std::string prefix = models.size() == 1 ? std::string() : model->key() + "/";
        if (models.size() > 1 && (model->key().empty() ||
                                  std::find(prefixes.begin(), prefixes.end(), prefix) != prefixes.end()))
            throw TrainingError("The models of one run need keys of their own ('generator', 'discriminator') "
                                "to be saved in one run state.");
        prefixes.push_back(prefix);
    }
    return prefixes;
}

FileError damaged(const std::string &path, const std::string &what)
{
    return FileError("The run state '" + path + "' " + what +
                     " Delete it to continue from the saved weights with a fresh optimizer.");
}

} // namespace

std::string runStatePathFor(const std::string &projectPath)
{
    return runStatePathBeside(weightsPathFor(projectPath));
}

std::string runStatePathBeside(const std::string &weightsPath)
{
    return std::filesystem::path(weightsPath).replace_extension(".run.safetensors").string();
}

void saveRunState(Model &model, const RunState &state, const std::string &path)
{
    saveRunState(std::vector<Model *>{&model}, state, path);
}

void saveRunState(const std::vector<Model *> &models, const RunState &state, const std::string &path)
{
    if (state.optimizers.size() != models.size())
        throw TrainingError("A run state holds one optimizer per model; this run has " +
                            std::to_string(state.optimizers.size()) + " for " + std::to_string(models.size()) +
                            " models.");
    const std::vector<std::string> prefixes = prefixesOf(models);
    TensorMap tensors;
    nlohmann::json optimizers = nlohmann::json::array();
    for (size_t m = 0; m < models.size(); ++m) {
        const OptimizerState &optimizer = state.optimizers[m];
        const std::vector<NamedParameter> parameters = models[m]->parameters();
        size_t buffersPerParameter = 0;
        for (size_t p = 0; p < optimizer.buffers.size() && p < parameters.size(); ++p) {
            buffersPerParameter = optimizer.buffers[p].size();
            for (size_t b = 0; b < optimizer.buffers[p].size(); ++b)
                tensors.emplace(bufferName(prefixes[m], parameters[p].name, b), optimizer.buffers[p][b]);
        }
        optimizers.push_back({{"steps", optimizer.steps}, {"buffers", buffersPerParameter}});
    }
    const std::vector<NamedParameter> all = models.front()->parametersAndBuffers();
    for (size_t i = 0; i < state.bestWeights.size() && i < all.size(); ++i)
        tensors.emplace("best/" + all[i].name, state.bestWeights[i]);
    const nlohmann::json run = {
        {"format_version", kFormatVersion},
        {"epoch", state.epoch},
        {"batch_in_epoch", state.batchInEpoch},
        {"global_step", state.globalStep},
        {"loss_sums", state.lossSums},
        {"seen", state.seen},
        {"correct", state.correct},
        {"judged", state.judged},
        {"best_validation_loss", std::isfinite(state.bestValidationLoss) ? nlohmann::json(state.bestValidationLoss) : nlohmann::json()},
        {"epochs_without_improvement", state.epochsWithoutImprovement},
        {"optimizers", optimizers},
        {"training", state.config.toJson()}};
    saveSafetensors(path, tensors, {{kRunMetadataKey, run.dump()}});
}

RunState loadRunState(Model &model, const std::string &path)
{
    return loadRunState(std::vector<Model *>{&model}, path);
}

namespace {

// The optimizers' step and buffer counts and the loss sums: version 2's lists, or version 1's one
// optimizer and one loss.
void readOptimizersAndLosses(const nlohmann::json &run, const ConfigReader &reader, int version, RunState &state,
                             std::vector<int64_t> &buffers)
{
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 2;
    if (version == 1) {
        reader.real("loss_sum", state.lossSums.emplace_back(), 0.0, std::numeric_limits<double>::max());
        reader.integer("optimizer_steps", state.optimizers.emplace_back().steps, 0, kMax);
        reader.integer("optimizer_buffers", buffers.emplace_back(), 0, 16);
        return;
    }
    const auto list = [&](const char *key) -> const nlohmann::json & {
        const auto found = run.find(key);
        if (found == run.end() || !found->is_array() || found->empty() || found->size() > 16)
            throw SettingError(std::string("\"") + key + "\" must be a list of 1 to 16 entries.");
        return *found;
    };
    for (const nlohmann::json &sum : list("loss_sums")) {
        if (!sum.is_number() || !(sum.get<double>() >= 0.0) || !std::isfinite(sum.get<double>()))
            throw SettingError("\"loss_sums\" must hold finite numbers of at least 0, got " + describeJson(sum) + ".");
        state.lossSums.push_back(sum.get<double>());
    }
    for (const nlohmann::json &entry : list("optimizers")) {
        const ConfigReader optimizer(entry, "an optimizer of the run state");
        optimizer.integer("steps", state.optimizers.emplace_back().steps, 0, kMax);
        optimizer.integer("buffers", buffers.emplace_back(), 0, 16);
    }
}

} // namespace

RunState loadRunState(const std::vector<Model *> &models, const std::string &path)
{
    const SafetensorsFile file = loadSafetensors(path);
    const auto metadata = file.metadata.find(kRunMetadataKey);
    if (metadata == file.metadata.end())
        throw damaged(path, "has no '" + std::string(kRunMetadataKey) + "' metadata, so it was not written by LayerLab.");
    const nlohmann::json run = parseJsonText(metadata->second, path + " (metadata '" + kRunMetadataKey + "')");
    if (!run.is_object())
        throw damaged(path, "holds " + describeJson(run) + " where its metadata should be an object.");

    RunState state;
    std::vector<int64_t> buffers;
    try {
        const ConfigReader reader(run, "run state");
        int version = 0;
        reader.integer("format_version", version, 1, std::numeric_limits<int>::max());
        if (version > kFormatVersion)
            throw damaged(path, "has format version " + std::to_string(version) + "; this LayerLab reads versions 1 to " +
                                    std::to_string(kFormatVersion) + ".");
        constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 2;
        reader.integer("epoch", state.epoch, 0, std::numeric_limits<int>::max());
        reader.integer("batch_in_epoch", state.batchInEpoch, 0, kMax);
        reader.integer("global_step", state.globalStep, 0, kMax);
        reader.integer("seen", state.seen, 0, kMax);
        reader.integer("correct", state.correct, 0, kMax);
        state.judged = state.seen;  // files before sequences judged one prediction per sample
        if (run.contains("judged"))
            reader.integer("judged", state.judged, 0, kMax);
        if (!run.value("best_validation_loss", nlohmann::json()).is_null())
            reader.real("best_validation_loss", state.bestValidationLoss, 0.0, std::numeric_limits<double>::max());
        reader.integer("epochs_without_improvement", state.epochsWithoutImprovement, 0, std::numeric_limits<int>::max());
        readOptimizersAndLosses(run, reader, version, state, buffers);
        state.config = TrainingConfig::fromJson(reader.section("training"));
    } catch (const SettingError &error) {
        throw damaged(path, std::string("is damaged: ") + error.what());
    }
    if (state.optimizers.size() != models.size())
        throw damaged(path, "holds the run of " + std::to_string(state.optimizers.size()) + " model(s), not " +
                                std::to_string(models.size()) + "; was it saved for another project?");

    size_t used = 0;
    const auto take = [&](const std::string &name, const Shape &shape) {
        const auto found = file.tensors.find(name);
        if (found == file.tensors.end())
            throw damaged(path, "has no tensor '" + name + "'; was it saved for another network?");
        if (elementCount(found->second.shape()) != elementCount(shape))
            throw damaged(path, "has tensor '" + name + "' of shape " + toString(found->second.shape()) + " where this network needs " +
                                    toString(shape) + "; was it saved for another network?");
        ++used;
        return found->second;
    };
    const std::vector<std::string> prefixes = prefixesOf(models);
    for (size_t m = 0; m < models.size(); ++m)
        if (state.optimizers[m].steps > 0)
            for (const auto &[name, parameter] : models[m]->parameters()) {
                auto &perParameter = state.optimizers[m].buffers.emplace_back();
                for (int64_t b = 0; b < buffers[m]; ++b)
                    perParameter.push_back(take(bufferName(prefixes[m], name, size_t(b)), {parameter->value.size()}));
            }
    if (std::any_of(file.tensors.begin(), file.tensors.end(), [](const auto &entry) { return entry.first.starts_with("best/"); }))
        for (const auto &[name, parameter] : models.front()->parametersAndBuffers()) {
            Tensor best = take("best/" + name, parameter->value.shape());
            best.reshape(parameter->value.shape());
            state.bestWeights.push_back(std::move(best));
        }
    if (used != file.tensors.size())
        throw damaged(path, "holds tensors this network does not have; was it saved for another network?");
    return state;
}

} // namespace nn
