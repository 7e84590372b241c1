// The distance chart's series, axes and hover reading.
#include "views/charts/distancechartview.h"

#include "views/charts/chartstyle.h"
#include "views/charts/metricshistory.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kDistanceFirstEpochs = 5;  // the epoch axis starts out this long
constexpr int kDistanceMaxMarkers = 60;  // dots on the epochs while there are at most this many

} // namespace

DistanceChartView::DistanceChartView(const MetricsHistory *history, QWidget *parent)
    : MetricsChartView(parent), history_(history), distance_(new QLineSeries), epochAxis_(new QValueAxis),
      distanceAxis_(new QValueAxis)
{
    distance_->setName(tr("real ↔ generated"));
    chartstyle::styleLine(distance_, QColor(0x7b, 0x32, 0x94), 2.0);  // the generated points' purple
    chartstyle::styleAxis(epochAxis_, tr("epoch"));
    epochAxis_->setLabelFormat(QStringLiteral("%d"));
    chartstyle::styleAxis(distanceAxis_, tr("distance"));
    distanceAxis_->setLabelFormat(QStringLiteral("%.2f"));
    distanceAxis_->setTickCount(5);
    chart()->addAxis(epochAxis_, Qt::AlignBottom);
    chart()->addAxis(distanceAxis_, Qt::AlignLeft);
    distance_->setMarkerSize(5.0);
    chart()->addSeries(distance_);
    distance_->attachAxis(epochAxis_);
    distance_->attachAxis(distanceAxis_);
    reset();
}

double DistanceChartView::distanceOf(const EpochPoint &epoch)
{
    const qsizetype at = epoch.measureNames.indexOf(QLatin1String(kMeasure));
    return at >= 0 && at < epoch.measures.size() ? epoch.measures[at] : EpochPoint::kNone;
}

void DistanceChartView::reset()
{
    points_.clear();
    shownEpochs_ = 0;
    lastEpoch_ = 0.0;
    highest_ = 0.0;
    clearHover();
    distance_->clear();
    chartstyle::setCountRange(epochAxis_, kDistanceFirstEpochs);
    distanceAxis_->setRange(0.0, 1.0);
}

void DistanceChartView::sync()
{
    const QVector<EpochPoint> &epochs = history_->epochs();
    if (shownEpochs_ == epochs.size())
        return;
    for (; shownEpochs_ < epochs.size(); ++shownEpochs_) {
        const EpochPoint &epoch = epochs[shownEpochs_];
        const double distance = distanceOf(epoch);
        if (!std::isfinite(distance))
            continue;
        points_.append(QPointF(epoch.epoch, distance));
        lastEpoch_ = std::max(lastEpoch_, double(epoch.epoch));
        highest_ = std::max(highest_, distance);
    }
    distance_->replace(points_.points());
    distance_->setPointsVisible(distance_->count() <= kDistanceMaxMarkers);
    if (lastEpoch_ > epochAxis_->max())
        chartstyle::setCountRange(epochAxis_, lastEpoch_);
    distanceAxis_->setRange(0.0, highest_ > 0.0 ? 1.1 * highest_ : 1.0);
    distanceAxis_->applyNiceNumbers();
    refreshHover();
}

std::optional<MetricsChartView::Reading> DistanceChartView::readingAt(QPointF at, QPointF) const
{
    const QVector<EpochPoint> &epochs = history_->epochs();
    const EpochPoint *nearest = nullptr;
    for (qsizetype k = 0; k < shownEpochs_; ++k)
        if (std::isfinite(distanceOf(epochs[k])) &&
            (!nearest || std::abs(epochs[k].epoch - at.x()) < std::abs(nearest->epoch - at.x())))
            nearest = &epochs[k];
    if (!nearest)
        return std::nullopt;
    const double distance = distanceOf(*nearest);
    return Reading{QPointF(nearest->epoch, distance), tr("epoch %1 · step %2\nenergy distance %3")
                                                          .arg(nearest->epoch).arg(nearest->step).arg(distance, 0, 'f', 4)};
}
