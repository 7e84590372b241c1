// The accuracy chart: training and validation accuracy per epoch, in percent.
#pragma once

#include "views/charts/chartseries.h"
#include "views/charts/metricschartview.h"

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
};
