// Utf8Text: text as UTF-8 code points, the units a character vocabulary counts, and the checks
// that name the line of a file that is not UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace datasets {

// Splits and checks UTF-8 text; a character is one code point, kept as its bytes.
class Utf8Text {
public:
    // The code points of `text`, each as its 1–4 bytes. Invalid bytes become U+FFFD (�) each.
    static std::vector<std::string> characters(std::string_view text);
    // The words of `text`: runs of characters between white space.
    static std::vector<std::string> words(std::string_view text);
    // Decodes the code point at `pos` into `code` and moves `pos` past it; false (pos unchanged) at
    // the end or at bytes that are not UTF-8.
    static bool next(std::string_view text, size_t &pos, char32_t &code);
    // The code point of one character from characters(), or 0xFFFD when it is not one.
    static char32_t codePoint(std::string_view character);
    // The 1-based line of the first byte that is not UTF-8, or 0 when all of `text` is.
    static int64_t firstBadLine(std::string_view text);
    // Throws nn::FileError "`source`, line N: …" when `text` is not UTF-8.
    static void check(std::string_view text, const std::string &source);
    // A file's whole text, checked as UTF-8; nn::FileError when it cannot be read or is not UTF-8.
    static std::string readFile(const std::string &path);
    // True for the letters of the Latin scripts (ASCII, Latin-1, Latin Extended-A and -B).
    static bool isLatinLetter(char32_t c);
    // True for upper-case Latin letters ("A", "É", "Ł").
    static bool isUpperCaseLatin(char32_t c);
};

} // namespace datasets
