// TextCorpus: fortune files cleaned of their separators and overstriking.
#include "textcorpus.h"

#include "datalocator.h"
#include "utf8text.h"

#include "nn/error.h"

#include <filesystem>

namespace datasets {

namespace {

// A fortune file's text without "%" lines and with "x\by" written as "y".
std::string cleanFortunes(const std::string &text)
{
    std::string clean;
    clean.reserve(text.size());
    size_t lineStart = 0;
    for (char c : text) {
        if (c == '\b') {
            if (clean.size() > lineStart)
                clean.pop_back();
            continue;
        }
        clean += c;
        if (c != '\n')
            continue;
        if (clean.size() == lineStart + 2 && clean[lineStart] == '%') {
            clean.pop_back();
            clean.back() = '\n';
        }
        lineStart = clean.size();
    }
    return clean;
}

} // namespace

std::string TextCorpus::fortunes()
{
    std::string text;
    for (const std::string &path : DataLocator::fortuneFiles())
        text += cleanFortunes(Utf8Text::readFile(path));
    return text;
}

std::string TextCorpus::file(const std::string &path)
{
    std::error_code error;
    if (const auto bytes = std::filesystem::file_size(path, error); !error && bytes > static_cast<uintmax_t>(kMaxBytes))
        throw nn::FileError("The text file " + path + " holds " + std::to_string(bytes >> 20) + " MB; a language model here reads at most " +
                            std::to_string(kMaxBytes >> 20) + " MB. Use a part of it, for example: head -c 30M BIG > PART.txt");
    std::string text = Utf8Text::readFile(path);
    if (text.empty())
        throw nn::FileError("The text file " + path + " is empty; a language model needs text to learn from.");
    return text;
}

} // namespace datasets
