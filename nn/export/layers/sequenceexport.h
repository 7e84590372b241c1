// What the exports of the sequence kinds with a padding mask share: each sample's length from its
// token ids (nn/layers/sequencelengths.h) in ONNX and in PyTorch.
#pragma once

#include "nn/export/onnxnodewriters.h"

#include <string>

namespace nn {

// The lengths (N) as float ONNX values, from the node's second input, the ids (N, T).
std::string onnxSequenceLengths(OnnxGraphWriter &writer, const OnnxNodeContext &c);

// The lengths as a column (N, 1) and the step positions 0 … T − 1 as a row (1, T), to compare.
std::string onnxLengthColumn(OnnxGraphWriter &writer, const OnnxNodeContext &c);
std::string onnxStepPositions(OnnxGraphWriter &writer, const OnnxNodeContext &c, int64_t steps);

// The same in Python for the ids expression `ids`: a LongTensor (N).
std::string pytorchSequenceLengths(const std::string &ids);

} // namespace nn
