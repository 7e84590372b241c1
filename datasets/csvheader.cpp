// CsvHeader: column lookups and row checks for CSV files.
#include "csvheader.h"

#include "nn/error.h"

#include <algorithm>

namespace datasets {

CsvHeader CsvHeader::read(CsvReader &reader)
{
    CsvHeader header;
    header.source_ = reader.name();
    if (!reader.next(header.names_))
        throw nn::FileError(reader.name() + " is empty: a CSV file needs a header row naming the columns "
                            "(e.g. x1,x2,label) and at least one data row.");
    const bool allNumbers = std::all_of(header.names_.begin(), header.names_.end(),
                                        [](const std::string &name) { return parseNumber(name).has_value(); });
    if (allNumbers)
        throw nn::FileError("The first line of " + reader.name() + " holds numbers, not column names: add a header row "
                            "naming the columns (e.g. x1,x2,label) as its first line.");
    for (size_t i = 0; i < header.names_.size(); ++i)
        if (header.names_[i].empty())
            header.names_[i] = "column " + std::to_string(i);
    return header;
}

std::optional<int> CsvHeader::find(const std::string &name) const
{
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it == names_.end())
        return std::nullopt;
    return static_cast<int>(it - names_.begin());
}

int CsvHeader::resolve(const std::string &reference, const std::string &role) const
{
    if (const auto column = find(reference))
        return *column;
    const bool isNumber = !reference.empty() && std::all_of(reference.begin(), reference.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (isNumber && reference.size() < 9 && std::stoi(reference) < size())
        return std::stoi(reference);
    const std::string what = isNumber ? "number " + reference + " (columns count from 0 up to " + std::to_string(size() - 1) + ")"
                                      : "'" + reference + "'";
    throw nn::SettingError("The " + role + " " + what + " is not in " + source_ + ". Its columns are: " + listing() + ".");
}

std::string CsvHeader::listing() const
{
    constexpr size_t kShown = 12;
    std::string text;
    for (size_t i = 0; i < names_.size() && i < kShown; ++i)
        text += (i > 0 ? ", " : "") + names_[i];
    if (names_.size() > kShown)
        text += ", … (" + std::to_string(names_.size()) + " in all)";
    return text;
}

void CsvHeader::checkWidth(const CsvReader &reader, const std::vector<std::string> &cells) const
{
    if (cells.size() == names_.size())
        return;
    throw nn::FileError(source_ + ", line " + std::to_string(reader.line()) + ": expected " + std::to_string(names_.size()) +
                        " columns as in the header, found " + std::to_string(cells.size()) +
                        ". Every row needs one value per column; look for a missing or extra comma.");
}

float CsvHeader::number(const CsvReader &reader, const std::string &cell, int column) const
{
    if (const auto value = parseNumber(cell))
        return static_cast<float>(*value);
    const std::string where = source_ + ", line " + std::to_string(reader.line()) + ", column '" + names_[static_cast<size_t>(column)] + "'";
    if (cell.empty())
        throw nn::FileError(where + " is empty. Every feature needs a number: fill it in or delete the row.");
    throw nn::FileError(where + ": '" + cell + "' is not a number. Feature columns must hold numbers; fix the value, "
                        "or leave this column out of the features.");
}

} // namespace datasets
