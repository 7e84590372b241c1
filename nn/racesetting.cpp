// RaceSetting: the presets, their text form and the optimizer they make.
#include "racesetting.h"

#include "error.h"
#include "registry.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace nn {

namespace {

const char *kForms = "write PRESET:LEARNING_RATE, optionally followed by @full, @1 or @BATCH_SIZE (for example adam:0.01, "
                     "sgd:0.1@full or sgd:0.05@1)";

std::string presetList()
{
    std::string list;
    for (const std::string &preset : RaceSetting::presets())
        list += (list.empty() ? "" : ", ") + preset;
    return list;
}

double parseNumber(const std::string &text, const std::string &whole)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw SettingError("optimizer '" + whole + "': '" + text + "' is not a number; " + kForms + ".");
    return value;
}

std::string shortNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

const std::vector<std::string> &RaceSetting::presets()
{
    static const std::vector<std::string> names = {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw", "adagrad"};
    return names;
}

std::string RaceSetting::presetTitle(const std::string &preset)
{
    static const std::vector<std::string> titles = {"SGD", "Momentum", "Nesterov", "RMSprop", "Adam", "AdamW", "Adagrad"};
    const auto &names = presets();
    const auto at = std::find(names.begin(), names.end(), preset);
    return at == names.end() ? preset : titles[size_t(at - names.begin())];
}

RaceSetting RaceSetting::parse(const std::string &text)
{
    RaceSetting setting;
    const size_t colon = text.find(':');
    if (colon == std::string::npos)
        throw SettingError("optimizer '" + text + "' has no learning rate; " + kForms + ".");
    std::string preset = text.substr(0, colon);
    std::transform(preset.begin(), preset.end(), preset.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto &names = presets();
    if (std::find(names.begin(), names.end(), preset) == names.end())
        throw SettingError("optimizer '" + text + "': '" + preset + "' is not a preset; choose one of: " + presetList() + ".");
    setting.preset = preset;
    const size_t at = text.find('@', colon);
    setting.learningRate = parseNumber(text.substr(colon + 1, at == std::string::npos ? std::string::npos : at - colon - 1), text);
    if (!(setting.learningRate > 0.0 && setting.learningRate <= 10.0))
        throw SettingError("optimizer '" + text + "': the learning rate must lie in (0, 10].");
    if (at != std::string::npos) {
        const std::string batch = text.substr(at + 1);
        if (batch == "full") {
            setting.batchMode = "full";
        } else {
            const double size = parseNumber(batch, text);
            if (size < 1.0 || size != std::floor(size) || size > 1e9)
                throw SettingError("optimizer '" + text + "': the batch size must be a whole number of at least 1, or full.");
            setting.batchMode = size == 1.0 ? "stochastic" : "minibatch";
            setting.batchSize = int(size);
        }
    }
    return setting;
}

std::string RaceSetting::text() const
{
    std::string result = preset + ":" + shortNumber(learningRate);
    if (batchMode == "full")
        result += "@full";
    else if (batchMode == "stochastic")
        result += "@1";
    else if (batchMode == "minibatch")
        result += "@" + std::to_string(batchSize);
    return result;
}

std::string RaceSetting::label() const
{
    std::string result = presetTitle(preset) + " " + shortNumber(learningRate);
    if (batchMode == "full")
        result += " · full batch";
    else if (batchMode == "stochastic")
        result += " · batch 1";
    else if (batchMode == "minibatch")
        result += " · batch " + std::to_string(batchSize);
    return result;
}

std::string RaceSetting::optimizerKind() const
{
    if (preset == "sgd" || preset == "momentum" || preset == "nesterov")
        return "SGD";
    return presetTitle(preset);
}

nlohmann::json RaceSetting::optimizerSettings() const
{
    nlohmann::json settings = {{"lr", learningRate}};
    if (preset == "momentum" || preset == "nesterov")
        settings["momentum"] = 0.9;
    if (preset == "nesterov")
        settings["nesterov"] = true;
    return settings;
}

std::unique_ptr<Optimizer> RaceSetting::makeOptimizer() const
{
    const std::string kind = optimizerKind();
    return optimizerRegistry().create(kind, Settings::fromJson(optimizerRegistry().spec(kind), optimizerSettings()));
}

TrainingConfig RaceSetting::applyTo(const TrainingConfig &base) const
{
    TrainingConfig config = base;
    config.optimizer = optimizerKind();
    config.optimizerSettings = optimizerSettings();
    if (!batchMode.empty()) {
        config.batchMode = batchMode;
        if (batchMode == "minibatch")
            config.batchSize = batchSize;
    }
    return config;
}

} // namespace nn
