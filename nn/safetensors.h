// Safetensors: the Hugging Face tensor file format. Eight bytes of little-endian header length
// N, N bytes of JSON header ({"name": {"dtype", "shape", "data_offsets"}, "__metadata__": {…}}
// padded with spaces to a multiple of 8), then the tensors' raw little-endian bytes.
#pragma once

#include "tensor.h"

#include <map>
#include <string>
#include <string_view>

namespace nn {

using TensorMap = std::map<std::string, Tensor>;
using SafetensorsMetadata = std::map<std::string, std::string>;

// What a safetensors file holds: its tensors, converted to float32, and its string metadata.
struct SafetensorsFile {
    TensorMap tensors;
    SafetensorsMetadata metadata;
};

// The file's bytes: F32 tensors in name order, compact JSON, no timestamps, so the same tensors
// and metadata always give the same bytes.
std::string encodeSafetensors(const TensorMap &tensors, const SafetensorsMetadata &metadata = {});
// Encodes and writes atomically (writeFileAtomically).
void saveSafetensors(const std::string &path, const TensorMap &tensors, const SafetensorsMetadata &metadata = {});

// Parses the bytes without trusting any length or offset in them. Reads F32 and converts F64,
// F16 and BF16 to float32. Throws FileError naming `source` (the file) and the tensor at fault.
SafetensorsFile decodeSafetensors(std::string_view bytes, const std::string &source);
// Reads the file and decodes it.
SafetensorsFile loadSafetensors(const std::string &path);

} // namespace nn
