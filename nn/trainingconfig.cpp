// TrainingConfig's JSON form, checked key by key, and the batch size each batch mode implies.
#include "trainingconfig.h"

#include "error.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <vector>

namespace nn {

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << std::setprecision(12) << value;
    return out.str();
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// Reads the keys of one JSON object ("training" or "training.schedule") with its checks; a key
// that is missing keeps the value the config already has.
class ConfigReader {
public:
    ConfigReader(const nlohmann::json &json, std::string section) : json_(json), section_(std::move(section)) {}

    // Rejects keys nobody reads, so that a typo ("epoch") does not pass silently.
    void rejectUnknownKeys(const std::vector<std::string> &known) const
    {
        for (const auto &[key, value] : json_.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                throw SettingError(section_ + " has no setting '" + key + "'; its settings are: " + joined(known) + ".");
    }

    void integer(const char *key, int &target, int64_t min, int64_t max) const
    {
        if (!json_.contains(key))
            return;
        const auto &value = json_.at(key);
        if (!value.is_number_integer())
            throw wrongType(key, "a whole number");
        checkRange(key, value.is_number_unsigned() ? static_cast<double>(value.get<uint64_t>())
                                                   : static_cast<double>(value.get<int64_t>()),
                   double(min), double(max));
        target = static_cast<int>(value.get<int64_t>());
    }

    void seed(const char *key, uint64_t &target) const
    {
        if (!json_.contains(key))
            return;
        const auto &value = json_.at(key);
        if (!value.is_number_unsigned())
            throw wrongType(key, "a whole number of 0 or more");
        target = value.get<uint64_t>();
    }

    void real(const char *key, double &target, double min, double max) const
    {
        if (!json_.contains(key))
            return;
        const auto &value = json_.at(key);
        if (!value.is_number())
            throw wrongType(key, "a number");
        checkRange(key, value.get<double>(), min, max);
        target = value.get<double>();
    }

    void flag(const char *key, bool &target) const
    {
        if (!json_.contains(key))
            return;
        if (!json_.at(key).is_boolean())
            throw wrongType(key, "true or false");
        target = json_.at(key).get<bool>();
    }

    void text(const char *key, std::string &target) const
    {
        if (!json_.contains(key))
            return;
        if (!json_.at(key).is_string() || json_.at(key).get<std::string>().empty())
            throw wrongType(key, "a name in quotes");
        target = json_.at(key).get<std::string>();
    }

    void choice(const char *key, std::string &target, const std::vector<std::string> &choices) const
    {
        std::string value = target;
        text(key, value);
        if (std::find(choices.begin(), choices.end(), value) == choices.end())
            throw SettingError(name(key) + " cannot be '" + value + "'; choose one of: " + joined(choices) + ".");
        target = value;
    }

    void object(const char *key, nlohmann::json &target) const
    {
        if (!json_.contains(key) || json_.at(key).is_null())
            return;
        if (!json_.at(key).is_object())
            throw wrongType(key, "a JSON object such as {\"lr\": 0.01}");
        target = json_.at(key);
    }

    const nlohmann::json &section(const char *key) const
    {
        static const nlohmann::json empty = nlohmann::json::object();
        if (!json_.contains(key))
            return empty;
        if (!json_.at(key).is_object())
            throw wrongType(key, "a JSON object");
        return json_.at(key);
    }

    std::string name(const std::string &key) const { return section_ + " setting '" + key + "'"; }

    void checkRange(const std::string &key, double value, double min, double max) const
    {
        if (!std::isfinite(value) || value < min || value > max)
            throw SettingError(name(key) + " must be between " + formatNumber(min) + " and " + formatNumber(max) +
                               ", got " + formatNumber(value) + ".");
    }

private:
    SettingError wrongType(const std::string &key, const std::string &expected) const
    {
        return SettingError(name(key) + " must be " + expected + ", got " + json_.at(key).dump() + ".");
    }

    const nlohmann::json &json_;
    std::string section_;
};

ScheduleConfig scheduleFromJson(const ConfigReader &reader, ScheduleConfig schedule)
{
    reader.rejectUnknownKeys({"kind", "step_size", "gamma", "min_lr"});
    reader.choice("kind", schedule.kind, {"constant", "step", "cosine"});
    reader.integer("step_size", schedule.stepSize, 1, 100'000);
    // gamma lies in (0, 1]: a factor of 0 would stop learning for good, above 1 the rate grows.
    reader.real("gamma", schedule.gamma, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    if (schedule.gamma <= 0.0 || schedule.gamma > 1.0)
        throw SettingError(reader.name("gamma") + " must be greater than 0 and at most 1, got " +
                           formatNumber(schedule.gamma) + ".");
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
        throw SettingError("The training settings must be a JSON object, got " + json.dump() + ".");
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
