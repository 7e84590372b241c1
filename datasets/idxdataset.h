// IdxDataset: an IDX images file with its labels file as a data set, and Fashion-MNIST from disk.
#pragma once

#include "samples.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Images [count, 1, rows, cols] as bytes with class-number labels; class names "0", "1", … up to
// the largest label, or Fashion-MNIST's ten names.
class IdxDataset {
public:
    // Throws nn::FileError when a file is malformed or the counts of images and labels differ.
    static RawData<uint8_t> loadPair(const std::string &imagesPath, const std::string &labelsPath);
    // The 60000 training images with the 10000 t10k images as the own test set.
    static RawData<uint8_t> loadFashionMnist();
    static const std::vector<std::string> &fashionMnistClassNames();
};

} // namespace datasets
