// The data sources' entry point: picks the reader for a DataSpec's source, splits the samples and
// fits the input scaling on the training split.
#include "datasets.h"

#include "classfilter.h"
#include "csvdataset.h"
#include "csvheader.h"
#include "datalocator.h"
#include "datasplit.h"
#include "drawnset.h"
#include "featurescaling.h"
#include "idxdataset.h"
#include "idxfile.h"
#include "imagefit.h"
#include "imagefolder.h"
#include "mixtureset.h"
#include "samplesource.h"
#include "sequencetasks.h"
#include "seriesdataset.h"
#include "shapesset.h"
#include "splitassembly.h"
#include "syntheticset.h"
#include "textcorpus.h"
#include "textcsv.h"
#include "textset.h"
#include "wordlists.h"

#include "nn/error.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

namespace datasets {

namespace {

struct BundledCsv {
    const char *name;
    const char *description;
};

constexpr BundledCsv kBundledCsv[] = {
    {"iris", "Iris: 150 flowers, 4 measurements in cm, 3 species (Fisher, 1936)"},
    {"wine", "Wine: 178 Italian wines, 13 chemical measurements, 3 cultivars (UCI)"},
    {"breast-cancer", "Breast cancer: 569 tumours, 30 cell-nucleus measurements, malignant or benign (UCI, Wisconsin)"},
    {"digits", "Digits: 1797 handwritten digits as 8×8 images with pixels from 0 to 16 (UCI)"},
};

void checkRange(double value, double low, double high, const std::string &name)
{
    if (!(value >= low && value <= high))
        throw nn::SettingError(name + " must be between " + std::to_string(low) + " and " + std::to_string(high) + ", got " +
                               std::to_string(value) + ".");
}

void checkSpec(const nn::DataSpec &spec)
{
    if (spec.task != "auto" && spec.task != "classification" && spec.task != "regression")
        throw nn::SettingError("data task must be auto, classification or regression, got '" + spec.task + "'.");
    if (spec.scaling != "auto" && spec.scaling != "none" && spec.scaling != "standardize" && spec.scaling != "minmax")
        throw nn::SettingError("data scaling must be auto, none, standardize or minmax, got '" + spec.scaling + "'.");
    if (spec.imageResize != "stretch" && spec.imageResize != "crop" && spec.imageResize != "pad")
        throw nn::SettingError("data image_resize must be stretch, crop or pad, got '" + spec.imageResize + "'.");
    checkRange(spec.validationSplit, 0.0, 0.9, "validation_split");
    checkRange(spec.testSplit, 0.0, 0.9, "test_split");
    if (spec.source.empty())
        throw nn::SettingError("No data source is set: choose a bundled or synthetic data set, a .csv or IDX file, or a folder of images.");
}

// The settings of a generated set.
void checkGenerated(const nn::DataSpec &spec)
{
    checkRange(static_cast<double>(spec.samples), 4.0, 1e7, "samples");
    checkRange(spec.noise, 0.0, 10.0, "noise");
}

// Splits (unless the set has its own test set, only train and validation) by `seed`.
template <typename T>
LoadedData assemble(RawData<T> raw, const nn::DataSpec &spec, uint64_t seed)
{
    if (!spec.onlyClass.empty())
        keepOneClass(raw, spec.onlyClass);
    const DataSplit split = DataSplit::make(raw.samples->count, spec.validationSplit, raw.ownTest ? 0.0 : spec.testSplit, seed);
    return assembleSplits(std::move(raw), spec, split);
}

const BundledCsv *findBundledCsv(const std::string &name)
{
    const auto *it = std::find_if(std::begin(kBundledCsv), std::end(kBundledCsv), [&](const BundledCsv &set) { return set.name == name; });
    return it == std::end(kBundledCsv) ? nullptr : it;
}

RawData<float> loadBundledCsv(const BundledCsv &set, const nn::DataSpec &spec)
{
    RawData<float> data = CsvDataset::load(DataLocator::bundledFile(std::string(set.name) + ".csv"), spec, set.name);
    data.info.description = set.description;
    if (data.info.name == "digits" && spec.featureColumns.empty()) {
        data.samples->sampleShape = data.info.sampleShape = {1, 8, 8};
        data.info.isImage = true;
        data.autoScaling = AutoScaling::PixelMaximum;
        data.pixelMaximum = 16.0f;
    }
    return data;
}

std::string knownNames()
{
    std::string text;
    for (const auto &names : {bundledNames(), syntheticNames(), sequenceNames()})
        for (const auto &name : names)
            text += (text.empty() ? "" : ", ") + name;
    return text;
}

LoadedData loadFile(const nn::DataSpec &spec, uint64_t seed, const LoadOptions &options)
{
    const std::string &path = spec.source;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (path.find_first_of("/\\.") == std::string::npos)
            throw nn::SettingError("Unknown data set '" + path + "'. Choose one of " + knownNames() +
                                   ", or give the path of a .csv or IDX file or of a folder of images.");
        throw nn::FileError("The data file " + path + " does not exist; check the path and its spelling.");
    }
    if (std::filesystem::is_directory(path, error))
        return assemble(ImageFolder::load(path, spec.labels, options.inputShape, spec.imageResize, options.progress), spec, seed);
    const std::string fileName = std::filesystem::path(path).filename().string();
    if (fileName.ends_with(".txt"))
        return TextSet::languageModel(TextCorpus::file(path), fileName, spec, seed);
    if (!spec.textColumn.empty())
        return TextSet::classification(TextCsv::load(path, spec, fileName), spec, seed, 0);
    if (!spec.seriesColumn.empty())
        return SeriesDataset::load(path, spec, fileName);
    const bool isCsv = fileName.ends_with(".csv") || fileName.ends_with(".csv.gz");
    if (!isCsv && (fileName.find("idx") != std::string::npos || IdxFile::looksLikeIdx(path)))
        return assemble(IdxDataset::loadPair(path, spec.labels), spec, seed);
    return assemble(CsvDataset::load(path, spec, fileName), spec, seed);
}

// The CSV columns that hold the model's features, in the model's order.
std::vector<int> predictionColumns(const CsvHeader &header, const DataInfo &info, const std::string &path)
{
    std::vector<int> columns;
    const auto features = static_cast<int>(nn::elementCount(info.sampleShape));
    if (!info.featureNames.empty()) {
        std::string missing;
        for (const auto &name : info.featureNames) {
            const auto column = header.find(name);
            missing += column ? "" : (missing.empty() ? "'" : ", '") + name + "'";
            columns.push_back(column.value_or(-1));
        }
        if (!missing.empty())
            throw nn::FileError(path + " has no column " + missing + ", which the model was trained on. Its columns are: " +
                                header.listing() + ". Name the header's columns as in the training data.");
        return columns;
    }
    const auto label = std::find_if(header.names().begin(), header.names().end(), [](const std::string &name) {
        return name == "label" || name == "labels" || name == "class" || name == "target";
    });
    const bool dropLabel = header.size() == features + 1 && label != header.names().end();
    if (header.size() != features && !dropLabel)
        throw nn::FileError(path + " has " + std::to_string(header.size()) + " columns, but the model takes " + std::to_string(features) +
                            " values per sample (" + nn::toString(info.sampleShape) + ", one column each, optionally with a column named label).");
    for (int c = 0; c < header.size(); ++c)
        if (!dropLabel || c != label - header.names().begin())
            columns.push_back(c);
    return columns;
}

// Raw samples ([count, features]) scaled as the model sees them: [count, sampleShape…].
template <typename T>
nn::Tensor scaledSamples(const std::vector<T> &raw, int64_t count, int64_t features, const DataInfo &info)
{
    const FeatureScaling scaling = info.scale.empty() ? FeatureScaling::identity(features) : FeatureScaling(info.scale, info.offset);
    if (scaling.features() != features || info.offset.size() != info.scale.size())
        throw nn::SettingError("The data description holds " + std::to_string(info.scale.size()) + " scale factors for " +
                               std::to_string(features) + " features; the project's data section is damaged.");
    nn::Shape shape{count};
    shape.insert(shape.end(), info.sampleShape.begin(), info.sampleShape.end());
    nn::Tensor x(shape);
    for (int64_t i = 0; i < count; ++i)
        scaling.apply(raw.data() + i * features, x.data() + i * features);
    return x;
}

void checkImageModel(const DataInfo &info)
{
    if (!info.isImage || info.sampleShape.size() != 3)
        throw nn::SettingError("This project was trained on " + info.name + ", whose samples are not images (" +
                               nn::toString(info.sampleShape) + "); give it a CSV file of feature columns instead.");
}

} // namespace

LoadedData load(const nn::DataSpec &spec, uint64_t seed, const LoadOptions &options)
{
    checkSpec(spec);
    if (SyntheticSet::contains(spec.source)) {
        checkGenerated(spec);
        return assemble(SyntheticSet::generate(spec.source, spec.samples, spec.noise, seed), spec, seed);
    }
    if (MixtureSet::contains(spec.source)) {
        checkGenerated(spec);
        return assemble(MixtureSet::generate(spec.source, spec.samples, spec.noise, seed), spec, seed);
    }
    if (spec.source == DrawnSet::kName) {
        checkGenerated(spec);
        return assemble(DrawnSet::generate(spec.points, spec.samples, spec.noise, seed), spec, seed);
    }
    if (spec.source == "fashion-mnist")
        return assemble(IdxDataset::loadFashionMnist(), spec, seed);
    if (spec.source == "shapes")
        return assemble(ShapesSet::generate(ShapesSet::kDefaultCount, ShapesSet::kSeed), spec, seed);
    if (spec.source == "words")
        return TextSet::classification(WordLists::load(spec, seed), spec, seed, WordLists::kLongest);
    if (spec.source == "fortunes")
        return TextSet::languageModel(TextCorpus::fortunes(), "fortunes", spec, seed);
    if (SequenceTasks::contains(spec.source)) {
        checkGenerated(spec);
        return assemble(SequenceTasks::generate(spec.source, spec, seed), spec, seed);
    }
    if (const BundledCsv *set = findBundledCsv(spec.source))
        return assemble(loadBundledCsv(*set, spec), spec, seed);
    return loadFile(spec, seed, options);
}

std::vector<std::string> bundledNames()
{
    std::vector<std::string> names;
    for (const auto &set : kBundledCsv)
        names.emplace_back(set.name);
    names.emplace_back("fashion-mnist");
    names.emplace_back("shapes");
    return names;
}

std::vector<std::string> sequenceNames()
{
    std::vector<std::string> names = {"words", "fortunes"};
    for (const std::string &task : SequenceTasks::names())
        names.push_back(task);
    return names;
}

std::vector<std::string> syntheticNames()
{
    std::vector<std::string> names = SyntheticSet::names();
    for (const std::string &name : MixtureSet::names())
        names.push_back(name);
    names.emplace_back(DrawnSet::kName);
    return names;
}

std::string describe(const std::string &name)
{
    if (SyntheticSet::contains(name))
        return SyntheticSet::generate(name, 4, 0.0, 1).info.description;  // four points: no real cost
    if (MixtureSet::contains(name))
        return MixtureSet::generate(name, 4, 0.0, 1).info.description;
    if (name == DrawnSet::kName)
        return DrawnSet::description();
    if (name == "fashion-mnist")
        return "Fashion-MNIST: 70000 grey 28×28 images of clothing in 10 classes (Zalando Research, MIT licence)";
    if (name == "shapes")
        return ShapesSet::description(ShapesSet::kDefaultCount);
    if (const BundledCsv *set = findBundledCsv(name))
        return set->description;
    if (name == "words")
        return "Which language is this word: 4000 words each of 8 languages from Debian's word lists (wamerican, wngerman, …)";
    if (name == "fortunes")
        return "Fortunes: a character language model learns the next character of fortunes-min's fortunes";
    if (SequenceTasks::contains(name))
        return SequenceTasks::describe(name);
    return {};
}

bool isRegressionSet(const std::string &name)
{
    return (SyntheticSet::contains(name) && !SyntheticSet::generate(name, 4, 0.0, 1).info.classification) || name == "line" ||
           name == "sines" || name == "adding";
}

nn::Tensor readFeatures(const std::string &csvPath, const DataInfo &info)
{
    CsvReader reader = CsvReader::open(csvPath);
    const CsvHeader header = CsvHeader::read(reader);
    const std::vector<int> columns = predictionColumns(header, info, csvPath);
    std::vector<float> raw;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        for (int column : columns)
            raw.push_back(header.number(reader, cells[static_cast<size_t>(column)], column));
    }
    const auto features = static_cast<int64_t>(columns.size());
    const int64_t count = features == 0 ? 0 : static_cast<int64_t>(raw.size()) / features;
    if (count == 0)
        throw nn::FileError(csvPath + " has a header but no data rows: add at least one row of feature values below it.");
    return scaledSamples(raw, count, features, info);
}

nn::Tensor readImages(const std::vector<std::string> &files, const DataInfo &info, const std::string &imageResize)
{
    checkImageModel(info);
    const std::vector<uint8_t> pixels = ImageFolder::decodeFiles(files, info.sampleShape, imageResize);
    return scaledSamples(pixels, static_cast<int64_t>(files.size()), nn::elementCount(info.sampleShape), info);
}

nn::Tensor imageInput(const Image &image, const DataInfo &info, const std::string &imageResize)
{
    checkImageModel(info);
    const nn::Shape &shape = info.sampleShape;  // {channels, height, width}
    if (image.channels != shape[0])
        throw nn::SettingError("The image has " + std::to_string(image.channels) + " channel(s) but the model takes " +
                               std::to_string(shape[0]) + "; decode it with the model's channels.");
    std::vector<uint8_t> pixels(static_cast<size_t>(nn::elementCount(shape)));
    ImageFit::fit(image, static_cast<int>(shape[1]), static_cast<int>(shape[2]), ImageFit::modeFromName(imageResize), pixels.data());
    return scaledSamples(pixels, 1, nn::elementCount(shape), info);
}

} // namespace datasets
