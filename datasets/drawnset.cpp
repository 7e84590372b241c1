// DrawnSet: the painted points, repeated with jitter.
#include "drawnset.h"

#include "nn/error.h"
#include "nn/random.h"

namespace datasets {

std::string DrawnSet::description()
{
    return "Draw your own: the points you paint on the plot, each repeated with jitter (noise) up to the number of "
           "samples, for GANs (2 features)";
}

void DrawnSet::check(const std::vector<std::array<double, 2>> &points)
{
    if (points.size() >= kMinPoints)
        return;
    throw nn::SettingError("The drawn data set has " + std::to_string(points.size()) + " point" + (points.size() == 1 ? "" : "s") +
                           "; it needs at least " + std::to_string(kMinPoints) +
                           ". Drag on the GAN plot to paint more (or press Start from Ring under it), or list them in the project "
                           "file's data \"points\" as [[x, y], …].");
}

RawData<float> DrawnSet::generate(const std::vector<std::array<double, 2>> &points, int64_t count, double noise, uint64_t seed)
{
    check(points);
    nn::Rng rng = nn::Rng::keyed(seed, std::string("data/") + kName);
    auto samples = std::make_shared<Samples<float>>();
    samples->count = count;
    samples->sampleShape = {2};
    samples->targetShape = {};
    const auto stddev = static_cast<float>(noise);
    for (int64_t i = 0; i < count; ++i) {
        const auto &[x, y] = points[static_cast<size_t>(i) % points.size()];
        samples->inputs.push_back(static_cast<float>(x) + rng.normal(0.0f, stddev));
        samples->inputs.push_back(static_cast<float>(y) + rng.normal(0.0f, stddev));
        samples->targets.push_back(0.0f);
    }
    RawData<float> data;
    data.info.name = kName;
    data.info.description = description();
    data.info.numClasses = 1;
    data.info.classNames = {"drawn"};
    data.info.featureNames = {"x1", "x2"};
    data.info.sampleShape = samples->sampleShape;
    data.samples = std::move(samples);
    data.autoScaling = AutoScaling::None;
    return data;
}

} // namespace datasets
