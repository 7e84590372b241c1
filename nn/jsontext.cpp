// Bounded JSON reading: a depth scan before nlohmann parses, and messages that name the place.
#include "jsontext.h"

#include "error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace nn {

namespace {

std::string placeOf(std::string_view text, size_t position, const std::string &source)
{
    const auto [line, column] = lineAndColumn(text, position);
    return source + ", line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The byte position of the first object or list opened deeper than kMaxJsonDepth, if any. Brackets
// inside strings do not count; the scan needs no valid JSON, the parser judges that afterwards.
std::optional<size_t> tooDeepAt(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                return i;
        } else if (c == '}' || c == ']') {
            depth = std::max(depth - 1, 0);
        }
    }
    return std::nullopt;
}

} // namespace

std::string jsonProblem(const nlohmann::json::exception &error)
{
    const std::string what = error.what();
    const size_t dash = what.find(" - ");
    if (dash != std::string::npos)
        return what.substr(dash + 3);
    const size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

namespace {

// nlohmann reports a number beyond a double's range ("number overflow parsing '1e400'") without a
// position; the number's first appearance as a token gives it.
size_t positionOfNumber(std::string_view text, const std::string &message)
{
    const size_t open = message.find('\'');
    const size_t close = message.rfind('\'');
    if (open == std::string::npos || close <= open + 1)
        return 0;
    const std::string token = message.substr(open + 1, close - open - 1);
    for (size_t at = text.find(token); at != std::string_view::npos; at = text.find(token, at + 1)) {
        const bool startsToken = at == 0 || std::string_view(" \t\r\n:,[").find(text[at - 1]) != std::string_view::npos;
        if (startsToken)
            return at;
    }
    return 0;
}

// A list of up to 8 numbers, booleans or nulls, which a message can quote as written.
bool isShortList(const nlohmann::json &value)
{
    return value.is_array() && value.size() <= 8 && std::all_of(value.begin(), value.end(), [](const auto &item) {
               return item.is_number() || item.is_boolean() || item.is_null();
           });
}

// At most `limit` bytes of `text`, cut at a UTF-8 character boundary.
std::string cutText(const std::string &text, size_t limit)
{
    if (text.size() <= limit)
        return text;
    size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u)
        --end;
    return text.substr(0, end) + "…";
}

} // namespace

std::pair<size_t, size_t> lineAndColumn(std::string_view text, size_t position)
{
    position = std::min(position, text.size());
    size_t line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < position; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    size_t column = 1;
    for (size_t i = lineStart; i < position; ++i)
        column += (static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u;
    return {line, column};
}

nlohmann::json parseJsonText(std::string_view text, const std::string &source)
{
    if (const auto deep = tooDeepAt(text))
        throw FileError(placeOf(text, *deep, source) + ": the JSON nests objects and lists more than " +
                        std::to_string(kMaxJsonDepth) + " levels deep; no LayerLab file needs that many. "
                        "Is this the right file?");
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &e) {
        // e.byte is the 1-based position of the last character read, one past the end at end of input.
        const size_t position = e.byte == 0 ? 0 : e.byte - 1;
        std::string message = placeOf(text, position, source) + ": the JSON is malformed: " + jsonProblem(e) + ".";
        if (position >= text.size())
            message += " The text ends before the JSON does; it may have been cut off.";
        throw FileError(message);
    } catch (const nlohmann::json::out_of_range &e) {
        throw FileError(placeOf(text, positionOfNumber(text, e.what()), source) + ": " + jsonProblem(e) +
                        "; numbers must lie within ±1.7e308.");
    } catch (const nlohmann::json::exception &e) {
        throw FileError(source + ": the JSON cannot be read: " + jsonProblem(e) + ".");
    }
}

std::string describeJson(const nlohmann::json &value)
{
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::object:
        return value.empty() ? "an empty object" : "an object with " + std::to_string(value.size()) + " keys";
    case Type::array:
        if (isShortList(value))
            return value.dump();
        return "a list of " + std::to_string(value.size()) + " items";
    case Type::string:
        return nlohmann::json(cutText(value.get_ref<const std::string &>(), 40))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    case Type::binary:
        return "binary data";
    case Type::discarded:
        return "nothing";
    default:
        return value.dump();  // a number, a boolean or null: a few characters
    }
}

int64_t wholeNumber(const nlohmann::json &value, const std::string &what, int64_t min, int64_t max)
{
    if (value.is_number_unsigned()) {
        const auto number = value.get<uint64_t>();
        if (max >= 0 && number <= static_cast<uint64_t>(max) && static_cast<int64_t>(number) >= min)
            return static_cast<int64_t>(number);
    } else if (value.is_number_integer()) {
        const auto number = value.get<int64_t>();
        if (number >= min && number <= max)
            return number;
    } else if (value.is_number_float()) {
        // Compared as doubles before any cast: converting an out-of-range double is undefined.
        const double number = value.get<double>();
        if (std::isfinite(number) && number == std::floor(number) && number >= static_cast<double>(min) &&
            number <= static_cast<double>(max))
            return static_cast<int64_t>(number);
    }
    throw SettingError(what + " must be a whole number between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", got " + describeJson(value) + ".");
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

} // namespace nn
