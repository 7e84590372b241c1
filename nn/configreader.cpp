// ConfigReader: typed, range-checked reading of a project file's settings sections.
#include "configreader.h"

#include "jsontext.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace nn {

std::string ConfigReader::formatNumber(double value)
{
    std::ostringstream out;
    out << std::setprecision(12) << value;
    return out.str();
}

void ConfigReader::rejectUnknownKeys(const std::vector<std::string> &known) const
{
    for (const auto &item : json_.items())
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            throw SettingError(section_ + " has no setting '" + item.key() + "'; its settings are: " + joined(known) + ".");
}

void ConfigReader::integer(const char *key, int64_t &target, int64_t min, int64_t max) const
{
    if (json_.contains(key))
        target = wholeNumber(json_.at(key), name(key), min, max);
}

void ConfigReader::integer(const char *key, int &target, int64_t min, int64_t max) const
{
    int64_t value = target;
    integer(key, value, std::max<int64_t>(min, std::numeric_limits<int>::min()),
            std::min<int64_t>(max, std::numeric_limits<int>::max()));
    target = static_cast<int>(value);
}

void ConfigReader::seed(const char *key, uint64_t &target) const
{
    if (!json_.contains(key))
        return;
    const auto &value = json_.at(key);
    if (!value.is_number_unsigned())
        throw wrongType(key, "a whole number of 0 or more");
    target = value.get<uint64_t>();
}

void ConfigReader::real(const char *key, double &target, double min, double max) const
{
    if (!json_.contains(key))
        return;
    const auto &value = json_.at(key);
    if (!value.is_number())
        throw wrongType(key, "a number");
    checkRange(key, value.get<double>(), min, max);
    target = value.get<double>();
}

void ConfigReader::flag(const char *key, bool &target) const
{
    if (!json_.contains(key))
        return;
    if (!json_.at(key).is_boolean())
        throw wrongType(key, "true or false");
    target = json_.at(key).get<bool>();
}

void ConfigReader::text(const char *key, std::string &target, bool allowEmpty) const
{
    if (!json_.contains(key))
        return;
    if (!json_.at(key).is_string() || (!allowEmpty && json_.at(key).get_ref<const std::string &>().empty()))
        throw wrongType(key, "a name in quotes");
    target = json_.at(key).get<std::string>();
}

void ConfigReader::texts(const char *key, std::vector<std::string> &target) const
{
    if (!json_.contains(key))
        return;
    const auto &value = json_.at(key);
    if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto &item) { return item.is_string(); }))
        throw wrongType(key, "a list of names in quotes");
    target = value.get<std::vector<std::string>>();
}

void ConfigReader::choice(const char *key, std::string &target, const std::vector<std::string> &choices) const
{
    std::string value = target;
    text(key, value);
    if (std::find(choices.begin(), choices.end(), value) == choices.end())
        throw SettingError(name(key) + " cannot be '" + value + "'; choose one of: " + joined(choices) + ".");
    target = value;
}

void ConfigReader::object(const char *key, nlohmann::json &target) const
{
    if (!json_.contains(key) || json_.at(key).is_null())
        return;
    if (!json_.at(key).is_object())
        throw wrongType(key, "a JSON object such as {\"lr\": 0.01}");
    target = json_.at(key);
}

const nlohmann::json &ConfigReader::section(const char *key) const
{
    static const nlohmann::json empty = nlohmann::json::object();
    if (!json_.contains(key))
        return empty;
    if (!json_.at(key).is_object())
        throw wrongType(key, "a JSON object");
    return json_.at(key);
}

namespace {

// "gamma" of "schedule.gamma": the key within the object its reader reads.
std::string keyOf(const SettingSpec &spec)
{
    return spec.name.substr(spec.name.rfind('.') + 1);
}

} // namespace

void ConfigReader::integer(const SettingSpec &spec, int &target) const
{
    integer(keyOf(spec).c_str(), target, static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
}

void ConfigReader::integer(const SettingSpec &spec, int64_t &target) const
{
    integer(keyOf(spec).c_str(), target, static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
}

void ConfigReader::real(const SettingSpec &spec, double &target) const
{
    real(keyOf(spec).c_str(), target, spec.min, spec.max);
}

void ConfigReader::flag(const SettingSpec &spec, bool &target) const
{
    flag(keyOf(spec).c_str(), target);
}

void ConfigReader::choice(const SettingSpec &spec, std::string &target) const
{
    choice(keyOf(spec).c_str(), target, spec.choices);
}

std::vector<std::string> ConfigReader::keysOf(const ComponentSpec &declared, const std::string &prefix)
{
    std::vector<std::string> keys;
    for (const SettingSpec &spec : declared.settings) {
        if (!spec.name.starts_with(prefix))
            continue;
        const std::string rest = spec.name.substr(prefix.size());
        const std::string key = prefix.empty() ? rest.substr(0, rest.find('.')) : rest;
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    return keys;
}

void ConfigReader::checkRange(const std::string &key, double value, double min, double max) const
{
    if (!std::isfinite(value) || value < min || value > max)
        throw SettingError(name(key) + " must be between " + formatNumber(min) + " and " + formatNumber(max) +
                           ", got " + formatNumber(value) + ".");
}

SettingError ConfigReader::wrongType(const std::string &key, const std::string &expected) const
{
    return SettingError(name(key) + " must be " + expected + ", got " + describeJson(json_.at(key)) + ".");
}

} // namespace nn
