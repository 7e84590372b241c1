// IdxFile: the IDX header (magic 0x0000TTDD: type TT, DD dimensions, each a big-endian uint32)
// followed by the data, here always unsigned bytes (type 0x08).
#include "idxfile.h"

#include "gzipfile.h"

#include "nn/error.h"

#include <cstdio>

namespace datasets {

namespace {

constexpr uint32_t kImagesMagic = 0x00000803;
constexpr uint32_t kLabelsMagic = 0x00000801;
constexpr int64_t kMaxBytes = int64_t{1} << 34;  // 16 GiB: anything larger is a damaged header

std::string hex(uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", value);
    return text;
}

uint32_t readBigEndian(GzipFile &file, const char *what)
{
    unsigned char bytes[4];
    if (file.read(bytes, 4) != 4)
        throw nn::FileError(file.path() + " is too short to be an IDX file: it ends inside its header (" + what +
                            "). The file is truncated or is not an IDX file.");
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

std::string magicMeaning(uint32_t magic)
{
    if (magic == kImagesMagic)
        return " (an IDX images file)";
    if (magic == kLabelsMagic)
        return " (an IDX labels file)";
    if ((magic >> 16) == 0 && ((magic >> 8) & 0xFF) != 0x08)
        return " (an IDX file of another value type; LayerLab reads unsigned-byte IDX files)";
    return " (not an IDX file)";
}

void checkMagic(GzipFile &file, uint32_t expected, const char *kind)
{
    const uint32_t magic = readBigEndian(file, "magic number");
    if (magic == expected)
        return;
    std::string hint = ".";
    if ((expected == kImagesMagic && magic == kLabelsMagic) || (expected == kLabelsMagic && magic == kImagesMagic))
        hint = ". Did you swap the images file and the labels file?";
    throw nn::FileError(file.path() + " is not an IDX " + kind + " file: its magic number is " + hex(magic) +
                        magicMeaning(magic) + ", expected " + hex(expected) + hint);
}

// Reads exactly `count` data bytes, or says how many were there and why not more.
std::vector<uint8_t> readPayload(GzipFile &file, int64_t count, const char *what)
{
    if (count > kMaxBytes)
        throw nn::FileError(file.path() + " claims " + std::to_string(count) + " " + what +
                            ", more than LayerLab can hold; its header is damaged.");
    std::vector<uint8_t> bytes;
    constexpr int64_t kChunk = int64_t{1} << 24;
    int64_t found = 0;
    while (found < count) {
        const int64_t want = std::min(kChunk, count - found);
        bytes.resize(static_cast<size_t>(found + want));
        const auto got = static_cast<int64_t>(file.read(bytes.data() + found, static_cast<size_t>(want)));
        found += got;
        if (got < want)
            break;
    }
    if (found < count) {
        const std::string why = file.endedEarly() ? "; its compressed data ends early, so the file is truncated"
                                                  : "; the file is truncated";
        throw nn::FileError(file.path() + ": expected " + std::to_string(count) + " " + what + ", found " +
                            std::to_string(found) + why + ". Download or copy it again.");
    }
    return bytes;
}

} // namespace

IdxImages IdxFile::readImages(const std::string &path)
{
    GzipFile file(path);
    checkMagic(file, kImagesMagic, "images");
    IdxImages images;
    images.count = readBigEndian(file, "image count");
    images.rows = readBigEndian(file, "row count");
    images.cols = readBigEndian(file, "column count");
    if (images.count == 0 || images.rows == 0 || images.cols == 0)
        throw nn::FileError(path + " holds no pixels: its header says " + std::to_string(images.count) + " images of " +
                            std::to_string(images.rows) + "×" + std::to_string(images.cols) + ".");
    if (static_cast<double>(images.count) * static_cast<double>(images.rows) * static_cast<double>(images.cols) > kMaxBytes)
        throw nn::FileError(path + " claims " + std::to_string(images.count) + " images of " + std::to_string(images.rows) +
                            "×" + std::to_string(images.cols) + " pixels, more than LayerLab can hold; its header is damaged.");
    images.pixels = readPayload(file, images.count * images.rows * images.cols, "pixel bytes");
    return images;
}

std::vector<uint8_t> IdxFile::readLabels(const std::string &path)
{
    GzipFile file(path);
    checkMagic(file, kLabelsMagic, "labels");
    const int64_t count = readBigEndian(file, "label count");
    if (count == 0)
        throw nn::FileError(path + " holds no labels: its header says 0 labels.");
    return readPayload(file, count, "label bytes");
}

bool IdxFile::looksLikeIdx(const std::string &path)
{
    GzipFile file(path);
    unsigned char bytes[3] = {1, 1, 0};
    return file.read(bytes, 3) == 3 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x08;
}

} // namespace datasets
