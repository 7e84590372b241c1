// ImageCache: the cache file's reader checks every size against the file before it trusts it.
#include "imagecache.h"

#include "nn/atomicfile.h"
#include "nn/error.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>

namespace datasets {

namespace {

constexpr char kMagic[8] = {'L', 'L', 'I', 'M', 'G', 'C', '0', '1'};
constexpr size_t kPrefix = 16;  // magic + header length

std::string fingerprintText(uint64_t fingerprint)
{
    return std::to_string(fingerprint);
}

std::optional<DecodedImages> parse(const std::string &bytes, uint64_t fingerprint)
{
    if (bytes.size() < kPrefix || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | static_cast<unsigned char>(bytes[8 + static_cast<size_t>(i)]);
    if (headerLength > bytes.size() - kPrefix)
        return std::nullopt;
    const auto header = nlohmann::json::parse(bytes.begin() + kPrefix, bytes.begin() + static_cast<std::ptrdiff_t>(kPrefix + headerLength),
                                              nullptr, false);
    if (header.is_discarded() || !header.is_object())
        return std::nullopt;
    // Compared as JSON, not read as text: a fingerprint of another type is a stale cache, not an error.
    if (const auto stored = header.find("fingerprint"); stored == header.end() || *stored != fingerprintText(fingerprint))
        return std::nullopt;
    DecodedImages images;
    try {
        images.sampleShape = header.at("shape").get<nn::Shape>();
        images.classNames = header.at("classes").get<std::vector<std::string>>();
        images.labels = header.at("labels").get<std::vector<int>>();
        images.skipped = header.at("skipped").get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
    const size_t pixels = bytes.size() - kPrefix - headerLength;
    if (images.sampleShape.size() != 3 || nn::elementCount(images.sampleShape) <= 0 ||
        pixels != images.labels.size() * static_cast<size_t>(nn::elementCount(images.sampleShape)))
        return std::nullopt;
    for (int label : images.labels)
        if (label < 0 || label >= static_cast<int>(images.classNames.size()))
            return std::nullopt;
    images.pixels.assign(bytes.begin() + static_cast<std::ptrdiff_t>(kPrefix + headerLength), bytes.end());
    return images;
}

} // namespace

std::string ImageCache::pathFor(const std::string &folder, const nn::Shape &sampleShape, const std::string &mode)
{
    std::string shape;
    for (int64_t d : sampleShape)
        shape += (shape.empty() ? "" : "x") + std::to_string(d);
    return (std::filesystem::path(folder) / ".layerlab-cache" / ("images-" + shape + "-" + mode + ".bin")).string();
}

std::optional<DecodedImages> ImageCache::read(const std::string &path, uint64_t fingerprint)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;
    try {
        return parse(nn::readFile(path), fingerprint);
    } catch (const nn::FileError &) {
        return std::nullopt;
    }
}

bool ImageCache::write(const std::string &path, uint64_t fingerprint, const DecodedImages &images)
{
    const std::string header = nlohmann::json{{"fingerprint", fingerprintText(fingerprint)},
                                              {"shape", images.sampleShape},
                                              {"classes", images.classNames},
                                              {"labels", images.labels},
                                              {"skipped", images.skipped}}
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string bytes(kMagic, sizeof kMagic);
    for (int i = 0; i < 8; ++i)
        bytes.push_back(static_cast<char>((static_cast<uint64_t>(header.size()) >> (8 * i)) & 0xff));
    bytes += header;
    bytes.append(reinterpret_cast<const char *>(images.pixels.data()), images.pixels.size());
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
    try {
        nn::writeFileAtomically(path, bytes);
        return true;
    } catch (const nn::FileError &) {
        return false;
    }
}

} // namespace datasets
