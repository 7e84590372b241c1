// The evaluation behind the confusion view: batches of at most 1024 samples through the model,
// into an nn::MetricsAccumulator, keeping the misclassified images.
#include "views/evaluation/confusionsnapshot.h"

#include "views/batchprediction.h"
#include "views/sampleimage.h"

#include "datasets/experiment.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace {

// The file's words, translated in the ConfusionView context (lupdate reads ConfusionText::tr).
struct ConfusionText {
    Q_DECLARE_TR_FUNCTIONS(ConfusionView)
};

QString className(const QStringList &names, int index)
{
    return index >= 0 && index < names.size() ? names[index] : QString::number(index);
}

// Keeps the batch's misclassified samples, at most kGalleryCap per (true, predicted) cell.
void keepMisclassified(ConfusionSnapshot &snapshot, const nn::Tensor &x, const nn::Tensor &y, const nn::Tensor &raw,
                       int64_t first, const datasets::Experiment &experiment)
{
    const std::vector<int> predicted = nn::MetricsAccumulator::predictedClasses(raw);
    const nn::Tensor probabilities = views::withActivation(raw, views::outputActivation(experiment));
    const int64_t perRow = x.size() / std::max<int64_t>(x.dim(0), 1), width = probabilities.dim(1);
    const int64_t targetWidth = y.size() / std::max<int64_t>(y.dim(0), 1);
    std::vector<std::vector<int>> kept(static_cast<size_t>(snapshot.classNames.size()), std::vector<int>(static_cast<size_t>(snapshot.classNames.size()), 0));
    for (const MisclassifiedSample &sample : snapshot.misclassified)
        ++kept[static_cast<size_t>(sample.trueClass)][static_cast<size_t>(sample.predictedClass)];
    for (int64_t row = 0; row < x.dim(0); ++row) {
        MisclassifiedSample sample;
        sample.trueClass = targetWidth == 1 ? static_cast<int>(y[row]) : views::argmaxRow(y, row);
        sample.predictedClass = predicted[static_cast<size_t>(row)];
        if (sample.trueClass == sample.predictedClass)
            continue;
        ++snapshot.misclassifiedCount;
        const int classes = static_cast<int>(kept.size());
        if (sample.trueClass < 0 || sample.trueClass >= classes || sample.predictedClass < 0 || sample.predictedClass >= classes)
            continue;  // an output without a class name (the network has more outputs than the data has classes)
        int &count = kept[static_cast<size_t>(sample.trueClass)][static_cast<size_t>(sample.predictedClass)];
        if (count >= kGalleryCap)
            continue;
        ++count;
        sample.index = first + row;
        sample.probability = probabilities[row * width + sample.predictedClass];
        if (snapshot.isImage)
            sample.image = views::sampleImage(x.data() + row * perRow, experiment.data().info);
        snapshot.misclassified.push_back(std::move(sample));
    }
}

// Runs the split through the model batch by batch.
void evaluate(ConfusionSnapshot &snapshot, const nn::Model &model, const nn::BatchSource &source, const datasets::Experiment &experiment)
{
    nn::MetricsAccumulator accumulator(experiment.classes());
    nn::Tensor x, y;
    for (int64_t first = 0; first < source.size(); first += views::kProbeBatch) {
        std::vector<int64_t> indices(static_cast<size_t>(std::min(views::kProbeBatch, source.size() - first)));
        std::iota(indices.begin(), indices.end(), first);
        source.gather(indices, x, y);
        const nn::Tensor raw = views::predict(model, x, "none");
        accumulator.add(raw, y);
        // A sequence model predicts a class at every step ([N, T, K]): the metrics count positions,
        // and the gallery, which shows samples, stays empty.
        snapshot.steps = raw.rank() > 2 && accumulator.isClassification() ? raw.size() / (raw.dim(0) * raw.lastDim()) : 1;
        if (accumulator.isClassification() && snapshot.steps == 1)
            keepMisclassified(snapshot, x, y, raw, first, experiment);
    }
    snapshot.samples = accumulator.samples();
    if (!accumulator.isClassification()) {
        snapshot.regression = accumulator.regression();
        return;
    }
    snapshot.metrics = accumulator.classification();
    int64_t correct = 0;
    for (size_t c = 0; c < snapshot.metrics.confusion.size(); ++c) {
        const auto &row = snapshot.metrics.confusion[c];
        snapshot.support.push_back(std::accumulate(row.begin(), row.end(), int64_t{0}));
        correct += row[c];
    }
    if (snapshot.steps > 1)
        snapshot.misclassifiedCount = snapshot.samples - correct;
}

} // namespace

ConfusionSnapshot computeConfusion(const nn::Model &model, const datasets::Experiment &experiment)
{
    ConfusionSnapshot snapshot;
    const datasets::LoadedData &data = experiment.data();
    const bool validation = data.validation->size() > 0;
    const nn::BatchSource &source = validation ? *data.validation : *data.test;
    if (source.size() == 0) {
        snapshot.kind = ConfusionSnapshot::Kind::Message;
        snapshot.message = ConfusionText::tr("There is nothing to evaluate: the validation and test splits are empty. Set a validation "
                              "split above 0 in the training settings.");
        return snapshot;
    }
    snapshot.splitName = validation ? QStringLiteral("validation") : QStringLiteral("test");
    snapshot.kind = data.info.classification ? ConfusionSnapshot::Kind::Classification : ConfusionSnapshot::Kind::Regression;
    snapshot.isImage = data.info.isImage;
    for (const std::string &name : data.info.classNames)
        snapshot.classNames << QString::fromStdString(name);
    evaluate(snapshot, model, source, experiment);
    return snapshot;
}

QString misclassifiedCaption(const MisclassifiedSample &sample, const QStringList &classNames)
{
    return QStringLiteral("%1 → %2 (p=%3)")
        .arg(className(classNames, sample.trueClass), className(classNames, sample.predictedClass))
        .arg(static_cast<double>(sample.probability), 0, 'f', 2);
}
