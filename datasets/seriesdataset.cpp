// SeriesDataset: read the column, cut overlapping windows, split them in time order.
#include "seriesdataset.h"

#include "csvheader.h"
#include "csvreader.h"
#include "datasplit.h"
#include "splitassembly.h"

#include "nn/error.h"

namespace datasets {

LoadedData SeriesDataset::load(const std::string &path, const nn::DataSpec &spec, const std::string &name)
{
    CsvReader reader = CsvReader::open(path);
    const CsvHeader header = CsvHeader::read(reader);
    const int column = header.resolve(spec.seriesColumn, "series column");
    std::vector<float> series;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        series.push_back(header.number(reader, cells[static_cast<size_t>(column)], column));
    }
    const int64_t window = spec.sequenceLength > 0 ? spec.sequenceLength : kDefaultWindow;
    const int64_t count = static_cast<int64_t>(series.size()) - window - spec.horizon + 1;
    const std::string &columnName = header.names()[static_cast<size_t>(column)];
    if (count < 10)
        throw nn::FileError(path + " has " + std::to_string(series.size()) + " values in '" + columnName + "', too few for 10 windows of " +
                            std::to_string(window) + " and the " + std::to_string(spec.horizon) +
                            " after them: add rows, or lower sequence_length or horizon.");

    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {window, 1};
    samples->targetShape = {spec.horizon};
    for (int64_t i = 0; i < count; ++i) {
        samples->inputs.insert(samples->inputs.end(), series.begin() + i, series.begin() + i + window);
        samples->targets.insert(samples->targets.end(), series.begin() + i + window, series.begin() + i + window + spec.horizon);
    }
    RawData<float> raw;
    raw.info.name = name;
    raw.info.description = name + ": forecast " + std::to_string(spec.horizon) + " value(s) of '" + columnName + "' from the " +
                           std::to_string(window) + " before, " + std::to_string(count) + " windows in time order";
    raw.info.classification = false;
    raw.info.sampleShape = samples->sampleShape;
    raw.info.sequenceLength = window;
    for (int64_t h = 0; h < spec.horizon; ++h)
        raw.info.targetNames.push_back(columnName + " t+" + std::to_string(h + 1));
    raw.samples = std::move(samples);
    raw.autoScaling = AutoScaling::Standardize;
    return assembleSplits(std::move(raw), spec, DataSplit::chronological(count, spec.validationSplit, spec.testSplit));
}

} // namespace datasets
