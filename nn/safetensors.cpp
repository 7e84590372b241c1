// Safetensors writing (deterministic bytes) and reading (every length, offset and shape checked
// before a byte of data is touched; all arithmetic on untrusted numbers is overflow-checked).
#include "safetensors.h"

#include "atomicfile.h"
#include "error.h"
#include "jsontext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>
#include <vector>

namespace nn {

namespace {

constexpr uint64_t kMaxHeaderBytes = 100'000'000;  // the reference implementation's limit
constexpr const char *kMetadataKey = "__metadata__";

// A floating-point element type LayerLab reads.
struct DType {
    const char *name;
    uint64_t bytes;
};
constexpr DType kF32{"F32", 4}, kF64{"F64", 8}, kF16{"F16", 2}, kBF16{"BF16", 2};

// The format's other element types, which LayerLab does not read, with what they are.
const char *unsupportedDType(const std::string &name)
{
    static const std::pair<const char *, const char *> known[] = {
        {"BOOL", "booleans"}, {"U8", "8-bit integers"}, {"I8", "8-bit integers"},
        {"U16", "16-bit integers"}, {"I16", "16-bit integers"}, {"U32", "32-bit integers"},
        {"I32", "32-bit integers"}, {"U64", "64-bit integers"}, {"I64", "64-bit integers"},
        {"F8_E4M3", "8-bit floats"}, {"F8_E5M2", "8-bit floats"}, {"C64", "complex numbers"}};
    for (const auto &[dtype, what] : known)
        if (name == dtype)
            return what;
    return nullptr;
}

// One tensor as the header describes it, already checked against the data buffer.
struct Entry {
    std::string name;
    const DType *dtype = nullptr;
    Shape shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

// Reads untrusted bytes; every failure names the file and, where there is one, the tensor.
class Decoder {
public:
    Decoder(std::string_view bytes, const std::string &source) : bytes_(bytes), source_(source) {}

    SafetensorsFile decode()
    {
        const nlohmann::json header = parseHeader();
        SafetensorsFile file;
        std::vector<Entry> entries;
        for (const auto &[name, value] : header.items()) {
            if (name == kMetadataKey)
                file.metadata = parseMetadata(value);
            else
                entries.push_back(parseEntry(name, value));
        }
        checkCoverage(entries);
        for (const auto &entry : entries)
            file.tensors.emplace(entry.name, tensorOf(entry));
        return file;
    }

private:
    FileError fail(const std::string &detail) const
    {
        return FileError("'" + source_ + "' is not a valid safetensors file: " + detail);
    }
    FileError fail(const std::string &tensor, const std::string &detail) const
    {
        return fail("tensor '" + tensor + "' " + detail);
    }

    nlohmann::json parseHeader()
    {
        if (bytes_.size() < 8)
            throw fail("it has " + std::to_string(bytes_.size()) +
                       " bytes, fewer than the 8 that give the header length.");
        uint64_t length = 0;
        for (int i = 7; i >= 0; --i)
            length = (length << 8) | static_cast<unsigned char>(bytes_[static_cast<size_t>(i)]);
        if (length > kMaxHeaderBytes)
            throw fail("its header length is " + std::to_string(length) +
                       " bytes, more than the 100 MB any real header needs; the file is damaged.");
        if (length > bytes_.size() - 8)
            throw fail("its header length is " + std::to_string(length) + " bytes, past the end of the file (" +
                       std::to_string(bytes_.size() - 8) + " bytes follow); the file is cut off or damaged.");
        buffer_ = bytes_.substr(8 + length);
        nlohmann::json header;
        try {
            header = parseJsonText(std::string_view(bytes_).substr(8, length), "");  // ", line 1, column 9: …"
        } catch (const FileError &e) {
            throw fail(std::string("its header is not valid JSON") + e.what());
        }
        if (!header.is_object())
            throw fail("its header must be a JSON object, got " + std::string(header.type_name()) + ".");
        return header;
    }

    SafetensorsMetadata parseMetadata(const nlohmann::json &json) const
    {
        if (!json.is_object())
            throw fail("its \"__metadata__\" must be an object of strings.");
        SafetensorsMetadata metadata;
        for (const auto &[key, value] : json.items()) {
            if (!value.is_string())
                throw fail("its metadata '" + key + "' must be a string, got " + describeJson(value) + ".");
            metadata[key] = value.get<std::string>();
        }
        return metadata;
    }

    Entry parseEntry(const std::string &name, const nlohmann::json &json) const
    {
        if (!json.is_object())
            throw fail(name, "must be described by an object with \"dtype\", \"shape\" and \"data_offsets\".");
        for (const char *field : {"dtype", "shape", "data_offsets"})
            if (!json.contains(field))
                throw fail(name, std::string("has no \"") + field + "\".");
        Entry entry;
        entry.name = name;
        entry.dtype = dtypeOf(name, json.at("dtype"));
        entry.shape = shapeOf(name, json.at("shape"));
        readOffsets(entry, json.at("data_offsets"));
        const uint64_t expected = byteCount(entry);
        if (entry.end - entry.begin != expected)
            throw fail(name, "has shape " + toString(entry.shape) + " of " + entry.dtype->name + ", which needs " +
                                 std::to_string(expected) + " bytes, but its data_offsets span " +
                                 std::to_string(entry.end - entry.begin) + " bytes.");
        return entry;
    }

    const DType *dtypeOf(const std::string &name, const nlohmann::json &json) const
    {
        if (!json.is_string())
            throw fail(name, "has a \"dtype\" that is not a name: " + describeJson(json) + ".");
        const std::string dtype = json.get<std::string>();
        for (const DType *known : {&kF32, &kF64, &kF16, &kBF16})
            if (dtype == known->name)
                return known;
        if (const char *what = unsupportedDType(dtype))
            throw fail(name, "has dtype " + dtype + " (" + what +
                                 "); LayerLab reads only floating-point weights (F32, F64, F16, BF16).");
        throw fail(name, "has the unknown dtype '" + dtype + "'.");
    }

    Shape shapeOf(const std::string &name, const nlohmann::json &json) const
    {
        if (!json.is_array())
            throw fail(name, "has a \"shape\" that is not a list: " + describeJson(json) + ".");
        Shape shape;
        for (const auto &dim : json) {
            if (dim.is_number_integer() && !dim.is_number_unsigned())
                throw fail(name, "has a negative dimension in its shape " + describeJson(json) + ".");
            if (!dim.is_number_unsigned() || dim.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
                throw fail(name, "has a shape that is not a list of sizes: " + describeJson(json) + ".");
            shape.push_back(static_cast<int64_t>(dim.get<uint64_t>()));
        }
        return shape;
    }

    void readOffsets(Entry &entry, const nlohmann::json &json) const
    {
        if (!json.is_array() || json.size() != 2 || !json[0].is_number_unsigned() || !json[1].is_number_unsigned())
            throw fail(entry.name, "needs \"data_offsets\" of two whole numbers [begin, end], got " + describeJson(json) + ".");
        entry.begin = json[0].get<uint64_t>();
        entry.end = json[1].get<uint64_t>();
        if (entry.begin > entry.end)
            throw fail(entry.name, "has data_offsets " + describeJson(json) + " whose begin lies after its end.");
        if (entry.end > buffer_.size())
            throw fail(entry.name, "has data_offsets " + describeJson(json) + " past the end of the data (" +
                                       std::to_string(buffer_.size()) + " bytes); the file is cut off or damaged.");
    }

    // Elements × element size, refusing shapes whose byte count does not fit in 64 bits.
    uint64_t byteCount(const Entry &entry) const
    {
        uint64_t count = entry.dtype->bytes;
        for (int64_t dim : entry.shape)
            if (__builtin_mul_overflow(count, static_cast<uint64_t>(dim), &count))
                throw fail(entry.name, "has a shape " + toString(entry.shape) + " too large for any file.");
        return count;
    }

    // The format requires the tensors to tile the data exactly: no overlaps, no gaps.
    void checkCoverage(std::vector<Entry> &entries) const
    {
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
            return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
        });
        uint64_t covered = 0;
        const Entry *previous = nullptr;
        for (const auto &entry : entries) {
            if (entry.begin < covered)
                throw fail("tensors '" + previous->name + "' and '" + entry.name + "' overlap (bytes " +
                           std::to_string(entry.begin) + " to " + std::to_string(covered) + ").");
            if (entry.begin > covered)
                throw fail("bytes " + std::to_string(covered) + " to " + std::to_string(entry.begin) +
                           " of the data belong to no tensor (a gap before tensor '" + entry.name +
                           "'); the format does not allow gaps.");
            covered = entry.end;
            previous = &entry;
        }
        if (covered != buffer_.size())
            throw fail("the last " + std::to_string(buffer_.size() - covered) +
                       " bytes of the data belong to no tensor; the format does not allow gaps.");
    }

    Tensor tensorOf(const Entry &entry) const
    {
        Tensor tensor(entry.shape);
        const auto *data = reinterpret_cast<const unsigned char *>(buffer_.data() + entry.begin);
        const uint64_t width = entry.dtype->bytes;
        for (int64_t i = 0; i < tensor.size(); ++i)
            tensor[i] = element(entry.dtype, data + static_cast<uint64_t>(i) * width);
        return tensor;
    }

    static uint64_t littleEndian(const unsigned char *bytes, uint64_t count)
    {
        uint64_t value = 0;
        for (uint64_t i = count; i-- > 0;)
            value = (value << 8) | bytes[i];
        return value;
    }

    // IEEE half: 1 sign, 5 exponent (bias 15), 10 mantissa bits.
    static float halfToFloat(uint16_t half)
    {
        const uint32_t sign = (half & 0x8000u) << 16;
        const uint32_t exponent = (half >> 10) & 0x1fu;
        const uint32_t mantissa = half & 0x3ffu;
        if (exponent == 0) {  // zero and subnormals: mantissa · 2⁻²⁴
            const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
            return sign ? -magnitude : magnitude;
        }
        if (exponent == 31)  // infinities and NaNs
            return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
        return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    static float element(const DType *dtype, const unsigned char *bytes)
    {
        const uint64_t bits = littleEndian(bytes, dtype->bytes);
        if (dtype == &kF32)
            return std::bit_cast<float>(static_cast<uint32_t>(bits));
        if (dtype == &kF64)
            return static_cast<float>(std::bit_cast<double>(bits));
        if (dtype == &kF16)
            return halfToFloat(static_cast<uint16_t>(bits));
        return std::bit_cast<float>(static_cast<uint32_t>(bits << 16));  // BF16: float's upper half
    }

    std::string_view bytes_;
    std::string_view buffer_;
    const std::string &source_;
};

void appendLittleEndian(std::string &out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i, value >>= 8)
        out += static_cast<char>(value & 0xffu);
}

} // namespace

std::string encodeSafetensors(const TensorMap &tensors, const SafetensorsMetadata &metadata)
{
    nlohmann::json header = nlohmann::json::object();
    uint64_t offset = 0;
    for (const auto &[name, tensor] : tensors) {
        if (name == kMetadataKey)
            throw FileError("A tensor cannot be called \"__metadata__\" in a safetensors file.");
        assert(tensor.size() == elementCount(tensor.shape()));
        const uint64_t bytes = static_cast<uint64_t>(tensor.size()) * 4;
        header[name] = {{"dtype", "F32"}, {"shape", tensor.shape()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    if (!metadata.empty())
        header[kMetadataKey] = metadata;
    std::string text;
    try {
        text = header.dump();
    } catch (const nlohmann::json::type_error &) {
        throw FileError("A tensor name or metadata value is not valid UTF-8 text; rename it to save the weights.");
    }
    text.append((8 - text.size() % 8) % 8, ' ');  // the data starts 8-byte aligned
    std::string out;
    out.reserve(8 + text.size() + offset);
    appendLittleEndian(out, text.size(), 8);
    out += text;
    for (const auto &[name, tensor] : tensors)
        for (int64_t i = 0; i < tensor.size(); ++i)
            appendLittleEndian(out, std::bit_cast<uint32_t>(tensor[i]), 4);
    return out;
}

void saveSafetensors(const std::string &path, const TensorMap &tensors, const SafetensorsMetadata &metadata)
{
    writeFileAtomically(path, encodeSafetensors(tensors, metadata));
}

SafetensorsFile decodeSafetensors(std::string_view bytes, const std::string &source)
{
    return Decoder(bytes, source).decode();
}

SafetensorsFile loadSafetensors(const std::string &path)
{
    return decodeSafetensors(readFile(path), path);
}

} // namespace nn
