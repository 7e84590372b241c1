// A GAN's samples: G's output reshaped to the data's sample shape, and unscaled.
#include "generatedsamples.h"

#include "experiment.h"

#include "nn/adversarialstep.h"
#include "nn/error.h"

namespace datasets {

namespace {

void requireGanProject(Experiment &experiment)
{
    if (!experiment.isGan())
        throw nn::SettingError(experiment.project().name + " is not a GAN project (its file has no \"gan\" section); "
                               "generate makes samples of a trained generator, such as gan-ring's.");
}

} // namespace

nn::Tensor generatorSamples(Experiment &gan, int64_t n, uint64_t seed)
{
    requireGanProject(gan);
    const nn::Project &project = gan.project();
    nn::AdversarialStep step(gan.model(), gan.discriminator(), project.training, *project.gan);
    nn::Tensor samples = step.generate(n, seed);
    nn::Shape shape{n};
    const nn::Shape &sample = gan.data().info.sampleShape;
    shape.insert(shape.end(), sample.begin(), sample.end());
    samples.reshape(shape);
    return samples;
}

nn::Tensor generatedSamplesInDataUnits(Experiment &gan, int64_t n, uint64_t seed)
{
    nn::Tensor samples = generatorSamples(gan, n, seed);
    const DataInfo &info = gan.data().info;
    const int64_t features = nn::elementCount(info.sampleShape);
    if (static_cast<int64_t>(info.scale.size()) == features)
        for (int64_t i = 0; i < samples.size(); ++i) {  // model input = raw·scale + offset
            const auto f = static_cast<size_t>(i % features);
            samples[i] = info.scale[f] != 0.0f ? (samples[i] - info.offset[f]) / info.scale[f] : samples[i];
        }
    return samples;
}

} // namespace datasets
