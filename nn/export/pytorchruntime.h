// The fixed parts of the exported PyTorch script, the same for every network: reading and writing
// safetensors with torch alone, reading CSV and IDX data, and the predict and train entry points.
#pragma once

#include <string>

namespace nn {

// read_safetensors(path), write_safetensors(tensors, path), load_weights(net, path), save_weights(net, path).
const std::string &pytorchWeightsCode();
// Data reading, predict(args), train(args) (DistributedDataParallel under torchrun) and main().
// Uses the generated constants, build_net(weights) and the training recipe.
const std::string &pytorchEntryPointsCode();

} // namespace nn
