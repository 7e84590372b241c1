// Vocabulary: text to ids and back. Id 0 is <pad>, id 1 is <unk>, then the tokens of the training
// split by falling count; the ids reach the network as floats, [N, T].
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace datasets {

// A token list and its reverse index; built once from the training split, then only read.
class Vocabulary {
public:
    static constexpr int64_t kPad = 0;
    static constexpr int64_t kUnknown = 1;
    static constexpr const char *kPadToken = "<pad>";
    static constexpr const char *kUnknownToken = "<unk>";

    enum class Tokens { Characters, Words };
    // "characters" or "words"; nn::SettingError otherwise.
    static Tokens tokensNamed(const std::string &name);

    // The tokens of `rows` of `texts` (each already split into tokens) that occur at least
    // `minCount` times, most frequent first (ties in byte order), cut to `maxSize` entries with
    // <pad> and <unk> (0: no limit).
    static Vocabulary build(const std::vector<std::vector<std::string>> &texts, std::span<const int64_t> rows,
                            Tokens tokens, int64_t minCount, int64_t maxSize);
    // A saved vocabulary; nn::SettingError when it does not start with <pad>, <unk> or repeats a token.
    Vocabulary(std::vector<std::string> entries, Tokens tokens);

    // `text` split into tokens: its characters (code points) or its words.
    std::vector<std::string> split(std::string_view text) const;
    // The id of `token`; kUnknown for a token the vocabulary does not hold.
    int64_t id(const std::string &token) const;
    // Tokens to `length` ids in `out`: cut after `length`, padded with kPad at the end.
    void encode(const std::vector<std::string> &tokens, int64_t length, float *out) const;
    // The token of `id`, "<unk>" out of range.
    const std::string &token(int64_t id) const;

    int64_t size() const { return static_cast<int64_t>(entries_.size()); }
    const std::vector<std::string> &entries() const { return entries_; }
    Tokens tokens() const { return tokens_; }

private:
    Vocabulary() = default;
    void index();

    std::vector<std::string> entries_;
    std::unordered_map<std::string, int64_t> ids_;
    Tokens tokens_ = Tokens::Characters;
};

} // namespace datasets
