// Utf8Text: a small UTF-8 decoder (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
#include "utf8text.h"

#include "nn/error.h"

#include <fstream>
#include <sstream>

namespace datasets {

namespace {

// The length of the valid UTF-8 sequence at `text[pos]`, or 0 when it is not one.
size_t utf8SequenceLength(std::string_view text, size_t pos, char32_t &code)
{
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    size_t length = 0;
    if (lead < 0x80) {
        code = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2, code = lead & 0x1Fu;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3, code = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4, code = lead & 0x07u;
    else
        return 0;
    if (pos + length > text.size())
        return 0;
    for (size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0u) != 0x80u)
            return 0;
        code = (code << 6) | (byte(i) & 0x3Fu);
    }
    const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

bool isSpace(const std::string &character)
{
    return character.size() == 1 && (character[0] == ' ' || (character[0] >= '\t' && character[0] <= '\r'));
}

} // namespace

std::vector<std::string> Utf8Text::characters(std::string_view text)
{
    std::vector<std::string> result;
    result.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        char32_t code = 0;
        const size_t length = utf8SequenceLength(text, pos, code);
        result.emplace_back(length ? text.substr(pos, length) : "\xEF\xBF\xBD");
        pos += length ? length : 1;
    }
    return result;
}

std::vector<std::string> Utf8Text::words(std::string_view text)
{
    std::vector<std::string> result;
    std::string word;
    for (std::string &character : characters(text)) {
        if (!isSpace(character)) {
            word += character;
            continue;
        }
        if (!word.empty())
            result.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty())
        result.push_back(std::move(word));
    return result;
}

bool Utf8Text::next(std::string_view text, size_t &pos, char32_t &code)
{
    const size_t length = pos < text.size() ? utf8SequenceLength(text, pos, code) : 0;
    pos += length;
    return length > 0;
}

char32_t Utf8Text::codePoint(std::string_view character)
{
    char32_t code = 0;
    return !character.empty() && utf8SequenceLength(character, 0, code) == character.size() ? code : char32_t{0xFFFD};
}

int64_t Utf8Text::firstBadLine(std::string_view text)
{
    int64_t line = 1;
    for (size_t pos = 0; pos < text.size();) {
        char32_t code = 0;
        const size_t length = utf8SequenceLength(text, pos, code);
        if (length == 0)
            return line;
        line += code == '\n';
        pos += length;
    }
    return 0;
}

void Utf8Text::check(std::string_view text, const std::string &source)
{
    if (const int64_t line = firstBadLine(text))
        throw nn::FileError(source + ", line " + std::to_string(line) +
                            ": this is not UTF-8 text (perhaps Latin-1 or Windows-1252). Save the file as UTF-8, "
                            "for example with: iconv -f latin1 -t utf-8 OLD > NEW");
}

std::string Utf8Text::readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw nn::FileError("Cannot open the text file " + path + "; check the path and that you may read it.");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = std::move(buffer).str();
    check(text, path);
    return text;
}

bool Utf8Text::isLatinLetter(char32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    if (c >= 0xC0 && c <= 0xFF)
        return c != 0xD7 && c != 0xF7;
    return c >= 0x100 && c <= 0x24F;
}

bool Utf8Text::isUpperCaseLatin(char32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c == 0x178)  // Ÿ
        return true;
    // Latin Extended-A pairs upper and lower case: upper on even code points, except between
    // Ĺ (0x139) and ň (0x148) and between Ź (0x179) and ž (0x17E), where upper is odd; ı and ĸ are lower.
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
            return false;
        const bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        return oddUpper ? c % 2 == 1 : c % 2 == 0;
    }
    return false;
}

} // namespace datasets
