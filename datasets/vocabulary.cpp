// Vocabulary: counting, ordering and the checks on a saved vocabulary.
#include "vocabulary.h"

#include "utf8text.h"

#include "nn/error.h"

#include <algorithm>
#include <cassert>

namespace datasets {

Vocabulary::Tokens Vocabulary::tokensNamed(const std::string &name)
{
    if (name == "characters")
        return Tokens::Characters;
    if (name == "words")
        return Tokens::Words;
    throw nn::SettingError("data tokens must be characters or words, got '" + name + "'.");
}

Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>> &texts, std::span<const int64_t> rows,
                             Tokens tokens, int64_t minCount, int64_t maxSize)
{
    std::unordered_map<std::string, int64_t> counts;
    for (int64_t row : rows)
        for (const std::string &token : texts[static_cast<size_t>(row)])
            ++counts[token];
    std::vector<std::pair<std::string, int64_t>> ranked;
    for (auto &[token, count] : counts)
        if (count >= minCount && token != kPadToken && token != kUnknownToken)
            ranked.emplace_back(token, count);
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (maxSize > 0 && static_cast<int64_t>(ranked.size()) > maxSize - 2)
        ranked.resize(static_cast<size_t>(std::max<int64_t>(maxSize - 2, 0)));
    Vocabulary vocabulary;
    vocabulary.tokens_ = tokens;
    vocabulary.entries_ = {kPadToken, kUnknownToken};
    for (auto &entry : ranked)
        vocabulary.entries_.push_back(std::move(entry.first));
    vocabulary.index();
    return vocabulary;
}

Vocabulary::Vocabulary(std::vector<std::string> entries, Tokens tokens) : entries_(std::move(entries)), tokens_(tokens)
{
    if (entries_.size() < 2 || entries_[0] != kPadToken || entries_[1] != kUnknownToken)
        throw nn::SettingError("The project's data vocabulary must start with \"<pad>\", \"<unk>\"; it is damaged. "
                               "Delete the \"vocabulary\" list from the project file and train again.");
    index();
    if (ids_.size() != entries_.size())
        throw nn::SettingError("The project's data vocabulary lists a token twice; it is damaged. "
                               "Delete the \"vocabulary\" list from the project file and train again.");
}

void Vocabulary::index()
{
    ids_.reserve(entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i)
        ids_.emplace(entries_[i], static_cast<int64_t>(i));
}

std::vector<std::string> Vocabulary::split(std::string_view text) const
{
    return tokens_ == Tokens::Words ? Utf8Text::words(text) : Utf8Text::characters(text);
}

int64_t Vocabulary::id(const std::string &token) const
{
    const auto it = ids_.find(token);
    return it == ids_.end() || it->second == kPad ? kUnknown : it->second;
}

void Vocabulary::encode(const std::vector<std::string> &tokens, int64_t length, float *out) const
{
    assert(length >= 0);
    const auto used = std::min<int64_t>(length, static_cast<int64_t>(tokens.size()));
    for (int64_t t = 0; t < used; ++t)
        out[t] = static_cast<float>(id(tokens[static_cast<size_t>(t)]));
    std::fill(out + used, out + length, static_cast<float>(kPad));
}

const std::string &Vocabulary::token(int64_t id) const
{
    return id >= 0 && id < size() ? entries_[static_cast<size_t>(id)] : entries_[kUnknown];
}

} // namespace datasets
