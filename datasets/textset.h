// TextSet: texts made into token-id samples. The vocabulary comes from the training split only
// (or from the project, once trained); ids reach the network as floats, [N, T], 0 = <pad>, 1 = <unk>.
#pragma once

#include "datainfo.h"
#include "vocabulary.h"

#include "nn/dataspec.h"
#include "nn/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Texts with their class numbers, as a text source reads them, before tokenization.
struct LabelledTexts {
    std::string name;                     // "words", "reviews.csv"
    std::string description;              // one line for the GUI, without the vocabulary's size
    std::vector<std::string> texts;
    std::vector<float> labels;            // class numbers
    std::vector<std::string> classNames;
};

// Builds text classification and language-model sets, and encodes new text as the model saw it.
class TextSet {
public:
    // Class per text: samples [T] of ids, targets class numbers. T is spec.sequenceLength, else
    // `defaultLength`, else (0) the longest training text up to kMaxAutoLength tokens.
    static LoadedData classification(LabelledTexts texts, const nn::DataSpec &spec, uint64_t seed, int64_t defaultLength);
    // Next token at every step of `text`: windows of T tokens (spec.sequenceLength, else
    // kLanguageModelLength) cut one after the other, targets the same window one token later.
    static LoadedData languageModel(const std::string &text, const std::string &name, const nn::DataSpec &spec, uint64_t seed);

    // Raw texts as a trained text classifier reads them: [N, T] ids of info's vocabulary.
    // nn::SettingError when info holds no vocabulary (the project was not trained on text).
    static nn::Tensor encode(const std::vector<std::string> &texts, const DataInfo &info);
    // The vocabulary a loaded set's DataInfo holds.
    static Vocabulary vocabularyOf(const DataInfo &info);

    static constexpr int64_t kMaxAutoLength = 256;
    static constexpr int64_t kLanguageModelLength = 64;
};

} // namespace datasets
