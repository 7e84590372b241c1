// RaceSetting: one contestant of an optimizer race: a named optimizer preset ("momentum" is SGD
// with momentum 0.9), its learning rate and, optionally, its own batch mode.
#pragma once

#include "optimizer.h"
#include "trainingconfig.h"

#include <memory>
#include <string>
#include <vector>

namespace nn {

struct RaceSetting {
    std::string preset = "adam";  // one of presets()
    double learningRate = 0.01;
    std::string batchMode;  // "" keeps the project's; "full", "minibatch" (batchSize) or "stochastic"
    int batchSize = 32;

    // sgd, momentum, nesterov, rmsprop, adam, adamw, adagrad.
    static const std::vector<std::string> &presets();
    // "SGD", "Momentum", "Nesterov", …, as menus show them.
    static std::string presetTitle(const std::string &preset);
    // "PRESET:LR" with an optional "@full", "@1" (stochastic) or "@SIZE" (minibatch): "adam:0.01",
    // "sgd:0.1@full". Throws SettingError naming what is wrong and the forms that work.
    static RaceSetting parse(const std::string &text);
    // What parse reads back: "sgd:0.1@full".
    std::string text() const;
    // "Adam 0.01", "SGD 0.1 · full batch", "SGD 0.1 · batch 1".
    std::string label() const;

    // The optimizer's kind and its settings (learning rate and what the preset fixes).
    std::string optimizerKind() const;
    nlohmann::json optimizerSettings() const;
    // The optimizer itself, from the registry (the same classes training uses).
    std::unique_ptr<Optimizer> makeOptimizer() const;
    // `base` with this optimizer and, when set, this batch mode.
    TrainingConfig applyTo(const TrainingConfig &base) const;
};

} // namespace nn
