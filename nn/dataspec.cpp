// DataSpec's JSON form, its numbers and choices checked against their declarations (projectsettings.h).
#include "dataspec.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"
#include "projectsettings.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace nn {

namespace {

// "points": a list of [x, y] pairs of finite numbers within ±DataSpec::kPointReach.
std::vector<std::array<double, 2>> readPoints(const nlohmann::json &json)
{
    if (!json.contains("points"))
        return {};
    const nlohmann::json &list = json.at("points");
    const std::string hint = " Each point is a pair [x, y] of numbers, such as [[0.5, -1.25], [2, 0]].";
    if (!list.is_array())
        throw SettingError("data setting 'points' must be a list of points, got " + describeJson(list) + "." + hint);
    if (list.size() > DataSpec::kMaxPoints)
        throw SettingError("data setting 'points' holds " + std::to_string(list.size()) + " points; a drawing may hold at most " +
                           std::to_string(DataSpec::kMaxPoints) + ". Clear it or remove some points.");
    std::vector<std::array<double, 2>> points;
    points.reserve(list.size());
    for (size_t k = 0; k < list.size(); ++k) {
        const nlohmann::json &point = list[k];
        const std::string where = "data setting 'points', point " + std::to_string(k + 1);
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number())
            throw SettingError(where + " must be a pair [x, y] of numbers, got " + describeJson(point) + "." + hint);
        const std::array<double, 2> xy{point[0].get<double>(), point[1].get<double>()};
        for (double value : xy)
            if (!(std::abs(value) <= DataSpec::kPointReach))
                throw SettingError(where + " is " + describeJson(point) + "; x and y must lie between " +
                                   ConfigReader::formatNumber(-DataSpec::kPointReach) + " and " +
                                   ConfigReader::formatNumber(DataSpec::kPointReach) + ".");
        points.push_back(xy);
    }
    return points;
}

} // namespace

nlohmann::json DataSpec::toJson() const
{
    nlohmann::json json = {{"source", source},
                           {"task", task},
                           {"scaling", scaling},
                           {"validation_split", validationSplit},
                           {"test_split", testSplit},
                           {"image_resize", imageResize}};
    if (!labels.empty())
        json["labels"] = labels;
    if (!labelColumn.empty())
        json["label_column"] = labelColumn;
    if (!featureColumns.empty())
        json["feature_columns"] = featureColumns;
    if (!onlyClass.empty())
        json["class"] = onlyClass;
    json["samples"] = samples;
    json["noise"] = noise;
    // The sequence settings only where they differ from the defaults, so that a project of another
    // kind of data is written as before.
    const DataSpec defaults;
    const auto setIfChanged = [&json](const char *key, const auto &value, const auto &fallback) {
        if (value != fallback)
            json[key] = value;
    };
    setIfChanged("text_column", textColumn, defaults.textColumn);
    setIfChanged("series_column", seriesColumn, defaults.seriesColumn);
    setIfChanged("tokens", tokens, defaults.tokens);
    setIfChanged("sequence_length", sequenceLength, defaults.sequenceLength);
    setIfChanged("horizon", horizon, defaults.horizon);
    setIfChanged("min_count", minCount, defaults.minCount);
    setIfChanged("max_vocabulary", maxVocabulary, defaults.maxVocabulary);
    setIfChanged("languages", languages, defaults.languages);
    setIfChanged("words_per_language", wordsPerLanguage, defaults.wordsPerLanguage);
    setIfChanged("vocabulary", vocabulary, defaults.vocabulary);
    if (!points.empty())  // only a drawn set has points: other files stay as they were
        json["points"] = points;
    if (augment.any())  // files without augmentation stay as they were
        json["augment"] = {{"flip_horizontal", augment.flipHorizontal}, {"flip_vertical", augment.flipVertical},
                           {"shift", augment.shift},
                           {"crop_padding", augment.cropPadding},
                           {"rotation", augment.rotation},
                           {"brightness", augment.brightness},
                           {"contrast", augment.contrast}};
    return json;
}

DataSpec DataSpec::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        throw FileError("The project's \"data\" section must be a JSON object, got " + describeJson(json) + ".");
    DataSpec spec;
    const ConfigReader reader(json, "data");
    reader.text("source", spec.source);
    reader.text("labels", spec.labels, true);
    reader.text("label_column", spec.labelColumn, true);
    reader.texts("feature_columns", spec.featureColumns);
    reader.choice(dataSetting("task"), spec.task);
    reader.integer(dataSetting("samples"), spec.samples);
    reader.real(dataSetting("noise"), spec.noise);
    reader.choice(dataSetting("scaling"), spec.scaling);
    reader.real(dataSetting("validation_split"), spec.validationSplit);
    reader.real(dataSetting("test_split"), spec.testSplit);
    reader.choice(dataSetting("image_resize"), spec.imageResize);
    reader.text("text_column", spec.textColumn, true);
    reader.text("series_column", spec.seriesColumn, true);
    reader.choice(dataSetting("tokens"), spec.tokens);
    reader.integer(dataSetting("sequence_length"), spec.sequenceLength);
    reader.integer(dataSetting("horizon"), spec.horizon);
    reader.integer(dataSetting("min_count"), spec.minCount);
    reader.integer(dataSetting("max_vocabulary"), spec.maxVocabulary);
    reader.texts("languages", spec.languages);
    reader.integer(dataSetting("words_per_language"), spec.wordsPerLanguage);
    reader.texts("vocabulary", spec.vocabulary);
    const ConfigReader augment(reader.section("augment"), "data augment");
    augment.rejectUnknownKeys(ConfigReader::keysOf(dataSettings(), "augment."));
    augment.flag(dataSetting("augment.flip_horizontal"), spec.augment.flipHorizontal);
    augment.flag(dataSetting("augment.flip_vertical"), spec.augment.flipVertical);
    augment.integer(dataSetting("augment.shift"), spec.augment.shift);
    augment.integer(dataSetting("augment.crop_padding"), spec.augment.cropPadding);
    augment.real(dataSetting("augment.rotation"), spec.augment.rotation);
    augment.real(dataSetting("augment.brightness"), spec.augment.brightness);
    augment.real(dataSetting("augment.contrast"), spec.augment.contrast);
    reader.text("class", spec.onlyClass, true);
    spec.points = readPoints(json);
    return spec;
}

} // namespace nn
