// DataSpec: where a project's data comes from and how it is split and scaled, as plain values;
// datasets/ turns it into batch sources, the project file stores it.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

struct DataSpec {
    // A bundled or synthetic set ("fashion-mnist", "shapes", "iris", "wine", "breast-cancer", "digits",
    // "circle", "xor", "gaussian", "spiral", "moons", "plane", "sine", "ring", "grid", "line"), a path to a .csv file or an
    // IDX images file (.gz or not; labels from `labels`), or a folder of images (one subfolder per
    // class, or any files named with their labels in the CSV `labels`).
    std::string source = "spiral";
    std::string labels;                       // IDX labels file, or an image folder's CSV of file,label
    std::string labelColumn;                  // CSV: name or 0-based number; empty = last column
    std::vector<std::string> featureColumns;  // CSV: names or numbers; empty = all but the label
    std::string task = "auto";                // auto, classification, regression
    int64_t samples = 400;                    // synthetic sets
    double noise = 0.1;                       // synthetic sets
    std::string scaling = "auto";             // auto, none, standardize, minmax (fitted on train)
    double validationSplit = 0.1;             // fraction of the training data held out
    double testSplit = 0.2;                   // for sets without their own test set
    std::string imageResize = "stretch";      // image folders: stretch, crop or pad to the Input's size
    std::string onlyClass;                    // "class": keep one class's samples (name or number); empty = all

    nlohmann::json toJson() const;
    static DataSpec fromJson(const nlohmann::json &json);  // FileError/SettingError when malformed
};

} // namespace nn
