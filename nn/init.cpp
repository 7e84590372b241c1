// Weight initializers: the bounds and deviations of torch.nn.init, element by element from the Rng.
#include "init.h"

#include "error.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace nn {

namespace {

void fillUniform(Tensor &weight, float bound, Rng &rng)
{
    for (int64_t i = 0; i < weight.size(); ++i)
        weight[i] = rng.uniform(-bound, bound);
}

void fillNormal(Tensor &weight, float stddev, Rng &rng)
{
    for (int64_t i = 0; i < weight.size(); ++i)
        weight[i] = rng.normal(0.0f, stddev);
}

} // namespace

const std::vector<std::string> &initNames()
{
    static const std::vector<std::string> names{"he_uniform", "he_normal", "xavier_uniform", "xavier_normal",
                                                "zeros", "normal"};
    return names;
}

const std::vector<std::string> &initChoices()
{
    static const std::vector<std::string> choices = [] {
        std::vector<std::string> all{"auto"};
        all.insert(all.end(), initNames().begin(), initNames().end());
        return all;
    }();
    return choices;
}

Init initFromName(const std::string &name)
{
    const auto &names = initNames();
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
        std::string known;
        for (const auto &n : initChoices())
            known += (known.empty() ? "" : ", ") + n;
        throw SettingError("Unknown initializer '" + name + "'; choose one of: " + known + ".");
    }
    return static_cast<Init>(found - names.begin());
}

Init resolveInit(const std::string &choice, Activation activation)
{
    if (choice != "auto")
        return initFromName(choice);
    switch (activation) {
    case Activation::ReLU:
    case Activation::LeakyReLU:
    case Activation::ELU:
    case Activation::GELU: return Init::HeUniform;
    default: return Init::XavierUniform;
    }
}

void initialize(Tensor &weight, Init init, int64_t fanIn, int64_t fanOut, Rng &rng)
{
    assert(fanIn > 0 && fanOut > 0);
    const double he = std::sqrt(2.0) / std::sqrt(double(fanIn));          // gain √2 / √fan_in
    const double xavier = std::sqrt(2.0 / double(fanIn + fanOut));        // gain 1
    switch (init) {
    case Init::HeUniform: fillUniform(weight, float(std::sqrt(3.0) * he), rng); break;
    case Init::HeNormal: fillNormal(weight, float(he), rng); break;
    case Init::XavierUniform: fillUniform(weight, float(std::sqrt(3.0) * xavier), rng); break;
    case Init::XavierNormal: fillNormal(weight, float(xavier), rng); break;
    case Init::Zeros: weight.setZero(); break;
    case Init::Normal: fillNormal(weight, 1.0f, rng); break;
    }
}

} // namespace nn
