// TrainingCharts: the live loss and accuracy charts of a training run, docked at the bottom of the
// window, with smoothing, a log scale, hover readings and PNG/CSV export.
#pragma once

#include "views/charts/metricshistory.h"
#include "views/charts/pastrun.h"
#include "training/trainingprogress.h"

#include <QWidget>

class AccuracyChartView;
class DistanceChartView;
class QAction;
class LossChartView;
class QCheckBox;
class QLabel;
class QSlider;
class QStackedWidget;
class QToolButton;
class QTimer;

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
    // A GAN on 2D data: the energy distance between real and generated samples shows in the
    // accuracy chart's place, with a line on what it measures.
    DistanceChartView *distanceView() const { return distanceView_; }
    bool isDistanceShown() const;
    bool isLogScale() const;

    // Compare runs: a fresh run (or Reset Weights) keeps the run before as faint lines, the newest
    // kMaxPastRuns of them, named by their settings. The toggle and Clear history are actions.
    static constexpr int kMaxPastRuns = 5;
    const QList<PastRun> &pastRuns() const { return pastRuns_; }
    QAction *compareRunsAction() const { return compareRuns_; }
    QAction *clearHistoryAction() const { return clearHistory_; }
    // The settings of the run going now (RunLabel), its legend entry once it is a past run.
    void setRunLabel(const QString &label) { runLabel_ = label; }

public slots:
    void clear();  // another project: no current run, no past runs
    void startNewRun();  // a run from fresh weights: the current run becomes a past one (when comparing)
    void clearPastRuns();
    // The history beside a saved project (HistoryFile): written after a save, read after opening.
    void saveHistoryBeside(const QString &projectPath);
    void loadHistoryBeside(const QString &projectPath);
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
    QWidget *createDistancePanel();
    void scheduleRefresh();
    void updateControls();
    void showPastRuns();
    PastRun currentAsPastRun() const;
    QString askSavePath(const QString &title, const QString &ending, const QString &filter);

    MetricsHistory history_;
    LossChartView *lossView_;
    AccuracyChartView *accuracyView_;
    DistanceChartView *distanceView_;
    QWidget *distancePanel_ = nullptr;
    QWidget *chartsArea_ = nullptr;
    QStackedWidget *accuracyStack_ = nullptr;
    QLabel *regressionNote_ = nullptr;
    QSlider *smoothingSlider_ = nullptr;
    QLabel *smoothingValue_ = nullptr;
    QCheckBox *logScale_ = nullptr;
    QTimer *refreshTimer_;
    QToolButton *saveButton_ = nullptr;  // its menu saves PNG or CSV
    QAction *compareRuns_;
    QAction *clearHistory_;
    QList<PastRun> pastRuns_;
    QString runLabel_;
    QString exportBaseName_;
    QString lastError_;
};
