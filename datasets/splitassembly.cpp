// assembleSplits: scaling fitted on the training rows, one SampleSource per split.
#include "splitassembly.h"

#include "featurescaling.h"
#include "imageaugmenter.h"
#include "samplesource.h"

#include "nn/error.h"

#include <numeric>

namespace datasets {

namespace {

template <typename T>
FeatureScaling fitScaling(const RawData<T> &raw, const std::vector<int64_t> &train, const std::string &method)
{
    const int64_t features = raw.samples->features();
    if (raw.tokenIds)
        return FeatureScaling::identity(features);
    if (method == "standardize" || (method == "auto" && raw.autoScaling == AutoScaling::Standardize))
        return FeatureScaling::standardize(*raw.samples, train);
    if (method == "minmax")
        return FeatureScaling::minmax(*raw.samples, train);
    if (method == "auto" && raw.autoScaling == AutoScaling::PixelMaximum)
        return FeatureScaling::uniform(features, 1.0f / raw.pixelMaximum);
    return FeatureScaling::identity(features);
}

// The training split's augmenter, or null when augmentation is off.
template <typename T>
std::shared_ptr<const ImageAugmenter> makeAugmenter(const RawData<T> &raw, const nn::DataSpec &spec)
{
    const nn::AugmentSpec &augment = spec.augment;
    if (!augment.any())
        return nullptr;
    if (!raw.info.isImage)
        throw nn::SettingError("Augmentation changes images, but '" + spec.source +
                               "' holds table rows or points: switch off the data's augment settings, or choose an "
                               "image data set.");
    return std::make_shared<const ImageAugmenter>(augment, raw.samples->sampleShape, raw.pixelMaximum);
}

} // namespace

template <typename T>
LoadedData assembleSplits(RawData<T> raw, const nn::DataSpec &spec, const DataSplit &split)
{
    const std::shared_ptr<const Samples<T>> samples = raw.samples;
    const auto scaling = std::make_shared<const FeatureScaling>(fitScaling(raw, split.train, spec.scaling));

    LoadedData data;
    data.info = std::move(raw.info);
    data.info.hasOwnTestSet = raw.ownTest != nullptr;
    data.info.scale = scaling->scale();
    data.info.offset = scaling->offset();
    data.train = std::make_shared<SampleSource<T>>(samples, split.train, scaling, makeAugmenter(raw, spec));
    data.validation = std::make_shared<SampleSource<T>>(samples, split.validation, scaling);
    if (raw.ownTest) {
        std::vector<int64_t> all(static_cast<size_t>(raw.ownTest->count));
        std::iota(all.begin(), all.end(), int64_t{0});
        data.test = std::make_shared<SampleSource<T>>(std::move(raw.ownTest), std::move(all), scaling);
    } else {
        data.test = std::make_shared<SampleSource<T>>(samples, split.test, scaling);
    }
    return data;
}

template LoadedData assembleSplits(RawData<float> raw, const nn::DataSpec &spec, const DataSplit &split);
template LoadedData assembleSplits(RawData<uint8_t> raw, const nn::DataSpec &spec, const DataSplit &split);

} // namespace datasets
