// GanConfig's JSON form, its numbers and choices checked against their declarations.
#include "ganconfig.h"

#include "configreader.h"
#include "jsontext.h"
#include "projectsettings.h"

namespace nn {

nlohmann::json GanConfig::toJson() const
{
    nlohmann::json json = {{"noise", noise},
                           {"loss", loss},
                           {"d_steps", discriminatorSteps},
                           {"label_smoothing", labelSmoothing},
                           {"gradient_penalty", gradientPenalty}};
    if (zeroCentredPenalty > 0.0)  // written only when used: older GAN files read and write as before
        json["zero_centred_penalty"] = zeroCentredPenalty;
    if (!generatorOptimizer.empty())
        json["generator_optimizer"] = generatorOptimizer;
    if (!generatorOptimizerSettings.empty())
        json["generator_optimizer_settings"] = generatorOptimizerSettings;
    return json;
}

GanConfig GanConfig::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        throw SettingError("The project's \"gan\" section must be a JSON object, got " + describeJson(json) + ".");
    GanConfig config;
    const ConfigReader reader(json, "gan");
    std::vector<std::string> keys{"generator_optimizer", "generator_optimizer_settings"};
    for (const std::string &key : ConfigReader::keysOf(ganSettings()))
        keys.push_back(key);
    reader.rejectUnknownKeys(keys);
    reader.choice(ganSetting("noise"), config.noise);
    reader.choice(ganSetting("loss"), config.loss);
    reader.integer(ganSetting("d_steps"), config.discriminatorSteps);
    reader.real(ganSetting("label_smoothing"), config.labelSmoothing);
    reader.real(ganSetting("gradient_penalty"), config.gradientPenalty);
    reader.real(ganSetting("zero_centred_penalty"), config.zeroCentredPenalty);
    reader.text("generator_optimizer", config.generatorOptimizer, true);
    reader.object("generator_optimizer_settings", config.generatorOptimizerSettings);
    return config;
}

} // namespace nn
