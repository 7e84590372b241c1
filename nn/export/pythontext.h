// Python source text from C++ values: literals that read back exactly (floats with 9 significant
// digits round-trip a float32), identifiers, and names. Used by the PyTorch script exporter.
#pragma once

#include "nn/settings.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace nn::python {

// A string literal: "text" with JSON's escapes, which Python reads the same way.
std::string quoted(const std::string &text);
// A float literal that reads back as the same float32 ("%.9g"; always with a '.' or an exponent).
std::string number(double value);
// True, False, ints, floats, strings, lists and dicts (keys in sorted order, so the text is stable).
std::string literal(const nlohmann::json &value);
std::string literal(const SettingValue &value);
// [a, b, c] of quoted strings / float literals; a tuple "(a, b)" (with the 1-tuple's comma).
std::string stringList(const std::vector<std::string> &items);
std::string numberList(const std::vector<float> &items);
std::string intTuple(const std::vector<int64_t> &items);

// A name Python accepts as an identifier that is not a keyword ("dense1" yes, "dense-1" or "class" no).
bool isIdentifier(const std::string &name);
// `name` made into an identifier: other characters become '_', a leading digit or keyword gets '_'.
std::string identifier(const std::string &name);
// "fashion-mnist-cnn" → "FashionMnistCnn"; "" → "LayerLab".
std::string className(const std::string &name);
// `text` broken between words into lines of at most `width` characters, each ending in '\n'.
std::string wrapped(const std::string &text, size_t width = 100);

} // namespace nn::python
