// DataSpec's JSON form, its numbers and choices checked against their declarations (projectsettings.h).
#include "dataspec.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"
#include "projectsettings.h"

#include <nlohmann/json.hpp>

namespace nn {

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
    reader.text("class", spec.onlyClass, true);
    return spec;
}

} // namespace nn
