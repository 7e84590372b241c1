// The training half of the exported PyTorch script: LayerLab's loss, optimizer, batch size,
// schedule, regularisation and clipping written as PyTorch code with the same settings.
#pragma once

#include "nn/trainingconfig.h"

#include <string>
#include <vector>

namespace nn {

// Constants (EPOCHS, BATCH_SIZE, SEED, L1, L2, CLIP_NORM, DECAYING…) and make_loss(),
// make_optimizer(net), make_scheduler(optimizer, epochs). `decaying` lists the parameters
// ("dense1.weight") that weight decay and L1/L2 apply to. Throws SettingError for an unknown
// loss, optimizer or schedule.
std::string pytorchTrainingRecipe(const TrainingConfig &config, const std::vector<std::string> &decaying);

// EPOCHS, BATCH_MODE, BATCH_SIZE, SHUFFLE and SEED, one line each.
std::string pytorchBatchConstants(const TrainingConfig &config);
// def FUNCTION(net): the optimizer `kind` ("Adam") with `settings` over net's parameters, weight decay
// only on those the script's DECAYING names. `what` follows the kind in its docstring (" for G").
// Throws SettingError for an unknown optimizer or setting.
std::string pytorchOptimizerFunction(const std::string &function, const std::string &kind,
                                     const nlohmann::json &settings, const std::string &what = "");
// def make_scheduler(optimizer, epochs): the schedule, stepped once after every epoch (None: constant).
std::string pytorchSchedulerFunction(const ScheduleConfig &schedule);

} // namespace nn
