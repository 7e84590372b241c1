// ClassifierVerdict: how a separately trained classifier sees a generator's samples (issue 13's
// check of gan-digits): the share it is confident about and which classes those samples are.
#pragma once

#include "nn/tensor.h"

#include <string>
#include <vector>

namespace datasets {

class Experiment;

struct ClassifierVerdict {
    double threshold = 0.9;                // a sample is confident when its top probability is above this
    int64_t samples = 0;
    int64_t confident = 0;                 // samples with a top probability above the threshold
    std::vector<int64_t> confidentPerClass;  // per class, the confident samples it won
    std::vector<std::string> classNames;

    double confidentShare() const { return samples > 0 ? static_cast<double>(confident) / static_cast<double>(samples) : 0.0; }
    // How many classes won at least one confident sample.
    int classesSeen() const;

    // Judges `samples` [N, sample shape…], in the data's own units (raw pixels 0–16 for the digits),
    // with the trained classification project `classifier`, which scales them as it scaled its own
    // data. nn::SettingError when the classifier is not a classifier or takes another shape.
    static ClassifierVerdict judge(Experiment &classifier, const nn::Tensor &samples, double threshold = 0.9);
    // What judge() checks first, for samples of shape `samples` [N, sample shape…]: throws the same
    // SettingError when `classifier` is not a classifier or takes samples of another size.
    static void checkFits(const Experiment &classifier, const nn::Shape &samples);
};

} // namespace datasets
