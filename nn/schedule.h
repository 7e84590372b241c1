// Learning-rate schedules: each kind declared once (its name, label, the settings it reads and its
// rate, as PyTorch's StepLR and CosineAnnealingLR give it), read by the project file, the window's
// schedule box, layerlab-cli's --schedule and the trainer.
#pragma once

#include "trainingconfig.h"

#include <functional>
#include <string>
#include <vector>

namespace nn {

// One learning-rate schedule kind.
struct ScheduleKind {
    std::string name;                   // in project files and on the command line: "step"
    std::string label;                  // in the window: "Step decay"
    std::vector<std::string> settings;  // the training settings it reads: "schedule.step_size", …
    // The rate for `epoch` (0-based) of a run of `epochs` that starts at `baseRate`.
    std::function<double(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs)> rate;
};

// Every schedule kind, in the order the window lists them: constant, step, cosine.
const std::vector<ScheduleKind> &scheduleKinds();
// Their names, in that order.
std::vector<std::string> scheduleNames();
// The kind called `name`, or nullptr.
const ScheduleKind *findScheduleKind(const std::string &name);

// The learning rate for `epoch` (0-based) of a run of `epochs` that starts at `baseRate`:
// constant: baseRate; step: baseRate·gamma^⌊epoch/stepSize⌋;
// cosine: min + (baseRate − min)·(1 + cos(π·epoch/epochs))/2, reaching min after the last epoch.
// Throws SettingError for an unknown kind, a step size below 1 or a cosine run of no epochs.
double learningRateAt(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs);

} // namespace nn
