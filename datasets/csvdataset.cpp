// CsvDataset: one pass over the rows converts the features; the labels are kept as text until all
// are read, since whether they are classes or values depends on all of them.
#include "csvdataset.h"

#include "csvheader.h"
#include "csvreader.h"

#include "nn/error.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace datasets {

namespace {

constexpr size_t kMaxAutoClasses = 20;  // "auto" takes at most this many distinct integers as classes
constexpr size_t kMaxClasses = 1000;

struct Columns {
    int label = 0;
    std::vector<int> features;
};

struct Rows {
    std::vector<float> features;       // [count, features]
    std::vector<std::string> labels;   // as written
    std::vector<int64_t> lines;        // where each row starts, for messages
};

Columns chooseColumns(const CsvHeader &header, const nn::DataSpec &spec)
{
    if (header.size() < 2)
        throw nn::FileError(header.listing() + " is the only column of " + spec.source +
                            ": a data set needs at least one feature column and a label column.");
    Columns columns;
    columns.label = spec.labelColumn.empty() ? header.size() - 1 : header.resolve(spec.labelColumn, "label column");
    for (int c = 0; spec.featureColumns.empty() && c < header.size(); ++c)
        if (c != columns.label)
            columns.features.push_back(c);
    for (const auto &reference : spec.featureColumns) {
        const int column = header.resolve(reference, "feature column");
        const std::string &name = header.names()[static_cast<size_t>(column)];
        if (column == columns.label)
            throw nn::SettingError("'" + name + "' is the label column; it cannot also be a feature column.");
        if (std::find(columns.features.begin(), columns.features.end(), column) != columns.features.end())
            throw nn::SettingError("The feature column '" + name + "' is listed twice.");
        columns.features.push_back(column);
    }
    return columns;
}

Rows readRows(CsvReader &reader, const CsvHeader &header, const Columns &columns)
{
    Rows rows;
    // Reserved up front, or a 100 MB file would copy itself while growing. A row of F features and a
    // label holds at least F + 1 characters, which bounds the rows by the text, not just by its lines.
    const auto features = static_cast<int64_t>(columns.features.size());
    const int64_t expected = std::min(reader.linesLeft(), reader.bytesLeft() / (features + 1) + 1);
    rows.features.reserve(static_cast<size_t>(expected * features));
    rows.labels.reserve(static_cast<size_t>(expected));
    rows.lines.reserve(static_cast<size_t>(expected));
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        for (int column : columns.features)
            rows.features.push_back(header.number(reader, cells[static_cast<size_t>(column)], column));
        std::string &label = cells[static_cast<size_t>(columns.label)];
        if (label.empty())
            throw nn::FileError(reader.name() + ", line " + std::to_string(reader.line()) + ": the label column '" +
                                header.names()[static_cast<size_t>(columns.label)] + "' is empty. Fill it in or delete the row.");
        rows.labels.push_back(std::move(label));
        rows.lines.push_back(reader.line());
    }
    if (rows.labels.empty())
        throw nn::FileError(reader.name() + " has a header but no data rows: add at least one row of values below the header.");
    return rows;
}

// The labels as numbers when every one is a number; integers when every one is a whole number.
struct NumericLabels {
    std::vector<double> values;
    bool integers = true;
};

std::optional<NumericLabels> numericLabels(const std::vector<std::string> &labels)
{
    NumericLabels numeric;
    numeric.values.reserve(labels.size());
    for (const auto &label : labels) {
        const auto value = parseNumber(label);
        if (!value)
            return std::nullopt;
        numeric.integers = numeric.integers && std::floor(*value) == *value && std::abs(*value) < 1e15;
        numeric.values.push_back(*value);
    }
    return numeric;
}

// Class numbers for sorted distinct keys; `names` receives each class's name in class order.
template <typename Key>
std::vector<float> classNumbers(const std::vector<Key> &keys, std::vector<std::string> &names,
                                const std::function<std::string(const Key &)> &nameOf)
{
    const std::set<Key> distinct(keys.begin(), keys.end());
    if (distinct.size() > kMaxClasses)
        throw nn::SettingError("The label column has " + std::to_string(distinct.size()) + " different values, too many to be "
                               "classes. Pick the column that holds the classes, or set the task to regression.");
    std::map<Key, float> number;
    for (const auto &key : distinct) {
        number.emplace(key, static_cast<float>(names.size()));
        names.push_back(nameOf(key));
    }
    std::vector<float> targets;
    targets.reserve(keys.size());
    for (const auto &key : keys)
        targets.push_back(number.at(key));
    return targets;
}

void setClassTargets(const Rows &rows, Samples<float> &samples, DataInfo &info)
{
    samples.targets = CsvDataset::classTargets(rows.labels, info.classNames);
    info.classification = true;
    info.numClasses = static_cast<int>(info.classNames.size());
    samples.targetShape = {};
}

void setRegressionTargets(const Rows &rows, const std::optional<NumericLabels> &numeric, const std::string &source,
                          const std::string &labelName, Samples<float> &samples, DataInfo &info)
{
    if (!numeric) {
        size_t row = 0;
        while (parseNumber(rows.labels[row]))
            ++row;
        throw nn::FileError(source + ", line " + std::to_string(rows.lines[row]) + ", column '" + labelName + "': '" +
                            rows.labels[row] + "' is not a number, and regression needs numbers in the label column. "
                            "Set the task to classification, or choose a numeric label column.");
    }
    samples.targets.assign(numeric->values.begin(), numeric->values.end());
    info.classification = false;
    info.numClasses = 0;
    info.targetNames = {labelName};
    samples.targetShape = {1};
}

bool isClassification(const std::string &task, const std::optional<NumericLabels> &numeric)
{
    if (task != "auto")
        return task == "classification";
    if (!numeric)
        return true;
    return numeric->integers && std::set<double>(numeric->values.begin(), numeric->values.end()).size() <= kMaxAutoClasses;
}

} // namespace

std::vector<float> CsvDataset::classTargets(const std::vector<std::string> &labels, std::vector<std::string> &names)
{
    if (const auto numeric = numericLabels(labels); numeric && numeric->integers) {
        std::vector<int64_t> keys(numeric->values.begin(), numeric->values.end());
        return classNumbers<int64_t>(keys, names, [](const int64_t &k) { return std::to_string(k); });
    }
    return classNumbers<std::string>(labels, names, [](const std::string &k) { return k; });
}

RawData<float> CsvDataset::load(const std::string &path, const nn::DataSpec &spec, const std::string &name)
{
    CsvReader reader = CsvReader::open(path);
    const CsvHeader header = CsvHeader::read(reader);
    const Columns columns = chooseColumns(header, spec);
    Rows rows = readRows(reader, header, columns);

    auto samples = std::make_shared<Samples<float>>();
    samples->count = static_cast<int64_t>(rows.labels.size());
    samples->sampleShape = {static_cast<int64_t>(columns.features.size())};
    samples->inputs = std::move(rows.features);

    RawData<float> data;
    DataInfo &info = data.info;
    const std::string &labelName = header.names()[static_cast<size_t>(columns.label)];
    const auto numeric = numericLabels(rows.labels);
    if (isClassification(spec.task, numeric))
        setClassTargets(rows, *samples, info);
    else
        setRegressionTargets(rows, numeric, path, labelName, *samples, info);

    info.name = name;
    for (int column : columns.features)
        info.featureNames.push_back(header.names()[static_cast<size_t>(column)]);
    info.sampleShape = samples->sampleShape;
    info.description = name + ": " + std::to_string(samples->count) + " rows, " +
                       std::to_string(columns.features.size()) + " features, " +
                       (info.classification ? std::to_string(info.numClasses) + " classes in '" + labelName + "'"
                                            : "regression on '" + labelName + "'");
    data.samples = std::move(samples);
    data.autoScaling = AutoScaling::Standardize;
    return data;
}

} // namespace datasets
