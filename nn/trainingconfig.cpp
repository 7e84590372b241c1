// TrainingConfig's JSON form, checked key by key, and the batch size each batch mode implies.
#include "trainingconfig.h"

#include "configreader.h"
#include "error.h"
#include "jsontext.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace nn {

namespace {

ScheduleConfig scheduleFromJson(const ConfigReader &reader, ScheduleConfig schedule)
{
    reader.rejectUnknownKeys({"kind", "step_size", "gamma", "min_lr"});
    reader.choice("kind", schedule.kind, {"constant", "step", "cosine"});
    reader.integer("step_size", schedule.stepSize, 1, 100'000);
    // gamma lies in (0, 1]: a factor of 0 would stop learning for good, above 1 the rate grows.
    reader.real("gamma", schedule.gamma, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    if (schedule.gamma <= 0.0 || schedule.gamma > 1.0)
        throw SettingError(reader.name("gamma") + " must be greater than 0 and at most 1, got " +
                           ConfigReader::formatNumber(schedule.gamma) + ".");
    reader.real("min_lr", schedule.minLearningRate, 0.0, 10.0);
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
                       "'; choose one of: full, minibatch, stochastic.");
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
            {"early_stopping_patience", earlyStoppingPatience}};
}

TrainingConfig TrainingConfig::fromJson(const nlohmann::json &json)
{
    TrainingConfig config;
    if (json.is_null())
        return config;
    if (!json.is_object())
        throw SettingError("The training settings must be a JSON object, got " + describeJson(json) + ".");
    const ConfigReader reader(json, "training");
    reader.rejectUnknownKeys({"loss", "loss_settings", "optimizer", "optimizer_settings", "epochs", "batch_mode",
                              "batch_size", "shuffle", "seed", "threads", "l1", "l2", "clip_norm", "schedule",
                              "early_stopping_patience"});
    // Whether the loss and optimizer exist is the trainer's check: the registries may grow.
    reader.text("loss", config.loss);
    reader.object("loss_settings", config.lossSettings);
    reader.text("optimizer", config.optimizer);
    reader.object("optimizer_settings", config.optimizerSettings);
    reader.integer("epochs", config.epochs, 1, 100'000);
    reader.choice("batch_mode", config.batchMode, {"full", "minibatch", "stochastic"});
    reader.integer("batch_size", config.batchSize, 1, 1'000'000);
    reader.flag("shuffle", config.shuffle);
    reader.seed("seed", config.seed);
    reader.integer("threads", config.threads, 0, 1024);
    reader.real("l1", config.l1, 0.0, 10.0);
    reader.real("l2", config.l2, 0.0, 10.0);
    reader.real("clip_norm", config.clipNorm, 0.0, 1e6);
    config.schedule = scheduleFromJson(ConfigReader(reader.section("schedule"), "training schedule"), config.schedule);
    reader.integer("early_stopping_patience", config.earlyStoppingPatience, 0, 10'000);
    return config;
}

} // namespace nn
