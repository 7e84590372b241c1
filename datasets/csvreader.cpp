// CsvReader: a small RFC 4180 reader over text held in memory.
#include "csvreader.h"

#include "gzipfile.h"

#include "nn/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace datasets {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// The delimiter of the first line outside quotes: comma, else semicolon, else tab.
char detectDelimiter(std::string_view text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            break;
        else if (!quoted) {
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    if (commas > 0)
        return ',';
    if (semicolons > 0)
        return ';';
    return tabs > 0 ? '\t' : ',';
}

} // namespace

CsvReader::CsvReader(std::string text, std::string name)
    : text_(std::move(text)), name_(std::move(name))
{
    // Text never holds a zero byte; a binary file's bytes would otherwise end up in messages, where
    // the first zero cuts them short (a header of "\0…" gave an empty message).
    if (const size_t zero = text_.find('\0'); zero != std::string::npos) {
        const bool utf16 = text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF");
        throw nn::FileError(name_ + " is not a CSV text file: it holds a zero byte (byte " + std::to_string(zero + 1) +
                            ")." + (utf16 ? " It is UTF-16 text; save it as \"CSV UTF-8\" instead."
                                          : " Choose a .csv file: comma-separated values as plain text."));
    }
    if (text_.starts_with("\xEF\xBB\xBF"))  // a UTF-8 byte order mark, as spreadsheets write
        pos_ = 3;
    delimiter_ = detectDelimiter(std::string_view(text_).substr(pos_));
}

CsvReader CsvReader::open(const std::string &path)
{
    GzipFile file(path);
    return CsvReader(file.readAll(), path);
}

bool CsvReader::next(std::vector<std::string> &cells)
{
    skipBlankLines();
    if (pos_ >= text_.size())
        return false;
    line_ = nextLine_;
    size_t count = 0;
    for (;;) {
        if (cells.size() <= count)
            cells.emplace_back();
        std::string &cell = cells[count++];
        cell.clear();
        while (pos_ < text_.size() && isBlank(text_[pos_]) && text_[pos_] != delimiter_)
            ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '"')
            readQuoted(cell);
        else
            readPlain(cell);
        if (pos_ < text_.size() && text_[pos_] == delimiter_) {
            ++pos_;
            continue;
        }
        consumeLineEnd();
        break;
    }
    cells.resize(count);
    return true;
}

int64_t CsvReader::linesLeft() const
{
    return std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_), text_.end(), '\n') + 1;
}

void CsvReader::skipBlankLines()
{
    for (;;) {
        size_t p = pos_;
        while (p < text_.size() && (isBlank(text_[p]) || text_[p] == '\r') && text_[p] != delimiter_)
            ++p;
        if (p < text_.size() && text_[p] != '\n')
            return;
        pos_ = p < text_.size() ? p + 1 : p;
        if (p < text_.size())
            ++nextLine_;
        if (pos_ >= text_.size())
            return;
    }
}

bool CsvReader::atLineEnd() const
{
    if (pos_ >= text_.size() || text_[pos_] == '\n')
        return true;
    return text_[pos_] == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] == '\n');
}

void CsvReader::consumeLineEnd()
{
    if (pos_ < text_.size() && text_[pos_] == '\r')
        ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++nextLine_;
    }
}

// A field in double quotes: "" stands for one quote; commas and line breaks inside are data.
void CsvReader::readQuoted(std::string &cell)
{
    ++pos_;
    for (;;) {
        const size_t quote = text_.find('"', pos_);
        if (quote == std::string::npos)
            throw nn::FileError(name_ + ", line " + std::to_string(line_) +
                                ": a quoted field is never closed; add the missing \" at its end.");
        for (size_t i = pos_; i < quote; ++i)
            nextLine_ += text_[i] == '\n';
        cell.append(text_, pos_, quote - pos_);
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            cell += '"';
            ++pos_;
            continue;
        }
        break;
    }
    while (pos_ < text_.size() && isBlank(text_[pos_]) && text_[pos_] != delimiter_)
        ++pos_;
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !atLineEnd())
        throw nn::FileError(name_ + ", line " + std::to_string(line_) + ": unexpected text after the closing quote of \"" +
                            cell + "\"; a quote inside a quoted field is written as two quotes (\"\").");
}

void CsvReader::readPlain(std::string &cell)
{
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n')
        ++pos_;
    size_t end = pos_;
    while (end > start && (isBlank(text_[end - 1]) || text_[end - 1] == '\r'))
        --end;
    cell.assign(text_, start, end - start);
}

std::optional<double> parseNumber(std::string_view text)
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    if (text.size() > 1 && text.front() == '+' && text[1] != '-')
        text.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace datasets
