// SeriesDataset: one CSV column read as a time series and cut into windows to forecast from.
#pragma once

#include "datainfo.h"

#include "nn/dataspec.h"

#include <cstdint>
#include <string>

namespace datasets {

// Window i holds values i … i+T−1 as [T, 1] (T = spec.sequenceLength, else kDefaultWindow); its
// targets are the spec.horizon values after it. The split keeps time order (DataSplit::chronological),
// and "auto" scaling standardizes the inputs on the training windows.
class SeriesDataset {
public:
    // nn::FileError for a cell that is not a number (with its line) or a series too short for 10
    // windows; nn::SettingError for a column that does not exist.
    static LoadedData load(const std::string &path, const nn::DataSpec &spec, const std::string &name);

    static constexpr int64_t kDefaultWindow = 20;
};

} // namespace datasets
