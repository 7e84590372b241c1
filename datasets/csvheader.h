// CsvHeader: a CSV file's column names, how settings name columns, and the per-row checks whose
// messages give the line, the column and what was found.
#pragma once

#include "csvreader.h"

#include <optional>
#include <string>
#include <vector>

namespace datasets {

// The header row of a CSV file; every data row is checked against it.
class CsvHeader {
public:
    // Reads the first record. Throws nn::FileError when the file is empty or its first line is
    // numbers rather than column names.
    static CsvHeader read(CsvReader &reader);

    const std::vector<std::string> &names() const { return names_; }
    int size() const { return static_cast<int>(names_.size()); }
    std::optional<int> find(const std::string &name) const;
    // A column named `reference`, else its 0-based number. Throws nn::SettingError naming the
    // columns there are; `role` ("label column", "feature column") starts the message.
    int resolve(const std::string &reference, const std::string &role) const;
    // "a, b, c" (shortened when long), for messages.
    std::string listing() const;

    // Throws nn::FileError with the line and both counts when a row has the wrong number of cells.
    void checkWidth(const CsvReader &reader, const std::vector<std::string> &cells) const;
    // The number in `cell` of `column`; throws nn::FileError with line, column name and the text.
    float number(const CsvReader &reader, const std::string &cell, int column) const;

private:
    std::string source_;
    std::vector<std::string> names_;
};

} // namespace datasets
