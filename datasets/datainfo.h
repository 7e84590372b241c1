// DataInfo and LoadedData: what a loaded data set is (for the GUI, the exporters and predict)
// and its three splits as batch sources.
#pragma once

#include "nn/batchsource.h"
#include "nn/tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace datasets {

// Describes a loaded data set: its task, classes, feature names, sample shape and input scaling.
struct DataInfo {
    std::string name;                       // "iris", "fashion-mnist", "my.csv"
    std::string description;                // one line for the GUI
    bool classification = true;
    int numClasses = 0;                     // 0 for regression
    std::vector<std::string> classNames;    // "T-shirt/top", …, or "0", "1" when labels are numbers
    std::vector<std::string> featureNames;  // CSV column names, "x1","x2" for synthetic sets, empty for IDX images
    std::vector<std::string> targetNames;   // regression target column names
    nn::Shape sampleShape;                  // per sample, e.g. {1, 28, 28}, {4}, {2}
    bool isImage = false;                   // fashion-mnist, IDX, digits (8×8): previews draw them
    std::vector<float> scale, offset;       // per input feature (flattened): model input = raw·scale + offset
    bool hasOwnTestSet = false;
    std::string imageFolder;                // the folder of images the set was read from; empty for other sources
    std::vector<std::string> skippedFiles;  // image folders: "cats/bad.jpg: truncated JPEG (…)" per file left out
    bool fromCache = false;                 // image folders: read from the decoded cache beside the folder
    // Text and token tasks: the vocabulary (<pad>, <unk>, …) whose ids the samples hold, how text is
    // split ("characters", "words"), and T. Empty vocabulary for sets of numbers.
    std::vector<std::string> vocabulary;
    std::string tokens;
    int64_t sequenceLength = 0;             // T of the [N, T] or [N, T, F] samples; 0 for other sets
    bool languageModel = false;             // targets are the next token at every step, [N, T]
};

// A data set ready to train on. The sources are never null; a split whose fraction is 0 is empty.
struct LoadedData {
    DataInfo info;
    std::shared_ptr<nn::BatchSource> train, validation, test;
};

} // namespace datasets
