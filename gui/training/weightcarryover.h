// Weight carry-over: when the graph changes between preparations, the tensors whose names and
// shapes still match keep their trained values, so changing a Dropout rate keeps training going.
#pragma once

#include "nn/tensor.h"

#include <map>
#include <string>

namespace nn {
class Model;
}

// Every parameter and buffer of `model` by its full name ("hidden1.weight"), copied.
std::map<std::string, nn::Tensor> namedTensors(nn::Model &model);

// Copies into `model` each tensor of `saved` whose name and shape match one of the model's;
// returns how many were copied. The others keep their fresh initialisation.
int carryOverWeights(const std::map<std::string, nn::Tensor> &saved, nn::Model &model);
