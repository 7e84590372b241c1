// WordLists: "Which language is this word?" from Debian's word lists (wamerican, wngerman, …):
// lower-case words of letters only, 3–16 characters, the same number from each language.
#pragma once

#include "textset.h"

#include "nn/dataspec.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace datasets {

// The eight languages and where their words come from.
class WordLists {
public:
    struct Language {
        const char *name;     // "german": what the data setting 'languages' lists
        const char *file;     // "ngerman" under /usr/share/dict
        const char *package;  // "wngerman"
    };
    static const std::vector<Language> &languages();

    // spec.wordsPerLanguage words of each of spec.languages (empty: all eight), drawn from each
    // list by `seed`; classes are the languages in the order given. Fewer words in a list than
    // asked for lowers every language's number to keep them balanced. Throws nn::SettingError for
    // an unknown or repeated language, nn::FileError naming the package of a missing list.
    static LabelledTexts load(const nn::DataSpec &spec, uint64_t seed);
    // `count` distinct words that keepWord() accepts from one list file, drawn by `seed` (keyed by
    // `language`); fewer when the list has fewer.
    static std::vector<std::string> drawFromList(const std::string &path, int64_t count, uint64_t seed, const std::string &language);
    // Letters only (Latin scripts), all lower case (so no capitalised words), 3 to 16 characters.
    static bool keepWord(std::string_view word);

    static constexpr int64_t kShortest = 3;
    static constexpr int64_t kLongest = 16;
};

} // namespace datasets
