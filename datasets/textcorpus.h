// TextCorpus: the text a character language model learns from: fortunes-min's fortunes (the
// default) or a UTF-8 text file.
#pragma once

#include <cstdint>
#include <string>

namespace datasets {

// Reads and cleans corpora for TextSet::languageModel.
class TextCorpus {
public:
    // fortunes-min's fortunes, literature and riddles, one after the other: each fortune followed
    // by a blank line instead of the "%" between them, overstruck characters (x BACKSPACE y) as y.
    // Throws nn::FileError naming the package when it is not installed.
    static std::string fortunes();
    // A text file, checked as UTF-8 (nn::FileError naming the first bad line); nn::FileError for an
    // empty file or one over kMaxBytes.
    static std::string file(const std::string &path);

    // A language model keeps every character as a token: 32 MB of text is about a gigabyte of them.
    static constexpr int64_t kMaxBytes = 32 << 20;
};

} // namespace datasets
