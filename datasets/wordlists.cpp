// WordLists: filtering the lists and drawing a balanced, seeded sample from each.
#include "wordlists.h"

#include "datalocator.h"
#include "utf8text.h"

#include "nn/error.h"
#include "nn/random.h"

#include <algorithm>
#include <fstream>
#include <unordered_set>

namespace datasets {

namespace {

const WordLists::Language &languageNamed(const std::string &name)
{
    const auto &all = WordLists::languages();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto &language) { return name == language.name; });
    if (it != all.end())
        return *it;
    std::string known;
    for (const auto &language : all)
        known += (known.empty() ? "" : ", ") + std::string(language.name);
    throw nn::SettingError("Unknown language '" + name + "' in the data setting 'languages'; choose from " + known + ".");
}

std::vector<std::string> chosenLanguages(const nn::DataSpec &spec)
{
    std::vector<std::string> names = spec.languages;
    if (names.empty())
        for (const auto &language : WordLists::languages())
            names.emplace_back(language.name);
    for (size_t i = 0; i < names.size(); ++i) {
        languageNamed(names[i]);
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) != names.begin() + static_cast<std::ptrdiff_t>(i))
            throw nn::SettingError("The language '" + names[i] + "' is listed twice in the data setting 'languages'.");
    }
    if (names.size() < 2)
        throw nn::SettingError("Which language is this word needs at least two languages in the data setting 'languages'.");
    return names;
}

// `count` distinct words of `words` chosen by a seeded partial Fisher–Yates shuffle (fewer when the
// list holds fewer distinct words).
std::vector<std::string> drawWords(std::vector<std::string_view> words, int64_t count, uint64_t seed, const std::string &language)
{
    nn::Rng rng = nn::Rng::keyed(seed, "words/" + language);
    std::unordered_set<std::string_view> chosen;
    std::vector<std::string> drawn;
    for (size_t i = 0; i < words.size() && static_cast<int64_t>(drawn.size()) < count; ++i) {
        std::swap(words[i], words[i + rng.below(words.size() - i)]);
        if (chosen.insert(words[i]).second)
            drawn.emplace_back(words[i]);
    }
    return drawn;
}

} // namespace

const std::vector<WordLists::Language> &WordLists::languages()
{
    static const std::vector<Language> all = {
        {"english", "american-english", "wamerican"}, {"german", "ngerman", "wngerman"},
        {"french", "french", "wfrench"},              {"spanish", "spanish", "wspanish"},
        {"italian", "italian", "witalian"},           {"portuguese", "portuguese", "wportuguese"},
        {"dutch", "dutch", "wdutch"},                 {"polish", "polish", "wpolish"},
    };
    return all;
}

bool WordLists::keepWord(std::string_view word)
{
    // Decoded in place: the Polish list alone has 4.3 million lines.
    int64_t length = 0;
    size_t pos = 0;
    for (char32_t c = 0; Utf8Text::next(word, pos, c); ++length)
        if (!Utf8Text::isLatinLetter(c) || Utf8Text::isUpperCaseLatin(c) || length == kLongest)
            return false;
    return pos == word.size() && length >= kShortest;
}

std::vector<std::string> WordLists::drawFromList(const std::string &path, int64_t count, uint64_t seed, const std::string &language)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw nn::FileError("Cannot read the word list " + path + "; check that you may read it.");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // Views into the whole text: the Polish list has 4.3 million lines, 60 MB.
    std::vector<std::string_view> words;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end;
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (keepWord(line))
            words.push_back(line);
        start = end + 1;
    }
    return drawWords(std::move(words), count, seed, language);
}

LabelledTexts WordLists::load(const nn::DataSpec &spec, uint64_t seed)
{
    const std::vector<std::string> names = chosenLanguages(spec);
    std::vector<std::vector<std::string>> lists;
    int64_t perLanguage = spec.wordsPerLanguage;
    for (const auto &name : names) {
        const Language &language = languageNamed(name);
        lists.push_back(drawFromList(DataLocator::wordList(language.file, language.package), spec.wordsPerLanguage, seed, name));
        perLanguage = std::min(perLanguage, static_cast<int64_t>(lists.back().size()));
    }
    if (perLanguage < 10)
        throw nn::FileError("A word list holds fewer than 10 usable words; reinstall its package.");
    LabelledTexts texts;
    texts.name = "words";
    texts.classNames = names;
    for (size_t l = 0; l < names.size(); ++l)
        for (int64_t i = 0; i < perLanguage; ++i) {  // the first of each draw: still a seeded sample
            texts.texts.push_back(std::move(lists[l][static_cast<size_t>(i)]));
            texts.labels.push_back(static_cast<float>(l));
        }
    texts.description = "Which language is this word: " + std::to_string(perLanguage) + " words each of " +
                        std::to_string(names.size()) + " languages (Debian word lists)";
    return texts;
}

} // namespace datasets
