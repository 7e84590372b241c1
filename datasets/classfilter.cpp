// keepOneClass for the float and byte sample sets.
#include "classfilter.h"

#include "nn/error.h"

#include <algorithm>
#include <cctype>

namespace datasets {

namespace {

bool sameText(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

int classNumber(const DataInfo &info, const std::string &name)
{
    for (size_t c = 0; c < info.classNames.size(); ++c)
        if (sameText(info.classNames[c], name))
            return static_cast<int>(c);
    if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        name.size() < 6 && std::stoi(name) < info.numClasses)
        return std::stoi(name);
    std::string known;
    for (const auto &c : info.classNames)
        known += (known.empty() ? "" : ", ") + c;
    if (!info.classification || info.numClasses == 0)
        throw nn::SettingError("data setting 'class' keeps one class, but " + info.name + " has no classes; remove the setting.");
    throw nn::SettingError("data setting 'class': " + info.name + " has no class '" + name + "'; choose one of " + known +
                           " (or its number from 0).");
}

template <typename T>
void filter(Samples<T> &samples, int keep)
{
    const int64_t features = samples.features(), width = std::max<int64_t>(samples.targetWidth(), 1);
    int64_t kept = 0;
    for (int64_t i = 0; i < samples.count; ++i) {
        if (static_cast<int>(samples.targets[static_cast<size_t>(i * width)]) != keep)
            continue;
        std::copy_n(samples.inputs.begin() + i * features, features, samples.inputs.begin() + kept * features);
        std::copy_n(samples.targets.begin() + i * width, width, samples.targets.begin() + kept * width);
        ++kept;
    }
    samples.count = kept;
    samples.inputs.resize(static_cast<size_t>(kept * features));
    samples.targets.resize(static_cast<size_t>(kept * width));
}

} // namespace

template <typename T>
void keepOneClass(RawData<T> &data, const std::string &name)
{
    const int keep = classNumber(data.info, name);
    // The samples may be shared with a cache of the whole set: filter a copy.
    data.samples = std::make_shared<Samples<T>>(*data.samples);
    filter(*data.samples, keep);
    if (data.ownTest) {
        data.ownTest = std::make_shared<Samples<T>>(*data.ownTest);
        filter(*data.ownTest, keep);
    }
    data.info.description += " — only " + data.info.classNames[static_cast<size_t>(keep)];
}

template void keepOneClass(RawData<float> &, const std::string &);
template void keepOneClass(RawData<uint8_t> &, const std::string &);

} // namespace datasets
