// TextCsv: the rows' text and label cells, checked one by one, labels numbered as CsvDataset does.
#include "textcsv.h"

#include "csvdataset.h"
#include "csvheader.h"
#include "csvreader.h"
#include "utf8text.h"

#include "nn/error.h"

#include <algorithm>

namespace datasets {

namespace {

int textLabelColumn(const CsvHeader &header, const nn::DataSpec &spec, int text)
{
    if (header.size() < 2)
        throw nn::FileError(header.listing() + " is the only column of " + spec.source +
                            ": text classification needs a text column and a label column.");
    const int label = spec.labelColumn.empty() ? (text == header.size() - 1 ? header.size() - 2 : header.size() - 1)
                                               : header.resolve(spec.labelColumn, "label column");
    if (label == text)
        throw nn::SettingError("'" + header.names()[static_cast<size_t>(text)] +
                               "' is the text column; choose another column as the label column.");
    return label;
}

// "FILE, line N: the text column 'review' …" for a cell that cannot be used.
void checkCell(const CsvReader &reader, const CsvHeader &header, int column, const std::string &cell, const char *role)
{
    const std::string where = reader.name() + ", line " + std::to_string(reader.line()) + ": the " + role + " column '" +
                              header.names()[static_cast<size_t>(column)] + "'";
    if (std::all_of(cell.begin(), cell.end(), [](char c) { return c == ' ' || c == '\t'; }))
        throw nn::FileError(where + " is empty. Fill it in or delete the row.");
    if (const int64_t line = Utf8Text::firstBadLine(cell))
        throw nn::FileError(reader.name() + ", line " + std::to_string(reader.line() + line - 1) + ": the " + role + " column '" +
                            header.names()[static_cast<size_t>(column)] +
                            "' is not UTF-8 text (perhaps Latin-1 or Windows-1252). Save the file as UTF-8, for example "
                            "with: iconv -f latin1 -t utf-8 OLD > NEW");
}

} // namespace

std::vector<std::string> TextCsv::readColumn(const std::string &path, const std::string &column)
{
    CsvReader reader = CsvReader::open(path);
    const CsvHeader header = CsvHeader::read(reader);
    const int text = !column.empty() ? header.resolve(column, "text column") : header.find("text").value_or(0);
    std::vector<std::string> texts;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        checkCell(reader, header, text, cells[static_cast<size_t>(text)], "text");
        texts.push_back(std::move(cells[static_cast<size_t>(text)]));
    }
    if (texts.empty())
        throw nn::FileError(path + " has a header but no rows: add the texts to predict below the header.");
    return texts;
}

LabelledTexts TextCsv::load(const std::string &path, const nn::DataSpec &spec, const std::string &name)
{
    CsvReader reader = CsvReader::open(path);
    const CsvHeader header = CsvHeader::read(reader);
    const int text = header.resolve(spec.textColumn, "text column");
    const int label = textLabelColumn(header, spec, text);
    LabelledTexts texts;
    std::vector<std::string> labels;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        checkCell(reader, header, text, cells[static_cast<size_t>(text)], "text");
        checkCell(reader, header, label, cells[static_cast<size_t>(label)], "label");
        texts.texts.push_back(std::move(cells[static_cast<size_t>(text)]));
        labels.push_back(std::move(cells[static_cast<size_t>(label)]));
    }
    if (texts.texts.empty())
        throw nn::FileError(path + " has a header but no rows: the text column '" + header.names()[static_cast<size_t>(text)] +
                            "' is empty. Add rows of text and label below the header.");
    texts.labels = CsvDataset::classTargets(labels, texts.classNames);
    texts.name = name;
    texts.description = name + ": " + std::to_string(texts.texts.size()) + " texts in '" +
                        header.names()[static_cast<size_t>(text)] + "', " + std::to_string(texts.classNames.size()) +
                        " classes in '" + header.names()[static_cast<size_t>(label)] + "'";
    return texts;
}

} // namespace datasets
