// SyntheticSet: one generator per set; sample i of a classification set has class i % 2.
#include "syntheticset.h"

#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace datasets {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kRadius = 5.0f;      // circle and spiral radius, xor half-width
constexpr float kJitterScale = 2.5f; // point jitter stddev = noise · kJitterScale

struct Point {
    float x1, x2;
};

// A point of class `label` (0 or 1), sample `index` of `count`, before jitter.
using PointGenerator = Point (*)(nn::Rng &rng, int label, int64_t index, int64_t count);

Point circlePoint(nn::Rng &rng, int label, int64_t, int64_t)
{
    // Class 0: a disc of radius 2.5; class 1: a ring from 3.5 to 5.
    const float r = label == 0 ? rng.uniform(0.0f, 0.5f * kRadius) : rng.uniform(0.7f * kRadius, kRadius);
    const float angle = rng.uniform(0.0f, 2.0f * kPi);
    return {r * std::sin(angle), r * std::cos(angle)};
}

Point xorPoint(nn::Rng &rng, int label, int64_t, int64_t)
{
    // Class 0: quadrants where x1 and x2 have the same sign; 0.3 of padding keeps points off the axes.
    const float padding = 0.3f;
    const float a = rng.uniform(padding, kRadius), b = rng.uniform(padding, kRadius);
    const float sign = rng.uniform() < 0.5f ? -1.0f : 1.0f;
    return {sign * a, (label == 0 ? sign : -sign) * b};
}

Point gaussianPoint(nn::Rng &rng, int label, int64_t, int64_t)
{
    const float centre = label == 0 ? 2.0f : -2.0f;
    return {rng.normal(centre, 1.0f), rng.normal(centre, 1.0f)};
}

Point spiralPoint(nn::Rng &, int label, int64_t index, int64_t count)
{
    // Sample j of its class's m lies at radius 5·j/m, angle 1.75 turns·j/m, the second spiral turned by π.
    const int64_t perClass = (count - label + 1) / 2;
    const float s = static_cast<float>(index / 2) / static_cast<float>(std::max<int64_t>(perClass, 1));
    const float r = kRadius * s, angle = 1.75f * 2.0f * kPi * s + static_cast<float>(label) * kPi;
    return {r * std::sin(angle), r * std::cos(angle)};
}

Point moonPoint(nn::Rng &rng, int label, int64_t, int64_t)
{
    // scikit-learn's make_moons (upper moon: the unit half circle; lower: shifted by (1, -0.5), flipped),
    // centred and scaled by 2.5 to about ±3.75 × ±1.9.
    const float angle = rng.uniform(0.0f, kPi);
    const Point moon = label == 0 ? Point{std::cos(angle), std::sin(angle)}
                                  : Point{1.0f - std::cos(angle), 0.5f - std::sin(angle)};
    return {2.5f * (moon.x1 - 0.5f), 2.5f * (moon.x2 - 0.25f)};
}

struct ClassificationSet {
    const char *name;
    PointGenerator generator;
    const char *classNames[2];
    const char *description;
};

constexpr ClassificationSet kClassificationSets[] = {
    {"circle", circlePoint, {"inner", "outer"}, "Circle: a disc of one class inside a ring of the other (2 features, 2 classes)"},
    {"xor", xorPoint, {"same sign", "opposite sign"}, "XOR: the class is whether x1 and x2 have the same sign (2 features, 2 classes)"},
    {"gaussian", gaussianPoint, {"blob 1", "blob 2"}, "Gaussian: two overlapping round blobs (2 features, 2 classes)"},
    {"spiral", spiralPoint, {"spiral 1", "spiral 2"}, "Spiral: two interleaved spirals, hard for a linear model (2 features, 2 classes)"},
    {"moons", moonPoint, {"upper moon", "lower moon"}, "Moons: two interleaving half circles (2 features, 2 classes)"},
};

RawData<float> makeClassification(const ClassificationSet &set, int64_t count, double noise, nn::Rng &rng)
{
    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {2};
    samples->targetShape = {};
    samples->inputs.reserve(static_cast<size_t>(2 * count));
    const auto jitter = static_cast<float>(noise) * kJitterScale;
    for (int64_t i = 0; i < count; ++i) {
        const int label = static_cast<int>(i % 2);
        const Point p = set.generator(rng, label, i, count);
        samples->inputs.push_back(p.x1 + rng.normal(0.0f, jitter));
        samples->inputs.push_back(p.x2 + rng.normal(0.0f, jitter));
        samples->targets.push_back(static_cast<float>(label));
    }
    RawData<float> data;
    data.info.description = set.description;
    data.info.numClasses = 2;
    data.info.classNames = {set.classNames[0], set.classNames[1]};
    data.info.featureNames = {"x1", "x2"};
    data.samples = std::move(samples);
    return data;
}

// plane: y = 0.1·x1 + 0.05·x2 + noise with x in [-6, 6]²; sine: y = sin(x) + noise with x in [-3, 3].
RawData<float> makeRegression(bool plane, int64_t count, double noise, nn::Rng &rng)
{
    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {plane ? 2 : 1};
    samples->targetShape = {1};
    for (int64_t i = 0; i < count; ++i) {
        float y = 0.0f;
        if (plane) {
            const float x1 = rng.uniform(-6.0f, 6.0f), x2 = rng.uniform(-6.0f, 6.0f);
            samples->inputs.insert(samples->inputs.end(), {x1, x2});
            y = 0.1f * x1 + 0.05f * x2;
        } else {
            const float x = rng.uniform(-3.0f, 3.0f);
            samples->inputs.push_back(x);
            y = std::sin(x);
        }
        samples->targets.push_back(y + rng.normal(0.0f, static_cast<float>(noise)));
    }
    RawData<float> data;
    data.info.description = plane ? "Plane: y = 0.1·x1 + 0.05·x2 plus noise (2 features, regression)"
                                  : "Sine: y = sin(x) plus noise for x in [-3, 3] (1 feature, regression)";
    data.info.classification = false;
    data.info.featureNames = plane ? std::vector<std::string>{"x1", "x2"} : std::vector<std::string>{"x"};
    data.info.targetNames = {"y"};
    data.samples = std::move(samples);
    return data;
}

} // namespace

std::vector<std::string> SyntheticSet::names()
{
    std::vector<std::string> names;
    for (const auto &set : kClassificationSets)
        names.emplace_back(set.name);
    names.insert(names.end(), {"plane", "sine"});
    return names;
}

bool SyntheticSet::contains(const std::string &name)
{
    const auto all = names();
    return std::find(all.begin(), all.end(), name) != all.end();
}

RawData<float> SyntheticSet::generate(const std::string &name, int64_t count, double noise, uint64_t seed)
{
    nn::Rng rng = nn::Rng::keyed(seed, "data/" + name);
    RawData<float> data;
    if (name == "plane" || name == "sine") {
        data = makeRegression(name == "plane", count, noise, rng);
    } else {
        const auto *set = std::find_if(std::begin(kClassificationSets), std::end(kClassificationSets),
                                       [&](const ClassificationSet &s) { return s.name == name; });
        data = makeClassification(*set, count, noise, rng);
    }
    data.info.name = name;
    data.info.sampleShape = data.samples->sampleShape;
    data.autoScaling = AutoScaling::None;
    return data;
}

} // namespace datasets
