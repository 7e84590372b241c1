// Settings: one declaration per component kind that feeds file I/O, the inspector and exporters.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace nn {

using SettingValue = std::variant<bool, int64_t, double, std::string, std::vector<int64_t>>;

// What one setting is: its type, default, allowed range or choices, and help text.
struct SettingSpec {
    enum class Type { Bool, Int, Float, Choice, IntList };

    std::string name;
    Type type = Type::Int;
    SettingValue defaultValue;
    double min = 0.0;                  // Int, Float and each IntList element
    double max = 0.0;
    std::vector<std::string> choices;  // Choice
    std::string help;
    // Float: a value a student tries first where the default is not one (L2 is off at 0 and tried
    // at 1e-4); an editor steps and writes numbers at its scale. Unset: the default's scale.
    std::optional<double> typical;

    static SettingSpec boolean(std::string name, bool value, std::string help);
    static SettingSpec integer(std::string name, int64_t value, int64_t min, int64_t max, std::string help);
    static SettingSpec real(std::string name, double value, double min, double max, std::string help);
    static SettingSpec choice(std::string name, std::string value, std::vector<std::string> choices,
                              std::string help);
    static SettingSpec integers(std::string name, std::vector<int64_t> value, int64_t min, int64_t max,
                                std::string help);
    // This declaration with `typical` set.
    SettingSpec typicalAt(double value) const;
};

// A component kind (layer, loss, optimizer): its name, palette group, one-line summary, settings.
struct ComponentSpec {
    std::string kind;
    std::string category;
    std::string summary;
    std::vector<SettingSpec> settings;

    const SettingSpec *find(const std::string &name) const;
};

// Values for a ComponentSpec's settings; every value is checked against the spec when set.
class Settings {
public:
    Settings() = default;
    explicit Settings(const ComponentSpec &spec);  // all defaults

    const ComponentSpec &spec() const { return *spec_; }

    bool flag(const std::string &name) const;
    int64_t integer(const std::string &name) const;
    double real(const std::string &name) const;
    const std::string &choice(const std::string &name) const;
    const std::vector<int64_t> &integers(const std::string &name) const;
    const SettingValue &value(const std::string &name) const;

    // Throws SettingError naming the component, setting, allowed range and the bad value.
    void set(const std::string &name, SettingValue value);

    // JSON holds only the values; unknown names and wrong types are errors.
    nlohmann::json toJson() const;
    static Settings fromJson(const ComponentSpec &spec, const nlohmann::json &json);

    bool operator==(const Settings &other) const { return values_ == other.values_; }

private:
    const SettingSpec &specOf(const std::string &name) const;

    const ComponentSpec *spec_ = nullptr;
    std::map<std::string, SettingValue> values_;
};

} // namespace nn
