// The data preview of text and sequence sets: ids decoded with the set's vocabulary, values
// back in the data's units.
#include "views/plots/sequencepreview.h"

#include "views/batchprediction.h"

#include "datasets/datainfo.h"
#include "datasets/textset.h"
#include "datasets/vocabulary.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace {

// The file's words, translated in the DatasetPreview context (lupdate reads SequencePreviewText::tr).
struct SequencePreviewText {
    Q_DECLARE_TR_FUNCTIONS(DatasetPreview)
};

// Ids back to text, <pad> left out; a line break shows as ⏎ so that a row stays one line.
QString decodeIds(const datasets::Vocabulary &vocabulary, const float *ids, int64_t length)
{
    std::string text;
    const bool words = vocabulary.tokens() == datasets::Vocabulary::Tokens::Words;
    for (int64_t t = 0; t < length; ++t) {
        const auto id = static_cast<int64_t>(ids[t]);
        if (id == datasets::Vocabulary::kPad)
            continue;
        text += (words && !text.empty() ? " " : "") + vocabulary.token(id);
    }
    return QString::fromStdString(text).replace(QLatin1Char('\n'), QStringLiteral("⏎"));
}

QString idList(const float *ids, int64_t length)
{
    QStringList parts;
    for (int64_t t = 0; t < length; ++t)
        parts << QString::number(static_cast<int64_t>(ids[t]));
    return parts.join(QLatin1Char(' '));
}

void fillTexts(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const datasets::Vocabulary vocabulary = datasets::TextSet::vocabularyOf(info);
    const int64_t length = info.sequenceLength, width = samples.targets.size() / samples.count;
    snapshot.columns = info.languageModel ? QStringList{SequencePreviewText::tr("text"), SequencePreviewText::tr("next")}
                                          : QStringList{SequencePreviewText::tr("text"), SequencePreviewText::tr("label")};
    for (int64_t n = 0; n < std::min(samples.count, kPreviewRows); ++n) {
        const float *target = samples.targets.data() + n * width;
        const auto k = static_cast<size_t>(info.languageModel ? target[width - 1] : target[0]);
        QString label = k < info.classNames.size() ? QString::fromStdString(info.classNames[k]) : QString::number(k);
        if (info.languageModel)
            label = label == QLatin1String("\n") ? QStringLiteral("⏎") : label == QLatin1String(" ") ? QStringLiteral("␣") : label;
        snapshot.rows.push_back({decodeIds(vocabulary, samples.inputs.data() + n * length, length), QStringLiteral("→ ") + label});
    }
}

void fillSymbols(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const int64_t length = info.sequenceLength, width = samples.targets.size() / samples.count;
    snapshot.columns = QStringList{SequencePreviewText::tr("sequence (ids)"), SequencePreviewText::tr("target")};
    for (int64_t n = 0; n < std::min(samples.count, kPreviewRows); ++n)
        snapshot.rows.push_back({idList(samples.inputs.data() + n * length, length),
                                 QStringLiteral("→ ") + idList(samples.targets.data() + n * width, width)});
}

// [T, 2] of (value, marker): the marked values, their sum, then the whole sequence with the
// marked values in brackets.
void fillMarked(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const int64_t length = info.sequenceLength, width = samples.targets.size() / samples.count;
    snapshot.columns = QStringList{SequencePreviewText::tr("marked values"), SequencePreviewText::tr("target"), SequencePreviewText::tr("sequence, marked in [ ]")};
    for (int64_t n = 0; n < std::min(samples.count, kPreviewRows); ++n) {
        const float *x = samples.inputs.data() + n * length * 2;
        QStringList marked, steps;
        for (int64_t t = 0; t < length; ++t) {
            const QString value = QString::number(double(views::rawValue(x[2 * t], info, 2 * t)), 'f', 2);
            const bool mark = views::rawValue(x[2 * t + 1], info, 2 * t + 1) > 0.5f;
            steps << (mark ? QStringLiteral("[%1]").arg(value) : value);
            if (mark)
                marked << value;
        }
        snapshot.rows.push_back({marked.join(QStringLiteral(" + ")),
                                 QStringLiteral("= ") + QString::number(double(samples.targets[n * width]), 'f', 2),
                                 steps.join(QLatin1Char(' '))});
    }
}

// A few windows as lines of points (filled) and the values after them (hollow), one colour each.
void fillWindows(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    PlotData &plot = snapshot.plot;
    const int64_t length = info.sequenceLength, width = samples.targets.size() / samples.count;
    double low = std::numeric_limits<double>::max(), high = -low;
    const auto add = [&](float x, float y, int window, bool target) {
        plot.points.push_back({.x = x, .y = y, .classIndex = window, .value = float(window), .validation = target});
        low = std::min<double>(low, y), high = std::max<double>(high, y);
    };
    const int64_t windows = std::min(samples.count, kPreviewWindows);
    for (int64_t n = 0; n < windows; ++n) {
        for (int64_t t = 0; t < length; ++t)
            add(float(t), views::rawValue(samples.inputs[n * length + t], info, t), int(n), false);
        for (int64_t h = 0; h < width; ++h)
            add(float(length + h), samples.targets[n * width + h], int(n), true);
        plot.classNames << SequencePreviewText::tr("window %1").arg(n + 1);
    }
    const double margin = std::max(0.06 * (high - low), 0.1);
    plot.xMin = -0.5, plot.xMax = double(length + width) - 0.5;
    plot.yMin = low - margin, plot.yMax = high + margin;
    plot.xLabel = SequencePreviewText::tr("step t (hollow: the values to forecast)");
    plot.yLabel = SequencePreviewText::tr("value");
    plot.valueMin = 0.0, plot.valueMax = double(std::max<int64_t>(windows - 1, 1));
}

} // namespace

bool isSequencePreview(const datasets::DataInfo &info)
{
    return info.sequenceLength > 0;
}

QString sequenceSummary(const datasets::DataInfo &info)
{
    if (!info.vocabulary.empty())
        return SequencePreviewText::tr("vocabulary of %1 %2, T = %3")
            .arg(info.vocabulary.size())
            .arg(QString::fromStdString(info.tokens))
            .arg(info.sequenceLength);
    const int64_t values = info.sampleShape.size() > 1 ? info.sampleShape[1] : 1;
    return info.sampleShape.size() == 1 ? SequencePreviewText::tr("T = %1 symbol ids").arg(info.sequenceLength)
                                        : SequencePreviewText::tr("T = %1 steps of %2 value(s)").arg(info.sequenceLength).arg(values);
}

void fillSequencePreview(PreviewSnapshot &snapshot, const views::SplitSamples &samples, const datasets::DataInfo &info)
{
    const int64_t values = info.sampleShape.size() > 1 ? info.sampleShape[1] : 0;
    snapshot.kind = PreviewSnapshot::Kind::Table;
    snapshot.textTable = true;
    if (!info.vocabulary.empty())
        fillTexts(snapshot, samples, info);
    else if (values == 0)
        fillSymbols(snapshot, samples, info);
    else if (values == 2)
        fillMarked(snapshot, samples, info);
    else if (values == 1 && !info.classification) {
        snapshot.kind = PreviewSnapshot::Kind::Scatter;
        fillWindows(snapshot, samples, info);
    }
}
