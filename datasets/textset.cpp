// TextSet: tokenize, split, count the training split's tokens, encode every sample.
#include "textset.h"

#include "datasplit.h"
#include "splitassembly.h"
#include "utf8text.h"

#include "nn/error.h"

#include <algorithm>

namespace datasets {

namespace {

// The saved vocabulary when the project has one, else one counted on the training rows.
Vocabulary chooseVocabulary(const std::vector<std::vector<std::string>> &tokenized, const std::vector<int64_t> &train,
                            const nn::DataSpec &spec)
{
    const Vocabulary::Tokens tokens = Vocabulary::tokensNamed(spec.tokens);
    if (!spec.vocabulary.empty())
        return Vocabulary(spec.vocabulary, tokens);
    return Vocabulary::build(tokenized, train, tokens, spec.minCount, spec.maxVocabulary);
}

void describeTokens(DataInfo &info, const Vocabulary &vocabulary, const nn::DataSpec &spec, int64_t length)
{
    info.vocabulary = vocabulary.entries();
    info.tokens = spec.tokens;
    info.sequenceLength = length;
    info.sampleShape = {length};
    info.description += ", " + std::to_string(vocabulary.size()) + " " + spec.tokens + " in the vocabulary (ids 0 to " +
                        std::to_string(vocabulary.size() - 1) + "), T = " + std::to_string(length);
}

int64_t longestTraining(const std::vector<std::vector<std::string>> &tokenized, const std::vector<int64_t> &train)
{
    size_t longest = 1;
    for (int64_t row : train)
        longest = std::max(longest, tokenized[static_cast<size_t>(row)].size());
    return std::min<int64_t>(static_cast<int64_t>(longest), TextSet::kMaxAutoLength);
}

} // namespace

LoadedData TextSet::classification(LabelledTexts texts, const nn::DataSpec &spec, uint64_t seed, int64_t defaultLength)
{
    const auto count = static_cast<int64_t>(texts.texts.size());
    const DataSplit split = DataSplit::make(count, spec.validationSplit, spec.testSplit, seed);
    const Vocabulary::Tokens tokens = Vocabulary::tokensNamed(spec.tokens);
    std::vector<std::vector<std::string>> tokenized;
    tokenized.reserve(texts.texts.size());
    for (const std::string &text : texts.texts)
        tokenized.push_back(tokens == Vocabulary::Tokens::Words ? Utf8Text::words(text) : Utf8Text::characters(text));
    const Vocabulary vocabulary = chooseVocabulary(tokenized, split.train, spec);
    const int64_t length = spec.sequenceLength > 0 ? spec.sequenceLength
                           : defaultLength > 0    ? defaultLength
                                                  : longestTraining(tokenized, split.train);

    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {length};
    samples->inputs.resize(static_cast<size_t>(count * length));
    for (int64_t i = 0; i < count; ++i)
        vocabulary.encode(tokenized[static_cast<size_t>(i)], length, samples->inputs.data() + i * length);
    samples->targets = std::move(texts.labels);

    RawData<float> raw;
    raw.info.name = texts.name;
    raw.info.description = texts.description;
    raw.info.classNames = std::move(texts.classNames);
    raw.info.numClasses = static_cast<int>(raw.info.classNames.size());
    describeTokens(raw.info, vocabulary, spec, length);
    raw.samples = std::move(samples);
    raw.tokenIds = true;
    return assembleSplits(std::move(raw), spec, split);
}

LoadedData TextSet::languageModel(const std::string &text, const std::string &name, const nn::DataSpec &spec, uint64_t seed)
{
    const Vocabulary::Tokens tokens = Vocabulary::tokensNamed(spec.tokens);
    const std::vector<std::string> all = tokens == Vocabulary::Tokens::Words ? Utf8Text::words(text) : Utf8Text::characters(text);
    const int64_t length = spec.sequenceLength > 0 ? spec.sequenceLength : kLanguageModelLength;
    const int64_t count = (static_cast<int64_t>(all.size()) - 1) / length;
    if (count < 10)
        throw nn::SettingError(name + " holds " + std::to_string(all.size()) + " " + spec.tokens + ", too few for 10 windows of " +
                               std::to_string(length) + " and the token after them: give a longer text or a smaller sequence_length.");
    // Window i: tokens [i·T, i·T + T] — the first T are the input, the last T the targets.
    std::vector<std::vector<std::string>> windows(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i)
        windows[static_cast<size_t>(i)].assign(all.begin() + i * length, all.begin() + (i + 1) * length + 1);
    const DataSplit split = DataSplit::make(count, spec.validationSplit, spec.testSplit, seed);
    const Vocabulary vocabulary = chooseVocabulary(windows, split.train, spec);

    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {length};
    samples->targetShape = {length};
    samples->inputs.resize(static_cast<size_t>(count * length));
    samples->targets.resize(static_cast<size_t>(count * length));
    for (int64_t i = 0; i < count; ++i) {
        const auto &window = windows[static_cast<size_t>(i)];
        vocabulary.encode(window, length, samples->inputs.data() + i * length);
        vocabulary.encode({window.begin() + 1, window.end()}, length, samples->targets.data() + i * length);
    }

    RawData<float> raw;
    raw.info.name = name;
    raw.info.description = name + ": next-token prediction, " + std::to_string(count) + " windows of " + std::to_string(length);
    raw.info.classNames = vocabulary.entries();
    raw.info.numClasses = static_cast<int>(vocabulary.size());
    raw.info.languageModel = true;
    describeTokens(raw.info, vocabulary, spec, length);
    raw.samples = std::move(samples);
    raw.tokenIds = true;
    return assembleSplits(std::move(raw), spec, split);
}

Vocabulary TextSet::vocabularyOf(const DataInfo &info)
{
    if (info.vocabulary.empty())
        throw nn::SettingError("This project was trained on " + info.name +
                               ", which is not text; give it a CSV file of feature columns (--input) instead.");
    return Vocabulary(info.vocabulary, Vocabulary::tokensNamed(info.tokens));
}

nn::Tensor TextSet::encode(const std::vector<std::string> &texts, const DataInfo &info)
{
    const Vocabulary vocabulary = vocabularyOf(info);
    const int64_t length = info.sequenceLength;
    nn::Tensor ids({static_cast<int64_t>(texts.size()), length});
    for (size_t i = 0; i < texts.size(); ++i) {
        Utf8Text::check(texts[i], "The text to predict");
        vocabulary.encode(vocabulary.split(texts[i]), length, ids.data() + static_cast<int64_t>(i) * length);
    }
    return ids;
}

} // namespace datasets
