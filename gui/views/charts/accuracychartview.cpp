// The accuracy chart's series, axes and hover reading.
#include "views/charts/accuracychartview.h"

#include "views/charts/chartstyle.h"
#include "views/charts/metricshistory.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr int kMaxMarkers = 60;  // dots on the epochs while there are at most this many
constexpr int kFirstEpochs = 5;  // the epoch axis starts out this long

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 1) : QStringLiteral("—");
}

} // namespace

AccuracyChartView::AccuracyChartView(const MetricsHistory *history, QWidget *parent)
    : MetricsChartView(parent), history_(history), training_(new QLineSeries), validation_(new QLineSeries),
      epochAxis_(new QValueAxis), accuracyAxis_(new QValueAxis)
{
    training_->setName(tr("training"));  // the axis says what: the legend stays short
    chartstyle::styleLine(training_, chartstyle::trainingColor(), 2.0);
    validation_->setName(tr("validation"));
    chartstyle::styleLine(validation_, chartstyle::validationColor(), 2.0);
    chartstyle::styleAxis(epochAxis_, tr("epoch"));
    epochAxis_->setLabelFormat(QStringLiteral("%d"));
    chartstyle::styleAxis(accuracyAxis_, tr("accuracy"));
    accuracyAxis_->setLabelFormat(QStringLiteral("%.0f%%"));
    accuracyAxis_->setRange(0.0, 100.0);
    accuracyAxis_->setTickCount(6);
    chart()->addAxis(epochAxis_, Qt::AlignBottom);
    chart()->addAxis(accuracyAxis_, Qt::AlignLeft);
    for (QLineSeries *series : {training_, validation_}) {
        series->setMarkerSize(5.0);
        chart()->addSeries(series);
        series->attachAxis(epochAxis_);
        series->attachAxis(accuracyAxis_);
    }
    reset();
}

void AccuracyChartView::reset()
{
    trainingPoints_.clear();
    validationPoints_.clear();
    shownEpochs_ = 0;
    lastEpoch_ = 0.0;
    clearHover();
    training_->clear();
    validation_->clear();
    chartstyle::setCountRange(epochAxis_, std::max<double>(kFirstEpochs, pastLastEpoch_));
}

void AccuracyChartView::setPastRuns(const QList<PastRun> &runs)
{
    QStringList labels;
    QList<QList<QPointF>> lines;
    pastLastEpoch_ = 0.0;
    for (const PastRun &run : runs) {
        labels << run.label;
        lines << run.validationAccuracy;
        for (const QPointF &point : run.validationAccuracy)
            pastLastEpoch_ = std::max(pastLastEpoch_, point.x());
    }
    showPastLines(labels, lines, epochAxis_, accuracyAxis_);
    if (std::max(pastLastEpoch_, lastEpoch_) > epochAxis_->max())
        chartstyle::setCountRange(epochAxis_, std::max(pastLastEpoch_, lastEpoch_));
}

void AccuracyChartView::sync()
{
    const QVector<EpochPoint> &epochs = history_->epochs();
    if (shownEpochs_ == epochs.size())
        return;
    for (; shownEpochs_ < epochs.size(); ++shownEpochs_) {
        const EpochPoint &epoch = epochs[shownEpochs_];
        trainingPoints_.append(QPointF(epoch.epoch, 100.0 * epoch.trainAccuracy));
        validationPoints_.append(QPointF(epoch.epoch, 100.0 * epoch.validationAccuracy));
        lastEpoch_ = std::max(lastEpoch_, double(epoch.epoch));
    }
    training_->replace(trainingPoints_.points());
    validation_->replace(validationPoints_.points());
    for (QLineSeries *series : {training_, validation_})
        if (series->pointsVisible() != (series->count() <= kMaxMarkers))
            series->setPointsVisible(series->count() <= kMaxMarkers);
    if (lastEpoch_ > epochAxis_->max())
        chartstyle::setCountRange(epochAxis_, lastEpoch_);
    refreshHover();
}

// The epoch nearest the mouse; the dot goes on whichever of its two accuracies is nearer.
std::optional<MetricsChartView::Reading> AccuracyChartView::readingAt(QPointF at, QPointF position) const
{
    const QVector<EpochPoint> &epochs = history_->epochs();
    const auto end = epochs.begin() + shownEpochs_;
    const auto nearest = std::min_element(epochs.begin(), end, [at](const EpochPoint &a, const EpochPoint &b) {
        return std::abs(a.epoch - at.x()) < std::abs(b.epoch - at.x());
    });
    if (nearest == end)
        return std::nullopt;
    const QPointF training(nearest->epoch, 100.0 * nearest->trainAccuracy);
    const QPointF validation(nearest->epoch, 100.0 * nearest->validationAccuracy);
    const auto pixelsTo = [this, position](QPointF point) {
        return std::isfinite(point.y()) ? std::abs(chart()->mapToPosition(point, training_).y() - position.y())
                                        : std::numeric_limits<double>::infinity();
    };
    const QPointF anchor = pixelsTo(validation) < pixelsTo(training) ? validation : training;
    const QString text = tr("epoch %1 · step %2\ntraining %3\nvalidation %4")
                             .arg(nearest->epoch).arg(nearest->step)
                             .arg(percent(nearest->trainAccuracy), percent(nearest->validationAccuracy));
    return Reading{std::isfinite(anchor.y()) ? anchor : QPointF(nearest->epoch, 0.0), text};
}
