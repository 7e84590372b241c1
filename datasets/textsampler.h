// TextSampler: new text from a trained language model, one token at a time, drawn from the
// softmax of its logits divided by a temperature. The CLI's `sample` and the window use it.
#pragma once

#include "datainfo.h"
#include "vocabulary.h"

#include "nn/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// Reads a model that maps [N, T] ids to [N, T, K] logits over the vocabulary of `info`.
class TextSampler {
public:
    // nn::SettingError when `info` is not a language model's or the model's output is not [N, T, K]
    // with K the vocabulary's size.
    TextSampler(const nn::Model &model, const DataInfo &info);

    // `length` tokens after `prompt`, joined (with spaces for word tokens). The context is the
    // last T tokens, padded at the front with <pad> while shorter; each step reads the logits of
    // the last step. Temperature 0 takes the most likely token; 1 samples the model's own
    // probabilities; higher flattens them. <pad> and <unk> are never drawn. Same seed, same text.
    std::string sample(const std::string &prompt, int64_t length, double temperature, uint64_t seed) const;
    // The next-token probabilities after `context` (tokens) at `temperature` (> 0), [K].
    std::vector<double> nextProbabilities(const std::vector<std::string> &context, double temperature) const;

private:
    const nn::Model &model_;
    Vocabulary vocabulary_;
    int64_t length_ = 0;
};

} // namespace datasets
