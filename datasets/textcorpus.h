// TextCorpus: the text a character language model learns from: fortunes-min's fortunes (the
// default) or a UTF-8 text file.
#pragma once

#include <string>

namespace datasets {

// Reads and cleans corpora for TextSet::languageModel.
class TextCorpus {
public:
    // fortunes-min's fortunes, literature and riddles, one after the other: each fortune followed
    // by a blank line instead of the "%" between them, overstruck characters (x BACKSPACE y) as y.
    // Throws nn::FileError naming the package when it is not installed.
    static std::string fortunes();
    // A text file, checked as UTF-8 (nn::FileError naming the first bad line).
    static std::string file(const std::string &path);
};

} // namespace datasets
