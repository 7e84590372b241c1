// DataLocator: where data files are found. LAYERLAB_DATA comes first, then share/layerlab beside the
// running program, the source tree and the installed tree for the bundled CSV files and example
// projects, and the system's datasets folder for Fashion-MNIST.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace datasets {

// Finds bundled and installed data files; the environment variables make every place overridable.
class DataLocator {
public:
    // The path of a bundled file ("iris.csv") in $LAYERLAB_DATA, share/layerlab/data beside the
    // running program, the source tree's datasets/data or the installed share/layerlab/data.
    // Throws nn::FileError naming the folders searched.
    static std::string bundledFile(const std::string &fileName);
    // The folders that may hold the bundled example projects, in search order: $LAYERLAB_EXAMPLES,
    // share/layerlab/examples beside the running program, the source tree's resources/examples,
    // the installed share/layerlab/examples. Folders that do not exist are listed too.
    static std::vector<std::string> exampleFolders();
    // `PREFIX`/share/layerlab/`part` for the running program `PREFIX`/bin/NAME (read from
    // /proc/self/exe), so a relocated or unpacked install finds its files; nullopt when unknown.
    static std::optional<std::string> besideProgram(const std::string &part);
    // The folder holding Fashion-MNIST's four IDX files: $LAYERLAB_DATA, its fashion-mnist/
    // subfolder, then $LAYERLAB_SYSTEM_DATA/fashion-mnist (default /usr/share/datasets/fashion-mnist).
    // Throws nn::FileError with install instructions when none holds them.
    static std::string fashionMnistFolder();
    // A Debian word list ("ngerman") in $LAYERLAB_DICT (default /usr/share/dict). Throws
    // nn::FileError naming `package` to install when it is missing.
    static std::string wordList(const std::string &file, const std::string &package);
    // fortunes-min's three files (fortunes, literature, riddles) in $LAYERLAB_FORTUNES (default
    // /usr/share/games/fortunes). Throws nn::FileError naming the package when one is missing.
    static std::vector<std::string> fortuneFiles();
    // `folder`/`baseName`.gz or `folder`/`baseName`, whichever exists.
    static std::optional<std::string> findCompressedOrPlain(const std::string &folder, const std::string &baseName);
    // The four Fashion-MNIST file names without ".gz", the training images first.
    static const std::vector<std::string> &fashionMnistFiles();
};

} // namespace datasets
