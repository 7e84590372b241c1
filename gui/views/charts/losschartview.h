// The loss chart: training loss per step (raw and smoothed) and validation loss per epoch, over
// the global step, on a linear or a logarithmic axis.
#pragma once

#include "views/charts/chartseries.h"
#include "views/charts/metricschartview.h"
#include "views/charts/pastrun.h"

#include <QList>
#include <QVector>

class MetricsHistory;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

// Shows a MetricsHistory: sync() takes what arrived since the last call, so a refresh costs the
// same at step 100 and at step 100,000.
class LossChartView : public MetricsChartView {
    Q_OBJECT

public:
    explicit LossChartView(const MetricsHistory *history, QWidget *parent = nullptr);

    void reset();     // the history was cleared
    void resmooth();  // the smoothing weight changed: every smoothed point is new
    void sync();      // brings the series and axes up to date with the history
    void setLogScale(bool on);
    // Earlier runs' smoothed losses as faint lines; the axes take them in.
    void setPastRuns(const QList<PastRun> &runs);
    bool isLogScale() const { return logScale_; }

    QLineSeries *rawSeries() const { return raw_; }
    QLineSeries *smoothedSeries() const { return smoothed_; }
    QLineSeries *validationSeries() const { return validation_; }
    // One smoothed line per named loss when the run reports several (d_loss and g_loss), else none.
    const QList<QLineSeries *> &namedSeries() const { return named_; }
    QAbstractAxis *lossAxis() const;

protected:
    std::optional<Reading> readingAt(QPointF value, QPointF position) const override;

private:
    struct Range {
        double low = 0.0, high = 0.0, lowPositive = 0.0;
        bool empty = true;
        void include(double y);
    };
    void createSeries();
    void addNamedSeries(const QString &name);
    void includePastRuns();
    QList<QLineSeries *> allSeries() const;
    void replacePoints(bool withValidation = true);
    void updateAxes();
    QString validationNear(QPointF position) const;

    const MetricsHistory *history_;
    QLineSeries *raw_;
    QLineSeries *smoothed_;
    QLineSeries *validation_;
    QValueAxis *stepAxis_;
    QValueAxis *linearAxis_;
    QLogValueAxis *logAxis_;
    ChartSeries rawPoints_;
    ChartSeries smoothedPoints_;
    ChartSeries validationPoints_;
    QList<QLineSeries *> named_;
    QVector<ChartSeries> namedPoints_;
    QList<PastRun> pastRuns_;
    qsizetype shownSteps_ = 0;
    qsizetype shownEpochs_ = 0;
    Range range_;
    double lastStep_ = 0.0;
    bool logScale_ = false;
    bool lossAxisFitted_ = false;  // the linear axis has been fitted to this run's first points
};
