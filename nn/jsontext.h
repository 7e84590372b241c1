// Reading JSON that a user hands LayerLab (project files, safetensors headers, the clipboard):
// nesting and numbers are bounded, and every error points into the text.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nn {

// The deepest nesting of objects and lists a LayerLab file may hold. Projects need about 6; a
// bound keeps every recursive walk of the value (copy, dump, compare) far from the stack's end.
inline constexpr int kMaxJsonDepth = 100;

// Parses `text`, read from `source` (a path, "the clipboard"). Throws FileError naming the
// source, the line and the column for malformed JSON, nesting deeper than kMaxJsonDepth and
// numbers beyond a double's range.
nlohmann::json parseJsonText(std::string_view text, const std::string &source);

// The 1-based line and column of a 0-based byte position; columns count characters, not bytes.
std::pair<size_t, size_t> lineAndColumn(std::string_view text, size_t position);

// A value as a message may quote it: numbers, booleans and short text as written, long text cut,
// objects and lists by their size. Never throws, whatever the value holds.
std::string describeJson(const nlohmann::json &value);

// "a, b, c": the choices or names a message lists.
std::string joined(const std::vector<std::string> &items);

// What a nlohmann exception says, without its "[json.exception.type_error.302]" prefix.
std::string jsonProblem(const nlohmann::json::exception &error);

// `value` as a whole number within [min, max]. A number written with a fraction of zero (3.0)
// counts. Throws SettingError "<what> must be a whole number between min and max, got …".
int64_t wholeNumber(const nlohmann::json &value, const std::string &what, int64_t min, int64_t max);

} // namespace nn
