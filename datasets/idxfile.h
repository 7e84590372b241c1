// IdxFile: reads IDX files, the MNIST layout: a big-endian magic number and dimensions, then bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// An IDX images file (magic 0x00000803) in memory; pixels stay bytes, [count, rows, cols].
struct IdxImages {
    int64_t count = 0, rows = 0, cols = 0;
    std::vector<uint8_t> pixels;
};

// Reads IDX files, gzip-compressed or not, checking magic, dimensions and length.
class IdxFile {
public:
    // Both throw nn::FileError naming the file and what is wrong with it.
    static IdxImages readImages(const std::string &path);
    static std::vector<uint8_t> readLabels(const std::string &path);  // magic 0x00000801
    // Whether the file starts like an IDX file (two zero bytes, then the type code).
    static bool looksLikeIdx(const std::string &path);
};

} // namespace datasets
