// The data preview's content, read from the training split with the scaling undone.
#include "views/plots/previewsnapshot.h"
#include "views/plots/sequencepreview.h"

#include "views/batchprediction.h"
#include "views/sampleimage.h"

#include "datasets/experiment.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The file's words, translated in the DatasetPreview context (lupdate reads PreviewText::tr).
struct PreviewText {
    Q_DECLARE_TR_FUNCTIONS(DatasetPreview)
};

QString labelText(const datasets::DataInfo &info, const float *target, int64_t width)
{
    if (info.classification && width == 1) {
        const auto k = static_cast<size_t>(target[0]);
        return k < info.classNames.size() ? QString::fromStdString(info.classNames[k]) : QString::number(target[0]);
    }
    QStringList values;
    for (int64_t i = 0; i < width; ++i)
        values << QString::number(static_cast<double>(target[i]), 'g', 4);
    return values.join(QStringLiteral(", "));
}

QString summaryText(const PreviewSnapshot &s, const datasets::DataInfo &info)
{
    const int64_t features = nn::elementCount(info.sampleShape);
    const QString task = info.classification ? PreviewText::tr("%n classes", nullptr, info.numClasses) : PreviewText::tr("regression");
    return PreviewText::tr("%1 train · %2 validation · %3 test samples, %4 features, %5")
        .arg(s.trainSize).arg(s.validationSize).arg(s.testSize).arg(features).arg(task);
}

void fillImages(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const int64_t perRow = samples.inputs.size() / samples.count, width = samples.targets.size() / samples.count;
    for (int64_t n = 0; n < std::min(samples.count, kPreviewImages); ++n) {
        snapshot.images.push_back(views::sampleImage(samples.inputs.data() + n * perRow, info));
        snapshot.imageLabels << labelText(info, samples.targets.data() + n * width, width);
    }
}

// Two features: x1 against x2; one feature with a regression target: x against the target.
void fillScatter(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    PlotData &plot = snapshot.plot;
    const int64_t features = samples.inputs.size() / samples.count, width = samples.targets.size() / samples.count;
    plot.valueMin = std::numeric_limits<double>::max(), plot.valueMax = -plot.valueMin;
    double x0 = plot.valueMin, x1 = -x0, y0 = x0, y1 = -x0;
    for (int64_t n = 0; n < samples.count; ++n) {
        PlotPoint p;
        p.x = views::rawValue(samples.inputs[n * features], info, 0);
        p.value = samples.targets[n * width];
        p.y = features == 2 ? views::rawValue(samples.inputs[n * features + 1], info, 1) : p.value;
        p.classIndex = static_cast<int>(p.value);
        plot.valueMin = std::min<double>(plot.valueMin, p.value), plot.valueMax = std::max<double>(plot.valueMax, p.value);
        x0 = std::min<double>(x0, p.x), x1 = std::max<double>(x1, p.x), y0 = std::min<double>(y0, p.y), y1 = std::max<double>(y1, p.y);
        plot.points.push_back(p);
    }
    const double mx = std::max(0.06 * (x1 - x0), 0.25), my = std::max(0.06 * (y1 - y0), 0.25);
    plot.xMin = x0 - mx, plot.xMax = x1 + mx, plot.yMin = y0 - my, plot.yMax = y1 + my;
    plot.xLabel = info.featureNames.empty() ? QStringLiteral("x1") : QString::fromStdString(info.featureNames[0]);
    if (features == 2)
        plot.yLabel = info.featureNames.size() > 1 ? QString::fromStdString(info.featureNames[1]) : QStringLiteral("x2");
    else
        plot.yLabel = info.targetNames.empty() ? QStringLiteral("y") : QString::fromStdString(info.targetNames[0]);
    plot.equalAspect = features == 2;
    if (info.classification)
        for (const std::string &name : info.classNames)
            plot.classNames << QString::fromStdString(name);
}

void fillTable(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const int64_t features = samples.inputs.size() / samples.count, width = samples.targets.size() / samples.count;
    // The label first: in a narrow panel it is the column a reader should not have to scroll to.
    snapshot.columns << (info.classification ? PreviewText::tr("label") : info.targetNames.empty() ? PreviewText::tr("target") : QString::fromStdString(info.targetNames[0]));
    for (int64_t f = 0; f < features; ++f)
        snapshot.columns << (static_cast<size_t>(f) < info.featureNames.size() ? QString::fromStdString(info.featureNames[static_cast<size_t>(f)])
                                                                              : QStringLiteral("x%1").arg(f + 1));
    for (int64_t n = 0; n < std::min(samples.count, kPreviewRows); ++n) {
        QStringList row{labelText(info, samples.targets.data() + n * width, width)};
        for (int64_t f = 0; f < features; ++f)
            row << QString::number(static_cast<double>(views::rawValue(samples.inputs[n * features + f], info, f)), 'g', 4);
        snapshot.rows.push_back(row);
    }
}

// `limit` samples drawn across a split at the golden ratio's steps (n·φ mod 1), so that a set
// stored class after class shows every class in its first rows.
views::SplitSamples spreadSamples(const nn::BatchSource &source, int64_t limit)
{
    views::SplitSamples samples;
    samples.count = std::min(limit, source.size());
    std::vector<int64_t> indices(static_cast<size_t>(samples.count));
    for (int64_t n = 0; n < samples.count; ++n)
        indices[static_cast<size_t>(n)] = static_cast<int64_t>(std::fmod(double(n) * 0.6180339887, 1.0) * double(source.size()));
    if (samples.count > 0)
        source.gather(indices, samples.inputs, samples.targets);
    return samples;
}

} // namespace

PreviewSnapshot computePreview(const datasets::Experiment &experiment)
{
    const datasets::LoadedData &data = experiment.data();
    PreviewSnapshot snapshot;
    snapshot.trainSize = data.train->size();
    snapshot.validationSize = data.validation->size();
    snapshot.testSize = data.test->size();
    snapshot.summary = summaryText(snapshot, data.info);
    if (isSequencePreview(data.info)) {
        snapshot.summary = PreviewText::tr("%1 train · %2 validation · %3 test samples, %4")
                               .arg(snapshot.trainSize).arg(snapshot.validationSize).arg(snapshot.testSize)
                               .arg(sequenceSummary(data.info));
        if (data.info.classification && !data.info.languageModel)
            snapshot.summary += QStringLiteral(", ") + PreviewText::tr("%n classes", nullptr, data.info.numClasses);
        const views::SplitSamples samples = spreadSamples(*data.train, kPreviewRows);
        if (samples.count > 0)
            fillSequencePreview(snapshot, samples, data.info);
        return snapshot;
    }
    const int64_t features = nn::elementCount(data.info.sampleShape);
    const bool scatter = features == 2 || (features == 1 && !data.info.classification);
    const int64_t limit = data.info.isImage ? kPreviewImages : scatter ? kPreviewPoints : kPreviewRows;
    const views::SplitSamples samples = views::gatherSplit(*data.train, limit);
    if (samples.count == 0)
        return snapshot;
    if (data.info.isImage) {
        snapshot.kind = PreviewSnapshot::Kind::Images;
        fillImages(snapshot, samples, data.info);
    } else if (scatter) {
        snapshot.kind = PreviewSnapshot::Kind::Scatter;
        fillScatter(snapshot, samples, data.info);
    } else {
        snapshot.kind = PreviewSnapshot::Kind::Table;
        fillTable(snapshot, samples, data.info);
    }
    return snapshot;
}
