// ClassifierVerdict: samples scaled as the classifier's data, inferred, and counted by top probability.
#include "classifierverdict.h"

#include "experiment.h"

#include "nn/error.h"

#include <algorithm>

namespace datasets {

int ClassifierVerdict::classesSeen() const
{
    return static_cast<int>(std::count_if(confidentPerClass.begin(), confidentPerClass.end(), [](int64_t n) { return n > 0; }));
}

void ClassifierVerdict::checkFits(const Experiment &classifier, const nn::Shape &samples)
{
    const DataInfo &info = classifier.data().info;
    const std::string name = classifier.project().name;
    if (classifier.isGan() || !info.classification || classifier.classes() < 2)
        throw nn::SettingError("'" + name + "' is not a classifier; judge samples with a project trained to classify "
                               "the same kind of data, such as tests/fixtures/digits-classifier.");
    const int64_t n = samples.empty() ? 0 : samples.front();
    if (n == 0 || nn::elementCount(samples) != n * nn::elementCount(info.sampleShape))
        throw nn::SettingError("'" + name + "' classifies samples of shape " + nn::toString(info.sampleShape) +
                               " but the samples have shape " + nn::toString(samples) +
                               "; judge them with a classifier of the generator's data.");
}

ClassifierVerdict ClassifierVerdict::judge(Experiment &classifier, const nn::Tensor &samples, double threshold)
{
    checkFits(classifier, samples.shape());
    const DataInfo &info = classifier.data().info;
    const int64_t n = samples.dim(0);
    const int64_t features = nn::elementCount(info.sampleShape);
    nn::Shape shape{n};
    shape.insert(shape.end(), info.sampleShape.begin(), info.sampleShape.end());
    nn::Tensor x = samples;
    x.reshape(shape);
    if (static_cast<int64_t>(info.scale.size()) == features)  // model input = raw·scale + offset
        for (int64_t i = 0; i < x.size(); ++i)
            x[i] = x[i] * info.scale[static_cast<size_t>(i % features)] + info.offset[static_cast<size_t>(i % features)];
    nn::Pass pass;
    classifier.model().infer(pass, {&x});
    const nn::Tensor p = classifier.probabilities(pass.output());
    ClassifierVerdict verdict;
    verdict.threshold = threshold;
    verdict.samples = n;
    verdict.classNames = info.classNames;
    const int64_t classes = p.size() / n;
    verdict.confidentPerClass.assign(static_cast<size_t>(classes), 0);
    for (int64_t i = 0; i < n; ++i) {
        const auto row = p.vector().segment(i * classes, classes);
        Eigen::Index best = 0;
        if (row.maxCoeff(&best) > threshold) {
            ++verdict.confident;
            ++verdict.confidentPerClass[static_cast<size_t>(best)];
        }
    }
    return verdict;
}

} // namespace datasets
