// TextSampler: the context window, softmax with temperature, and a seeded draw.
#include "textsampler.h"

#include "textset.h"

#include "nn/error.h"
#include "nn/random.h"

#include <algorithm>
#include <cmath>

namespace datasets {

namespace {

// The logits at the last step of `context`, right-aligned in T steps: [K].
std::vector<double> lastLogits(const nn::Model &model, const Vocabulary &vocabulary, const std::vector<std::string> &context,
                               int64_t length)
{
    const auto used = std::min<int64_t>(length, static_cast<int64_t>(context.size()));
    nn::Tensor ids({1, length}, static_cast<float>(Vocabulary::kPad));
    vocabulary.encode({context.end() - used, context.end()}, used, ids.data() + (length - used));
    nn::Pass pass;
    model.infer(pass, {&ids});
    const nn::Tensor &logits = pass.output();
    const int64_t classes = logits.dim(2);
    const float *last = logits.data() + (length - 1) * classes;
    return {last, last + classes};
}

} // namespace

TextSampler::TextSampler(const nn::Model &model, const DataInfo &info)
    : model_(model), vocabulary_(TextSet::vocabularyOf(info)), length_(info.sequenceLength)
{
    if (!info.languageModel)
        throw nn::SettingError("Sampling needs a language model; this project classifies " + info.name +
                               ". Train a project on fortunes or a .txt file to sample text.");
    const nn::Shape output = model.outputShape();
    if (output.size() != 3 || output[1] != length_ || output[2] != vocabulary_.size())
        throw nn::SettingError("Sampling needs a model whose output is [N, " + std::to_string(length_) + ", " +
                               std::to_string(vocabulary_.size()) + "] (a score per step and token), but it is " +
                               nn::toString(output) + ".");
}

std::vector<double> TextSampler::nextProbabilities(const std::vector<std::string> &context, double temperature) const
{
    std::vector<double> logits = lastLogits(model_, vocabulary_, context, length_);
    logits[Vocabulary::kPad] = logits[Vocabulary::kUnknown] = -INFINITY;
    const double highest = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (double &value : logits)
        sum += value = std::exp((value - highest) / temperature);
    for (double &value : logits)
        value /= sum;
    return logits;
}

std::string TextSampler::sample(const std::string &prompt, int64_t length, double temperature, uint64_t seed) const
{
    if (!(temperature >= 0.0 && temperature <= 100.0))
        throw nn::SettingError("The temperature must be between 0 and 100, such as 0.8; got " + std::to_string(temperature) + ".");
    std::vector<std::string> context = vocabulary_.split(prompt);
    nn::Rng rng = nn::Rng::keyed(seed, "sample");
    std::string text;
    const bool words = vocabulary_.tokens() == Vocabulary::Tokens::Words;
    for (int64_t step = 0; step < length; ++step) {
        const std::vector<double> p = nextProbabilities(context, std::max(temperature, 1e-6));
        size_t chosen = static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
        if (temperature > 0.0) {
            double draw = rng.uniform(), total = 0.0;
            for (chosen = 0; chosen + 1 < p.size() && (total += p[chosen]) <= draw;)
                ++chosen;
        }
        context.push_back(vocabulary_.token(static_cast<int64_t>(chosen)));
        text += (words && !text.empty() ? " " : "") + context.back();
    }
    return text;
}

} // namespace datasets
