// The run state file: tensors "optimizer/NAME/B" (buffer B of parameter NAME) and "best/NAME"
// (early stopping's best weights), and the metadata key "layerlab.run" holding the position.
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
constexpr int kFormatVersion = 1;

std::string bufferName(const std::string &parameter, size_t buffer)
{
    return "optimizer/" + parameter + "/" + std::to_string(buffer);
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
    if (state.optimizers.size() != 1 || state.lossSums.size() != 1)
        throw TrainingError("A run state file holds the run of one model with one optimizer and one loss.");
    const OptimizerState &optimizer = state.optimizers.front();
    const std::vector<NamedParameter> parameters = model.parameters();
    TensorMap tensors;
    size_t buffersPerParameter = 0;
    for (size_t p = 0; p < optimizer.buffers.size() && p < parameters.size(); ++p) {
        buffersPerParameter = optimizer.buffers[p].size();
        for (size_t b = 0; b < optimizer.buffers[p].size(); ++b)
            tensors.emplace(bufferName(parameters[p].name, b), optimizer.buffers[p][b]);
    }
    const std::vector<NamedParameter> all = model.parametersAndBuffers();
    for (size_t i = 0; i < state.bestWeights.size() && i < all.size(); ++i)
        tensors.emplace("best/" + all[i].name, state.bestWeights[i]);
    const nlohmann::json run = {
        {"format_version", kFormatVersion},
        {"epoch", state.epoch},
        {"batch_in_epoch", state.batchInEpoch},
        {"global_step", state.globalStep},
        {"loss_sum", state.lossSums.front()},
        {"seen", state.seen},
        {"correct", state.correct},
        {"judged", state.judged},
        {"best_validation_loss", std::isfinite(state.bestValidationLoss) ? nlohmann::json(state.bestValidationLoss) : nlohmann::json()},
        {"epochs_without_improvement", state.epochsWithoutImprovement},
        {"optimizer_steps", optimizer.steps},
        {"optimizer_buffers", optimizer.buffers.empty() ? 0 : buffersPerParameter},
        {"training", state.config.toJson()}};
    saveSafetensors(path, tensors, {{kRunMetadataKey, run.dump()}});
}

RunState loadRunState(Model &model, const std::string &path)
{
    const SafetensorsFile file = loadSafetensors(path);
    const auto metadata = file.metadata.find(kRunMetadataKey);
    if (metadata == file.metadata.end())
        throw damaged(path, "has no '" + std::string(kRunMetadataKey) + "' metadata, so it was not written by LayerLab.");
    const nlohmann::json run = parseJsonText(metadata->second, path + " (metadata '" + kRunMetadataKey + "')");
    if (!run.is_object())
        throw damaged(path, "holds " + describeJson(run) + " where its metadata should be an object.");

    RunState state;
    OptimizerState &optimizer = state.optimizers.emplace_back();
    double &lossSum = state.lossSums.emplace_back();
    int64_t buffers = 0;
    try {
        const ConfigReader reader(run, "run state");
        int version = 0;
        reader.integer("format_version", version, 1, std::numeric_limits<int>::max());
        if (version != kFormatVersion)
            throw damaged(path, "has format version " + std::to_string(version) + "; this LayerLab reads version " +
                                    std::to_string(kFormatVersion) + ".");
        constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 2;
        reader.integer("epoch", state.epoch, 0, std::numeric_limits<int>::max());
        reader.integer("batch_in_epoch", state.batchInEpoch, 0, kMax);
        reader.integer("global_step", state.globalStep, 0, kMax);
        reader.real("loss_sum", lossSum, 0.0, std::numeric_limits<double>::max());
        reader.integer("seen", state.seen, 0, kMax);
        reader.integer("correct", state.correct, 0, kMax);
        state.judged = state.seen;  // files before sequences judged one prediction per sample
        if (run.contains("judged"))
            reader.integer("judged", state.judged, 0, kMax);
        if (!run.value("best_validation_loss", nlohmann::json()).is_null())
            reader.real("best_validation_loss", state.bestValidationLoss, 0.0, std::numeric_limits<double>::max());
        reader.integer("epochs_without_improvement", state.epochsWithoutImprovement, 0, std::numeric_limits<int>::max());
        reader.integer("optimizer_steps", optimizer.steps, 0, kMax);
        reader.integer("optimizer_buffers", buffers, 0, 16);
        state.config = TrainingConfig::fromJson(reader.section("training"));
    } catch (const SettingError &error) {
        throw damaged(path, std::string("is damaged: ") + error.what());
    }

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
    if (optimizer.steps > 0)
        for (const auto &[name, parameter] : model.parameters()) {
            auto &perParameter = optimizer.buffers.emplace_back();
            for (int64_t b = 0; b < buffers; ++b)
                perParameter.push_back(take(bufferName(name, size_t(b)), {parameter->value.size()}));
        }
    if (std::any_of(file.tensors.begin(), file.tensors.end(), [](const auto &entry) { return entry.first.starts_with("best/"); }))
        for (const auto &[name, parameter] : model.parametersAndBuffers()) {
            Tensor best = take("best/" + name, parameter->value.shape());
            best.reshape(parameter->value.shape());
            state.bestWeights.push_back(std::move(best));
        }
    if (used != file.tensors.size())
        throw damaged(path, "holds tensors this network does not have; was it saved for another network?");
    return state;
}

} // namespace nn
