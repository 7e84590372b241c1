// Settings: typed values checked against their declaration, and their JSON form.
#include "settings.h"

#include "error.h"
#include "jsontext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <sstream>

namespace nn {

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// Accept an int where a float is declared, so that "lr": 1 reads as 1.0.
SettingValue coerce(const SettingSpec &spec, SettingValue value)
{
    if (spec.type == SettingSpec::Type::Float && std::holds_alternative<int64_t>(value))
        return static_cast<double>(std::get<int64_t>(value));
    return value;
}

const char *typeName(SettingSpec::Type type)
{
    switch (type) {
    case SettingSpec::Type::Bool: return "true or false";
    case SettingSpec::Type::Int: return "a whole number";
    case SettingSpec::Type::Float: return "a number";
    case SettingSpec::Type::Choice: return "one of the listed names";
    case SettingSpec::Type::IntList: return "a list of whole numbers";
    }
    return "";
}

bool typeMatches(const SettingSpec &spec, const SettingValue &value)
{
    switch (spec.type) {
    case SettingSpec::Type::Bool: return std::holds_alternative<bool>(value);
    case SettingSpec::Type::Int: return std::holds_alternative<int64_t>(value);
    case SettingSpec::Type::Float: return std::holds_alternative<double>(value);
    case SettingSpec::Type::Choice: return std::holds_alternative<std::string>(value);
    case SettingSpec::Type::IntList: return std::holds_alternative<std::vector<int64_t>>(value);
    }
    return false;
}

void checkRange(const ComponentSpec &owner, const SettingSpec &spec, double number)
{
    if (!std::isfinite(number) || number < spec.min || number > spec.max)
        throw SettingError(owner.kind + " setting '" + spec.name + "' must be between " +
                           formatNumber(spec.min) + " and " + formatNumber(spec.max) + ", got " +
                           formatNumber(number) + ".");
}

void validate(const ComponentSpec &owner, const SettingSpec &spec, const SettingValue &value)
{
    if (!typeMatches(spec, value))
        throw SettingError(owner.kind + " setting '" + spec.name + "' must be " + typeName(spec.type) + ".");
    switch (spec.type) {
    case SettingSpec::Type::Int: checkRange(owner, spec, static_cast<double>(std::get<int64_t>(value))); break;
    case SettingSpec::Type::Float: checkRange(owner, spec, std::get<double>(value)); break;
    case SettingSpec::Type::IntList:
        for (int64_t element : std::get<std::vector<int64_t>>(value))
            checkRange(owner, spec, static_cast<double>(element));
        break;
    case SettingSpec::Type::Choice: {
        const auto &name = std::get<std::string>(value);
        if (std::find(spec.choices.begin(), spec.choices.end(), name) == spec.choices.end())
            throw SettingError(owner.kind + " setting '" + spec.name + "' cannot be '" + name +
                               "'; choose one of: " + joined(spec.choices) + ".");
        break;
    }
    case SettingSpec::Type::Bool: break;
    }
}

// A JSON whole number that int64_t holds exactly (nlohmann keeps large positive ones as uint64_t).
bool fitsInt64(const nlohmann::json &json)
{
    return json.is_number_integer() &&
           (!json.is_number_unsigned() || json.get<uint64_t>() <= uint64_t(std::numeric_limits<int64_t>::max()));
}

SettingValue fromJsonValue(const ComponentSpec &owner, const SettingSpec &spec, const nlohmann::json &json)
{
    const auto bad = [&] {
        return SettingError(owner.kind + " setting '" + spec.name + "' must be " + typeName(spec.type) +
                            ", got " + describeJson(json) + ".");
    };
    switch (spec.type) {
    case SettingSpec::Type::Bool:
        if (!json.is_boolean()) throw bad();
        return json.get<bool>();
    case SettingSpec::Type::Int:
        if (!fitsInt64(json)) throw bad();
        return json.get<int64_t>();
    case SettingSpec::Type::Float:
        if (!json.is_number()) throw bad();
        return json.get<double>();
    case SettingSpec::Type::Choice:
        if (!json.is_string()) throw bad();
        return json.get<std::string>();
    case SettingSpec::Type::IntList:
        if (!json.is_array()) throw bad();
        for (const auto &element : json)
            if (!fitsInt64(element)) throw bad();
        return json.get<std::vector<int64_t>>();
    }
    throw bad();
}

} // namespace

SettingSpec SettingSpec::boolean(std::string name, bool value, std::string help)
{
    return {std::move(name), Type::Bool, value, 0, 1, {}, std::move(help), {}};
}

SettingSpec SettingSpec::integer(std::string name, int64_t value, int64_t min, int64_t max, std::string help)
{
    return {std::move(name), Type::Int, value, double(min), double(max), {}, std::move(help), {}};
}

SettingSpec SettingSpec::real(std::string name, double value, double min, double max, std::string help)
{
    return {std::move(name), Type::Float, value, min, max, {}, std::move(help), {}};
}

SettingSpec SettingSpec::choice(std::string name, std::string value, std::vector<std::string> choices,
                                std::string help)
{
    return {std::move(name), Type::Choice, std::move(value), 0, 0, std::move(choices), std::move(help), {}};
}

SettingSpec SettingSpec::integers(std::string name, std::vector<int64_t> value, int64_t min, int64_t max,
                                  std::string help)
{
    return {std::move(name), Type::IntList, std::move(value), double(min), double(max), {}, std::move(help), {}};
}

SettingSpec SettingSpec::typicalAt(double value) const
{
    SettingSpec spec = *this;
    spec.typical = value;
    return spec;
}

const SettingSpec *ComponentSpec::find(const std::string &name) const
{
    for (const auto &setting : settings)
        if (setting.name == name)
            return &setting;
    return nullptr;
}

Settings::Settings(const ComponentSpec &spec) : spec_(&spec)
{
    for (const auto &setting : spec.settings)
        values_[setting.name] = setting.defaultValue;
}

const SettingSpec &Settings::specOf(const std::string &name) const
{
    assert(spec_);
    const SettingSpec *setting = spec_->find(name);
    if (!setting) {
        std::vector<std::string> names;
        for (const auto &known : spec_->settings)
            names.push_back(known.name);
        throw SettingError(spec_->kind + " has no setting '" + name + "'" +
                           (names.empty() ? std::string(".") : "; its settings are: " + joined(names) + "."));
    }
    return *setting;
}

const SettingValue &Settings::value(const std::string &name) const
{
    specOf(name);
    return values_.at(name);
}

bool Settings::flag(const std::string &name) const { return std::get<bool>(value(name)); }
int64_t Settings::integer(const std::string &name) const { return std::get<int64_t>(value(name)); }
double Settings::real(const std::string &name) const { return std::get<double>(value(name)); }
const std::string &Settings::choice(const std::string &name) const { return std::get<std::string>(value(name)); }
const std::vector<int64_t> &Settings::integers(const std::string &name) const
{
    return std::get<std::vector<int64_t>>(value(name));
}

void Settings::set(const std::string &name, SettingValue value)
{
    const SettingSpec &setting = specOf(name);
    value = coerce(setting, std::move(value));
    validate(*spec_, setting, value);
    values_[name] = std::move(value);
}

nlohmann::json Settings::toJson() const
{
    nlohmann::json json = nlohmann::json::object();
    for (const auto &entry : values_)
        std::visit([&json, &entry](const auto &v) { json[entry.first] = v; }, entry.second);
    return json;
}

Settings Settings::fromJson(const ComponentSpec &spec, const nlohmann::json &json)
{
    Settings settings(spec);
    if (json.is_null())
        return settings;
    if (!json.is_object())
        throw SettingError(spec.kind + " settings must be a JSON object, got " + describeJson(json) + ".");
    for (const auto &[name, value] : json.items()) {
        const SettingSpec &setting = settings.specOf(name);
        settings.set(name, fromJsonValue(spec, setting, value));
    }
    return settings;
}

} // namespace nn
