// `layerlab-cli data PROJECT --out FILE.csv`: a project's samples as its network sees them, so that
// another framework (bench/'s PyTorch twins) trains on the same split, vocabulary and scaling.
#pragma once

#include <string>

namespace cli {

struct DataOptions {
    std::string project;
    std::string out;  // empty: NAME-data.csv in the current folder
};

// Writes one CSV row per sample: its split (train, validation, test), its input values x1…xF
// (token ids for text) and its targets y1…yK (a class number, or values), in split order.
int writeData(const DataOptions &options);

} // namespace cli
