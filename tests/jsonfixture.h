// Reading the PyTorch reference fixtures (tests/fixtures/*.json, written by tests/make_*_fixtures.py)
// and comparing tensors with them.
#pragma once

#include "nn/tensor.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace jsonfixture {

// The parsed file LAYERLAB_FIXTURES_DIR/name.
inline nlohmann::json load(const std::string &name)
{
    const std::string path = std::string(LAYERLAB_FIXTURES_DIR) + "/" + name;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path + "; regenerate it with its tests/make_*_fixtures.py");
    return nlohmann::json::parse(in);
}

// {"shape": [...], "data": [...]} as a tensor.
inline nn::Tensor tensor(const nlohmann::json &json)
{
    nn::Tensor result(json.at("shape").get<nn::Shape>());
    const auto data = json.at("data").get<std::vector<float>>();
    if (int64_t(data.size()) != result.size())
        throw std::runtime_error("fixture tensor holds " + std::to_string(data.size()) + " values for shape " +
                                 nn::toString(result.shape()));
    std::copy(data.begin(), data.end(), result.data());
    return result;
}

// True when |actual − expected| ≤ tolerance · max(1, |expected|): absolute near 0, relative above 1.
inline bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

// "" when the tensors have one shape and every element is close; else the first difference.
inline std::string compare(const nn::Tensor &actual, const nn::Tensor &expected, double tolerance)
{
    if (actual.shape() != expected.shape())
        return "shape " + nn::toString(actual.shape()) + ", expected " + nn::toString(expected.shape());
    for (int64_t i = 0; i < actual.size(); ++i)
        if (!close(actual[i], expected[i], tolerance)) {
            std::ostringstream out;
            out.precision(9);
            out << "element " << i << " is " << actual[i] << ", PyTorch has " << expected[i];
            return out.str();
        }
    return {};
}

} // namespace jsonfixture
