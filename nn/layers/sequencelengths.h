// How long each sample of a padded batch is, from its token ids: the rule every sequence layer with
// a padding mask (SimpleRNN, GRU, LSTM, SequencePooling) and their exports share.
#pragma once

#include "nn/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// Each sample's length from ids [N, T]: the count of ids that round to a non-zero (0 is <pad>,
// padding sits at the end as the tokenizer writes it), at least 1; T for every sample without ids.
std::vector<int64_t> sequenceLengths(const Tensor *ids, int64_t batch, int64_t steps);

// Throws ShapeError naming `kind` when the optional ids input (inputs[1]) is not [N, T] for the
// sequence inputs[0] [N, T, F].
void checkIdsInput(const std::string &kind, const std::vector<Shape> &inputs);

} // namespace nn
