// DataSpec's JSON form.
#include "dataspec.h"

#include "error.h"

#include <nlohmann/json.hpp>

namespace nn {

nlohmann::json DataSpec::toJson() const
{
    nlohmann::json json = {{"source", source},
                           {"task", task},
                           {"scaling", scaling},
                           {"validation_split", validationSplit},
                           {"test_split", testSplit}};
    if (!labels.empty())
        json["labels"] = labels;
    if (!labelColumn.empty())
        json["label_column"] = labelColumn;
    if (!featureColumns.empty())
        json["feature_columns"] = featureColumns;
    json["samples"] = samples;
    json["noise"] = noise;
    return json;
}

DataSpec DataSpec::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        throw FileError("The project's \"data\" section must be a JSON object.");
    DataSpec spec;
    try {
        spec.source = json.value("source", spec.source);
        spec.labels = json.value("labels", spec.labels);
        spec.labelColumn = json.value("label_column", spec.labelColumn);
        spec.featureColumns = json.value("feature_columns", spec.featureColumns);
        spec.task = json.value("task", spec.task);
        spec.samples = json.value("samples", spec.samples);
        spec.noise = json.value("noise", spec.noise);
        spec.scaling = json.value("scaling", spec.scaling);
        spec.validationSplit = json.value("validation_split", spec.validationSplit);
        spec.testSplit = json.value("test_split", spec.testSplit);
    } catch (const nlohmann::json::exception &e) {
        throw FileError(std::string("The project's \"data\" section has a value of the wrong type: ") + e.what());
    }
    if (spec.task != "auto" && spec.task != "classification" && spec.task != "regression")
        throw SettingError("data task must be auto, classification or regression, got '" + spec.task + "'.");
    if (spec.scaling != "auto" && spec.scaling != "none" && spec.scaling != "standardize" && spec.scaling != "minmax")
        throw SettingError("data scaling must be auto, none, standardize or minmax, got '" + spec.scaling + "'.");
    if (spec.validationSplit < 0.0 || spec.validationSplit > 0.9)
        throw SettingError("validation_split must be between 0 and 0.9, got " + std::to_string(spec.validationSplit) + ".");
    if (spec.testSplit < 0.0 || spec.testSplit > 0.9)
        throw SettingError("test_split must be between 0 and 0.9, got " + std::to_string(spec.testSplit) + ".");
    if (spec.samples < 4 || spec.samples > 10'000'000)
        throw SettingError("samples must be between 4 and 10000000, got " + std::to_string(spec.samples) + ".");
    if (spec.noise < 0.0 || spec.noise > 10.0)
        throw SettingError("noise must be between 0 and 10, got " + std::to_string(spec.noise) + ".");
    return spec;
}

} // namespace nn
