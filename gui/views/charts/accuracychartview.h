// The accuracy chart: training and validation accuracy per epoch, in percent.
#pragma once

#include "views/charts/chartseries.h"
#include "views/charts/metricschartview.h"
#include "views/charts/pastrun.h"

class MetricsHistory;
class QLineSeries;
class QValueAxis;

// Shows the epochs of a MetricsHistory; sync() takes the epochs that arrived since its last call.
class AccuracyChartView : public MetricsChartView {
    Q_OBJECT

public:
    explicit AccuracyChartView(const MetricsHistory *history, QWidget *parent = nullptr);

    void reset();
    void sync();
    // Earlier runs' validation accuracy as faint lines.
    void setPastRuns(const QList<PastRun> &runs);

    QLineSeries *trainingSeries() const { return training_; }
    QLineSeries *validationSeries() const { return validation_; }

protected:
    std::optional<Reading> readingAt(QPointF value, QPointF position) const override;

private:
    const MetricsHistory *history_;
    QLineSeries *training_;
    QLineSeries *validation_;
    QValueAxis *epochAxis_;
    QValueAxis *accuracyAxis_;
    ChartSeries trainingPoints_;
    ChartSeries validationPoints_;
    qsizetype shownEpochs_ = 0;
    double lastEpoch_ = 0.0;
    double pastLastEpoch_ = 0.0;
};
