// TrainingCharts: the live loss and accuracy charts of a training run, docked at the bottom of the
// window, with smoothing, a log scale, hover readings and PNG/CSV export.
#pragma once

#include "views/charts/metricshistory.h"
#include "training/trainingprogress.h"

#include <QWidget>

class AccuracyChartView;
class LossChartView;
class QCheckBox;
class QLabel;
class QSlider;
class QStackedWidget;
class QTimer;
class QToolButton;

// Points arrive through addSteps()/addEpoch() as fast as the worker sends them; they only go into
// the history, and a timer redraws the charts at most ~30 times a second.
class TrainingCharts : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRefreshIntervalMs = 33;

    explicit TrainingCharts(QWidget *parent = nullptr);

    // The charts as one PNG image (both side by side, as shown) and the whole history as CSV (see
    // MetricsHistory::toCsv). False on failure, with the reason in lastError().
    bool savePng(const QString &path);
    bool saveCsv(const QString &path);
    QString lastError() const { return lastError_; }

    // The file name the Save dialogs suggest, without extension (e.g. the project's name).
    void setExportBaseName(const QString &baseName) { exportBaseName_ = baseName; }

    const MetricsHistory &history() const { return history_; }
    LossChartView *lossView() const { return lossView_; }
    AccuracyChartView *accuracyView() const { return accuracyView_; }
    // False while the accuracy chart is replaced by the note that regression has no accuracy.
    bool isAccuracyShown() const;
    bool isLogScale() const;

public slots:
    void clear();  // a new run from fresh weights
    void addSteps(const QVector<StepPoint> &steps);
    void addEpoch(const EpochPoint &epoch);
    void setSmoothing(double weight);
    void setLogScale(bool on);
    void refresh();  // redraws now (the timer calls this)
    void exportPng();  // ask for a file, then savePng
    void exportCsv();  // ask for a file, then saveCsv

signals:
    void statusMessage(const QString &message);

private:
    QWidget *createControls();
    QWidget *createAccuracyPanel();
    void scheduleRefresh();
    void updateControls();
    QString askSavePath(const QString &title, const QString &ending, const QString &filter);

    MetricsHistory history_;
    LossChartView *lossView_;
    AccuracyChartView *accuracyView_;
    QWidget *chartsArea_ = nullptr;
    QStackedWidget *accuracyStack_ = nullptr;
    QLabel *regressionNote_ = nullptr;
    QSlider *smoothingSlider_ = nullptr;
    QLabel *smoothingValue_ = nullptr;
    QCheckBox *logScale_ = nullptr;
    QToolButton *savePngButton_ = nullptr;
    QToolButton *saveCsvButton_ = nullptr;
    QTimer *refreshTimer_;
    QString exportBaseName_;
    QString lastError_;
};
