// TextCsv: "your own text", a CSV file with a column of text and a column of labels, read for
// text classification.
#pragma once

#include "textset.h"

#include "nn/dataspec.h"

#include <string>
#include <vector>

namespace datasets {

// Reads spec.textColumn and the label column (spec.labelColumn, else the last other column).
class TextCsv {
public:
    // Throws nn::FileError naming the line for an empty text or label, or text that is not UTF-8,
    // and nn::SettingError for columns that do not exist.
    static LabelledTexts load(const std::string &path, const nn::DataSpec &spec, const std::string &name);
    // For `predict`: the texts of a CSV file's column `column` (a name or number; empty: the column
    // named "text", else the first), with the same checks on every cell.
    static std::vector<std::string> readColumn(const std::string &path, const std::string &column);
};

} // namespace datasets
