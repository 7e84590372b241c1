// DataSpec: where a project's data comes from and how it is split and scaled, as plain values;
// datasets/ turns it into batch sources, the project file stores it.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// Random changes to the training images, drawn anew for every sample in every epoch from the run's
// seed; all off by default. Validation, test and predictions always see the images unchanged.
struct AugmentSpec {
    bool flipHorizontal = false;  // mirrors left-right with probability 1/2
    bool flipVertical = false;    // mirrors top-bottom with probability 1/2
    int64_t shift = 0;            // slides by up to this many pixels each way, repeating the edge
    int64_t cropPadding = 0;      // pads this many black pixels around and crops back at random
    double rotation = 0.0;        // rotates by up to this many degrees either way
    double brightness = 0.0;      // multiplies the pixels by 1 ± up to this
    double contrast = 0.0;        // stretches the pixels about their mean by 1 ± up to this

    bool any() const { return *this != AugmentSpec{}; }
    bool operator==(const AugmentSpec &) const = default;
};

struct DataSpec {
    // A bundled or synthetic set ("fashion-mnist", "shapes", "iris", "wine", "breast-cancer", "digits",
    // "circle", "xor", "gaussian", "spiral", "moons", "plane", "sine", "ring", "grid", "line", "drawn"), a path to a .csv file or an
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
    // Sequences and text (datasets/textset.h, sequencetasks.h): "words" (which language is this
    // word?), "fortunes" (a character language model), "sines", "adding", "copy", "reverse", a .txt
    // file (a language model), or a CSV with `textColumn` (text classification) or `seriesColumn`.
    std::string textColumn;                   // CSV: the column of text to classify
    std::string seriesColumn;                 // CSV: the column of a time series to forecast
    std::string tokens = "characters";        // characters or words (split at white space)
    int64_t sequenceLength = 0;               // T: texts padded or cut to it, windows, task length; 0 = the set's own
    int64_t horizon = 1;                      // time series: how many values after the window to predict
    int64_t minCount = 1;                     // tokens seen fewer times in the training split become <unk>
    int64_t maxVocabulary = 0;                // entries at most, <pad> and <unk> included; 0 = no limit
    std::vector<std::string> languages;       // "words": the languages to tell apart; empty = all
    int64_t wordsPerLanguage = 4000;          // "words": how many words each language gives
    // The vocabulary built on the training split (<pad>, <unk>, then the tokens), saved once
    // trained so that predict and the exports read raw text with the ids the model learnt.
    std::vector<std::string> vocabulary;
    AugmentSpec augment;                      // image sets: random changes to the training split
    std::string onlyClass;                    // "class": keep one class's samples (name or number); empty = all
    // "drawn": the 2D points a student painted on the plot, [x, y] in the data's units; the set repeats
    // them with jitter `noise` until it has `samples` points (datasets/drawnset.h).
    std::vector<std::array<double, 2>> points;

    // At most this many drawn points, each number within ±kPointReach: a file holds a drawing, not a data set.
    static constexpr size_t kMaxPoints = 20'000;
    static constexpr double kPointReach = 10'000.0;

    nlohmann::json toJson() const;
    static DataSpec fromJson(const nlohmann::json &json);  // FileError/SettingError when malformed
};

} // namespace nn
