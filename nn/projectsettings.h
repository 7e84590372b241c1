// The plain settings of a project's "training" and "data" sections, each declared once: its key,
// type, default, range and help. The file reader checks against them, the window's training and
// data panels build their editors from them, and layerlab-cli checks its options with them.
// (The loss and the optimizer declare their own settings.)
#pragma once

#include "settings.h"

#include <string>

namespace nn {

// The training section's settings, keyed as in the file ("epochs", and "schedule.gamma" inside the
// "schedule" object), in the file's order; the defaults are TrainingConfig's.
const ComponentSpec &trainingSettings();
// The data section's settings that are numbers or choices ("validation_split", …); the defaults
// are DataSpec's.
const ComponentSpec &dataSettings();

// The "gan" section's settings (noise, loss, d_steps, label_smoothing, gradient_penalty); the
// defaults are GanConfig's.
const ComponentSpec &ganSettings();

// One setting of either section by its key; asserts that it is declared.
const SettingSpec &trainingSetting(const std::string &key);
const SettingSpec &dataSetting(const std::string &key);
const SettingSpec &ganSetting(const std::string &key);

} // namespace nn
