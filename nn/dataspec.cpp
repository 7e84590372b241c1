// DataSpec's JSON form.
#include "dataspec.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"

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
        throw FileError("The project's \"data\" section must be a JSON object, got " + describeJson(json) + ".");
    DataSpec spec;
    const ConfigReader reader(json, "data");
    reader.text("source", spec.source);
    reader.text("labels", spec.labels, true);
    reader.text("label_column", spec.labelColumn, true);
    reader.texts("feature_columns", spec.featureColumns);
    reader.choice("task", spec.task, {"auto", "classification", "regression"});
    reader.integer("samples", spec.samples, 4, 10'000'000);
    reader.real("noise", spec.noise, 0.0, 10.0);
    reader.choice("scaling", spec.scaling, {"auto", "none", "standardize", "minmax"});
    reader.real("validation_split", spec.validationSplit, 0.0, 0.9);
    reader.real("test_split", spec.testSplit, 0.0, 0.9);
    return spec;
}

} // namespace nn
