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

} // namespace nn
