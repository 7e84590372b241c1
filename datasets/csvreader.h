// CsvReader: the records of a CSV text one at a time, with the line each starts on, and the
// number parsing that every CSV consumer shares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace datasets {

// Splits CSV text into records: RFC 4180 quoting ("a, b" and "say ""hi"""), \n or \r\n line ends,
// blank lines skipped, spaces around unquoted fields trimmed. The delimiter is a comma, or a
// semicolon or tab when the first line has no comma but has one of those.
class CsvReader {
public:
    CsvReader(std::string text, std::string name);
    // Reads a plain or gzip-compressed file; `name` in messages is the path.
    static CsvReader open(const std::string &path);

    // Fills `cells` with the next record's fields; false at the end. Throws nn::FileError on an
    // unclosed quote or text after a closing quote.
    bool next(std::vector<std::string> &cells);
    // The 1-based line on which the record last returned by next() starts.
    int64_t line() const { return line_; }
    // Line breaks left in the text: at least the number of records still to come, less blank lines.
    int64_t linesLeft() const;
    // Bytes of text not yet read.
    int64_t bytesLeft() const { return static_cast<int64_t>(text_.size() - pos_); }
    const std::string &name() const { return name_; }

private:
    void skipBlankLines();
    bool atLineEnd() const;
    void consumeLineEnd();
    void readQuoted(std::string &cell);
    void readPlain(std::string &cell);

    std::string text_;
    std::string name_;
    char delimiter_ = ',';
    size_t pos_ = 0;
    int64_t nextLine_ = 1;
    int64_t line_ = 0;
};

// A finite number in `text` ("3", "-0.5", "+1e3"; spaces around it allowed), or nothing.
std::optional<double> parseNumber(std::string_view text);

} // namespace datasets
