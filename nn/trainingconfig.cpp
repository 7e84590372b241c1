// TrainingConfig's JSON form, checked key by key against the declared training settings
// (projectsettings.h), and the batch size each batch mode implies.
#include "trainingconfig.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"
#include "projectsettings.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace nn {

namespace {

ScheduleConfig scheduleFromJson(const ConfigReader &reader, ScheduleConfig schedule)
{
    reader.rejectUnknownKeys(ConfigReader::keysOf(trainingSettings(), "schedule."));
    reader.choice(trainingSetting("schedule.kind"), schedule.kind);
    reader.integer(trainingSetting("schedule.step_size"), schedule.stepSize);
    // gamma lies in (min, max]: a factor of 0 would stop learning for good, above 1 the rate grows.
    const SettingSpec &gamma = trainingSetting("schedule.gamma");
    reader.real("gamma", schedule.gamma, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    if (schedule.gamma <= gamma.min || schedule.gamma > gamma.max)
        throw SettingError(reader.name("gamma") + " must be greater than " + ConfigReader::formatNumber(gamma.min) +
                           " and at most " + ConfigReader::formatNumber(gamma.max) + ", got " +
                           ConfigReader::formatNumber(schedule.gamma) + ".");
    reader.real(trainingSetting("schedule.min_lr"), schedule.minLearningRate);
    return schedule;
}

} // namespace

int64_t TrainingConfig::effectiveBatchSize(int64_t samples) const
{
    const int64_t all = std::max<int64_t>(samples, 1);
    if (batchMode == "full")
        return all;
    if (batchMode == "stochastic")
        return 1;
    if (batchMode == "minibatch")
        return std::clamp<int64_t>(batchSize, 1, all);
    throw SettingError("training setting 'batch_mode' cannot be '" + batchMode +
                       "'; choose one of: " + joined(trainingSetting("batch_mode").choices) + ".");
}

nlohmann::json TrainingConfig::toJson() const
{
    return {{"loss", loss},
            {"loss_settings", lossSettings},
            {"optimizer", optimizer},
            {"optimizer_settings", optimizerSettings},
            {"epochs", epochs},
            {"batch_mode", batchMode},
            {"batch_size", batchSize},
            {"shuffle", shuffle},
            {"seed", seed},
            {"threads", threads},
            {"l1", l1},
            {"l2", l2},
            {"clip_norm", clipNorm},
            {"schedule",
             {{"kind", schedule.kind},
              {"step_size", schedule.stepSize},
              {"gamma", schedule.gamma},
              {"min_lr", schedule.minLearningRate}}},
            {"early_stopping_patience", earlyStoppingPatience},
            {"steps_per_second", stepsPerSecond}};
}

TrainingConfig TrainingConfig::fromJson(const nlohmann::json &json)
{
    TrainingConfig config;
    if (json.is_null())
        return config;
    if (!json.is_object())
        throw SettingError("The training settings must be a JSON object, got " + describeJson(json) + ".");
    const ConfigReader reader(json, "training");
    std::vector<std::string> keys{"loss", "loss_settings", "optimizer", "optimizer_settings"};
    for (const std::string &key : ConfigReader::keysOf(trainingSettings()))
        keys.push_back(key);
    reader.rejectUnknownKeys(keys);
    // Whether the loss and optimizer exist is the trainer's check: the registries may grow.
    reader.text("loss", config.loss);
    reader.object("loss_settings", config.lossSettings);
    reader.text("optimizer", config.optimizer);
    reader.object("optimizer_settings", config.optimizerSettings);
    reader.integer(trainingSetting("epochs"), config.epochs);
    reader.choice(trainingSetting("batch_mode"), config.batchMode);
    reader.integer(trainingSetting("batch_size"), config.batchSize);
    reader.flag(trainingSetting("shuffle"), config.shuffle);
    reader.seed("seed", config.seed);  // any unsigned 64-bit number, which a double range cannot hold exactly
    reader.integer(trainingSetting("threads"), config.threads);
    reader.real(trainingSetting("l1"), config.l1);
    reader.real(trainingSetting("l2"), config.l2);
    reader.real(trainingSetting("clip_norm"), config.clipNorm);
    config.schedule = scheduleFromJson(ConfigReader(reader.section("schedule"), "training schedule"), config.schedule);
    reader.integer(trainingSetting("early_stopping_patience"), config.earlyStoppingPatience);
    reader.real(trainingSetting("steps_per_second"), config.stepsPerSecond);
    return config;
}

} // namespace nn
