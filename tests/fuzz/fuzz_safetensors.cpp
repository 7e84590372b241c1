// libFuzzer target: safetensors bytes (nn::decodeSafetensors); what decodes must encode and decode
// again to the same tensors and metadata.
#include "fuzzcheck.h"

#include "nn/safetensors.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace {

bool sameTensors(const nn::TensorMap &a, const nn::TensorMap &b)
{
    if (a.size() != b.size())
        return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
        const auto bytes = sizeof(float) * static_cast<size_t>(i->second.size());
        if (i->first != j->first || i->second.shape() != j->second.shape() ||
            (bytes > 0 && std::memcmp(i->second.data(), j->second.data(), bytes) != 0))  // bits, so NaNs compare
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    nn::SafetensorsFile file;
    if (!fuzz::loadsOrExplains([&] { file = nn::decodeSafetensors(bytes, "fuzz.safetensors"); }))
        return 0;
    const std::string encoded = nn::encodeSafetensors(file.tensors, file.metadata);
    const nn::SafetensorsFile again = nn::decodeSafetensors(encoded, "fuzz.safetensors");
    fuzz::require(sameTensors(file.tensors, again.tensors), "re-encoded tensors decode differently");
    fuzz::require(file.metadata == again.metadata, "re-encoded metadata decodes differently");
    return 0;
}
