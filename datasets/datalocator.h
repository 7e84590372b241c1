// DataLocator: where data files are found. LAYERLAB_DATA comes first, then the source tree and the
// installed tree for the bundled CSV files, and the system's datasets folder for Fashion-MNIST.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace datasets {

// Finds bundled and installed data files; the environment variables make every place overridable.
class DataLocator {
public:
    // The path of a bundled file ("iris.csv") in $LAYERLAB_DATA, the source tree's datasets/data or
    // the installed share/layerlab/data. Throws nn::FileError naming the folders searched.
    static std::string bundledFile(const std::string &fileName);
    // The folder holding Fashion-MNIST's four IDX files: $LAYERLAB_DATA, its fashion-mnist/
    // subfolder, then $LAYERLAB_SYSTEM_DATA/fashion-mnist (default /usr/share/datasets/fashion-mnist).
    // Throws nn::FileError with install instructions when none holds them.
    static std::string fashionMnistFolder();
    // `folder`/`baseName`.gz or `folder`/`baseName`, whichever exists.
    static std::optional<std::string> findCompressedOrPlain(const std::string &folder, const std::string &baseName);
    // The four Fashion-MNIST file names without ".gz", the training images first.
    static const std::vector<std::string> &fashionMnistFiles();
};

} // namespace datasets
