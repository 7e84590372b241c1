// MixtureSet: Gaussian mixtures (sample i from Gaussian i mod K) and the line.
#include "mixtureset.h"

#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace datasets {

namespace {

constexpr float kRingRadius = 2.0f;
constexpr int kRingModes = 8;
constexpr float kGridSpacing = 2.0f;
constexpr int kGridSide = 5;
constexpr float kLineHalfLength = 3.0f;

RawData<float> mixture(const std::string &name, int64_t count, double noise, nn::Rng &rng)
{
    const auto centres = MixtureSet::centres(name);
    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {2};
    samples->targetShape = {};
    const auto modes = static_cast<int64_t>(centres.size());
    const auto stddev = static_cast<float>(noise);
    for (int64_t i = 0; i < count; ++i) {
        const auto [cx, cy] = centres[static_cast<size_t>(i % modes)];
        samples->inputs.push_back(cx + rng.normal(0.0f, stddev));
        samples->inputs.push_back(cy + rng.normal(0.0f, stddev));
        samples->targets.push_back(static_cast<float>(i % modes));
    }
    RawData<float> data;
    data.info.numClasses = static_cast<int>(modes);
    for (int64_t m = 0; m < modes; ++m)
        data.info.classNames.push_back("mode " + std::to_string(m + 1));
    data.info.description = name == "ring" ? "Ring: 8 Gaussians on a circle of radius 2, for GANs (2 features, 8 modes)"
                                           : "Grid: 25 Gaussians on a 5×5 grid 2 apart, for GANs (2 features, 25 modes)";
    data.samples = std::move(samples);
    return data;
}

// Points spread evenly along the segment, jittered; the target is the position t ∈ [−1, 1].
RawData<float> line(int64_t count, double noise, nn::Rng &rng)
{
    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {2};
    samples->targetShape = {1};
    const auto stddev = static_cast<float>(noise);
    for (int64_t i = 0; i < count; ++i) {
        const float t = rng.uniform(-1.0f, 1.0f);
        samples->inputs.push_back(kLineHalfLength * t + rng.normal(0.0f, stddev));
        samples->inputs.push_back(0.5f * kLineHalfLength * t + rng.normal(0.0f, stddev));
        samples->targets.push_back(t);
    }
    RawData<float> data;
    data.info.classification = false;
    data.info.targetNames = {"t"};
    data.info.description = "Line: points along a segment from (−3, −1.5) to (3, 1.5), for GANs (2 features)";
    data.samples = std::move(samples);
    return data;
}

} // namespace

std::vector<std::string> MixtureSet::names()
{
    return {"ring", "grid", "line"};
}

bool MixtureSet::contains(const std::string &name)
{
    const auto all = names();
    return std::find(all.begin(), all.end(), name) != all.end();
}

std::vector<std::pair<float, float>> MixtureSet::centres(const std::string &name)
{
    std::vector<std::pair<float, float>> centres;
    if (name == "ring")
        for (int m = 0; m < kRingModes; ++m) {
            const float angle = 2.0f * std::numbers::pi_v<float> * static_cast<float>(m) / kRingModes;
            centres.emplace_back(kRingRadius * std::cos(angle), kRingRadius * std::sin(angle));
        }
    if (name == "grid")
        for (int row = 0; row < kGridSide; ++row)
            for (int column = 0; column < kGridSide; ++column)
                centres.emplace_back(kGridSpacing * static_cast<float>(column - kGridSide / 2),
                                     kGridSpacing * static_cast<float>(row - kGridSide / 2));
    return centres;
}

RawData<float> MixtureSet::generate(const std::string &name, int64_t count, double noise, uint64_t seed)
{
    nn::Rng rng = nn::Rng::keyed(seed, "data/" + name);
    RawData<float> data = name == "line" ? line(count, noise, rng) : mixture(name, count, noise, rng);
    data.info.name = name;
    data.info.featureNames = {"x1", "x2"};
    data.info.sampleShape = data.samples->sampleShape;
    data.autoScaling = AutoScaling::None;
    return data;
}

} // namespace datasets
