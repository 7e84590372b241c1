// DistanceChartView: for a GAN on 2D data, the energy distance between real and generated samples
// per epoch (the step's "energy_distance" measure), in place of the accuracy chart a GAN does not have.
#pragma once

#include "views/charts/chartseries.h"
#include "views/charts/metricschartview.h"
#include "training/trainingprogress.h"

class MetricsHistory;
class QLineSeries;
class QValueAxis;

// Shows the epochs of a MetricsHistory; sync() takes the epochs that arrived since its last call.
class DistanceChartView : public MetricsChartView {
    Q_OBJECT

public:
    static constexpr const char *kMeasure = "energy_distance";

    explicit DistanceChartView(const MetricsHistory *history, QWidget *parent = nullptr);

    // The measure's value in an epoch, NaN when the epoch does not carry it.
    static double distanceOf(const EpochPoint &epoch);

    void reset();
    void sync();
    QLineSeries *distanceSeries() const { return distance_; }

protected:
    std::optional<Reading> readingAt(QPointF value, QPointF position) const override;

private:
    const MetricsHistory *history_;
    QLineSeries *distance_;
    QValueAxis *epochAxis_;
    QValueAxis *distanceAxis_;
    ChartSeries points_;
    qsizetype shownEpochs_ = 0;
    double lastEpoch_ = 0.0;
    double highest_ = 0.0;
};
