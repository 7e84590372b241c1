// Python literals and names, written so the same values always give the same text.
#include "pythontext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string_view>

namespace nn::python {

namespace {

constexpr std::array<std::string_view, 35> kKeywords{
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

bool isKeyword(const std::string &name)
{
    return std::find(kKeywords.begin(), kKeywords.end(), name) != kKeywords.end();
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

template <typename Item, typename Format>
std::string joined(const std::vector<Item> &items, const Format &format)
{
    std::string text;
    for (size_t i = 0; i < items.size(); ++i)
        text += (i > 0 ? ", " : "") + format(items[i]);
    return text;
}

} // namespace

std::string quoted(const std::string &text)
{
    return nlohmann::json(text).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
}

std::string number(double value)
{
    if (std::isnan(value))
        return "float(\"nan\")";
    if (std::isinf(value))
        return value > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    std::string text = buffer;
    if (text.find_first_of(".en") == std::string::npos)
        text += ".0";
    return text;
}

std::string literal(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "None";
    case nlohmann::json::value_t::boolean:
        return value.get<bool>() ? "True" : "False";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        return value.dump();
    case nlohmann::json::value_t::number_float:
        return number(value.get<double>());
    case nlohmann::json::value_t::string:
        return quoted(value.get<std::string>());
    case nlohmann::json::value_t::array: {
        std::string text;
        for (const auto &item : value)
            text += (text.empty() ? "" : ", ") + literal(item);
        return "[" + text + "]";
    }
    case nlohmann::json::value_t::object: {
        std::string text;
        for (const auto &[key, item] : value.items())
            text += (text.empty() ? "" : ", ") + quoted(key) + ": " + literal(item);
        return "{" + text + "}";
    }
    default:
        return "None";
    }
}

std::string literal(const SettingValue &value)
{
    return std::visit(
        [](const auto &v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, bool>)
                return v ? "True" : "False";
            else if constexpr (std::is_same_v<V, int64_t>)
                return std::to_string(v);
            else if constexpr (std::is_same_v<V, double>)
                return number(v);
            else if constexpr (std::is_same_v<V, std::string>)
                return quoted(v);
            else
                return intTuple(v);
        },
        value);
}

std::string stringList(const std::vector<std::string> &items)
{
    return "[" + joined(items, quoted) + "]";
}

std::string numberList(const std::vector<float> &items)
{
    return "[" + joined(items, [](float v) { return number(v); }) + "]";
}

std::string intTuple(const std::vector<int64_t> &items)
{
    const std::string text = joined(items, [](int64_t v) { return std::to_string(v); });
    return "(" + text + (items.size() == 1 ? ",)" : ")");
}

bool isIdentifier(const std::string &name)
{
    return !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
           std::all_of(name.begin(), name.end(), isWordChar) && !isKeyword(name);
}

std::string identifier(const std::string &name)
{
    std::string text = name;
    std::replace_if(text.begin(), text.end(), [](char c) { return !isWordChar(c); }, '_');
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0])) || isKeyword(text))
        text = "_" + text;
    return text;
}

std::string className(const std::string &name)
{
    std::string text;
    bool upper = true;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        text += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    if (text.empty())
        return "LayerLab";
    return std::isdigit(static_cast<unsigned char>(text[0])) ? "Model" + text : text;
}

std::string wrapped(const std::string &text, size_t width)
{
    std::string out, line, word;
    std::istringstream words(text);
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return line.empty() ? out : out + line + "\n";
}

} // namespace nn::python
