// ConfigReader: the keys of one JSON object of a project file ("training", "data", …) read one by
// one with their type and range checked before any conversion.
#pragma once

#include "error.h"
#include "settings.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// Reads the keys of one JSON object with their checks; a key that is missing keeps the value the
// target already has. Every error is a SettingError naming the section and the key.
class ConfigReader {
public:
    ConfigReader(const nlohmann::json &json, std::string section) : json_(json), section_(std::move(section)) {}

    // Rejects keys nobody reads, so that a typo ("epoch") does not pass silently.
    void rejectUnknownKeys(const std::vector<std::string> &known) const;

    void integer(const char *key, int &target, int64_t min, int64_t max) const;
    void integer(const char *key, int64_t &target, int64_t min, int64_t max) const;
    void seed(const char *key, uint64_t &target) const;
    void real(const char *key, double &target, double min, double max) const;
    void flag(const char *key, bool &target) const;
    // Text in quotes, non-empty unless `allowEmpty`.
    void text(const char *key, std::string &target, bool allowEmpty = false) const;
    // A list of texts ("feature_columns": ["a", "b"]).
    void texts(const char *key, std::vector<std::string> &target) const;
    void choice(const char *key, std::string &target, const std::vector<std::string> &choices) const;
    void object(const char *key, nlohmann::json &target) const;
    // The nested object under `key`, or an empty one.
    const nlohmann::json &section(const char *key) const;

    // The same reads with the range or choices of a declaration; the key is the part of its name
    // after the last '.' ("gamma" of "schedule.gamma", read from the "schedule" object's reader).
    void integer(const SettingSpec &spec, int &target) const;
    void integer(const SettingSpec &spec, int64_t &target) const;
    void real(const SettingSpec &spec, double &target) const;
    void flag(const SettingSpec &spec, bool &target) const;
    void choice(const SettingSpec &spec, std::string &target) const;
    // The file's keys of `declared` settings at one level: those named `prefix`… without the
    // prefix, or for "" the top level, where a nested object ("schedule.kind") is named once.
    static std::vector<std::string> keysOf(const ComponentSpec &declared, const std::string &prefix = "");

    // "training setting 'epochs'": how messages name a key.
    std::string name(const std::string &key) const { return section_ + " setting '" + key + "'"; }
    void checkRange(const std::string &key, double value, double min, double max) const;

    // A number as messages write it: up to 12 significant digits, no trailing zeros.
    static std::string formatNumber(double value);

private:
    SettingError wrongType(const std::string &key, const std::string &expected) const;

    const nlohmann::json &json_;
    std::string section_;
};

} // namespace nn
