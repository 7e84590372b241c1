// CsvDataset: a CSV file read into float samples with class or regression targets, as a DataSpec asks.
#pragma once

#include "samples.h"

#include "nn/dataspec.h"

#include <string>
#include <vector>

namespace datasets {

// Reads the label column (spec.labelColumn, by name or 0-based number; empty: the last column)
// and the feature columns (spec.featureColumns; empty: all others). Classes: text labels become
// their sorted unique names; integer labels their sorted distinct values ("0", "1", … when they
// count from 0). Task "auto" is classification for text or at most 20 distinct integers, else
// regression.
class CsvDataset {
public:
    // `name` names the set in its DataInfo ("iris", or the file's name). Throws nn::FileError for a
    // malformed file, nn::SettingError for columns or a task that do not fit it.
    static RawData<float> load(const std::string &path, const nn::DataSpec &spec, const std::string &name);
    // Class numbers for labels as written: integers by value, other text in byte order; `names`
    // receives each class's name. nn::SettingError for more than 1000 classes.
    static std::vector<float> classTargets(const std::vector<std::string> &labels, std::vector<std::string> &names);
};

} // namespace datasets
