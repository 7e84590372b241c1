// Learning-rate schedules: the rate for each epoch, as PyTorch's StepLR and CosineAnnealingLR give it.
#pragma once

#include "trainingconfig.h"

namespace nn {

// The learning rate for `epoch` (0-based) of a run of `epochs` that starts at `baseRate`:
// constant: baseRate; step: baseRate·gamma^⌊epoch/stepSize⌋;
// cosine: min + (baseRate − min)·(1 + cos(π·epoch/epochs))/2, reaching min after the last epoch.
// Throws SettingError for an unknown kind, a step size below 1 or a cosine run of no epochs.
double learningRateAt(const ScheduleConfig &schedule, double baseRate, int epoch, int epochs);

} // namespace nn
