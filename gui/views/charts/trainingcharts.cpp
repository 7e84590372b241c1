// The charts panel: controls, the two charts, the refresh timer and the export.
#include "views/charts/trainingcharts.h"

#include "views/charts/accuracychartview.h"
#include "views/charts/chartseries.h"
#include "views/charts/distancechartview.h"
#include "views/charts/historyfile.h"
#include "views/charts/losschartview.h"

#include "datasets/experiment.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QSlider>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace {

constexpr int kSmoothingSteps = 100;  // the slider's 0…99 is the weight 0.00…0.99
const QSize kExportSize(1280, 400);   // the panel's size for a picture taken while it is closed
constexpr int kPastRunPoints = 400;   // a past run's line is thinned to this many points

} // namespace

TrainingCharts::TrainingCharts(QWidget *parent)
    : QWidget(parent), lossView_(new LossChartView(&history_)), accuracyView_(new AccuracyChartView(&history_)),
      distanceView_(new DistanceChartView(&history_)),
      refreshTimer_(new QTimer(this)), compareRuns_(new QAction(tr("Compare Runs"), this)),
      clearHistory_(new QAction(tr("Clear History"), this))
{
    compareRuns_->setCheckable(true);
    compareRuns_->setChecked(true);
    compareRuns_->setToolTip(tr("Keep earlier runs as faint lines, named by their settings, to see what changing "
                                "the learning rate, the optimizer or dropout did"));
    connect(compareRuns_, &QAction::toggled, this, &TrainingCharts::showPastRuns);
    clearHistory_->setToolTip(tr("Forget the earlier runs' lines"));
    clearHistory_->setEnabled(false);  // until there is an earlier run
    connect(clearHistory_, &QAction::triggered, this, &TrainingCharts::clearPastRuns);
    setObjectName(QStringLiteral("trainingCharts"));
    refreshTimer_->setSingleShot(true);
    refreshTimer_->setInterval(kRefreshIntervalMs);
    connect(refreshTimer_, &QTimer::timeout, this, &TrainingCharts::refresh);

    chartsArea_ = new QWidget;
    auto *charts = new QHBoxLayout(chartsArea_);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(4);
    charts->addWidget(lossView_, 3);
    charts->addWidget(createAccuracyPanel(), 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(createControls());
    layout->addWidget(chartsArea_, 1);
    updateControls();
}

QWidget *TrainingCharts::createControls()
{
    auto *controls = new QWidget;
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(2, 0, 2, 0);
    auto *label = new QLabel(tr("Smoothing"));
    smoothingSlider_ = new QSlider(Qt::Horizontal);
    smoothingSlider_->setRange(0, kSmoothingSteps - 1);
    smoothingSlider_->setValue(qRound(MetricsHistory::kDefaultSmoothing * kSmoothingSteps));
    smoothingSlider_->setFixedWidth(120);
    smoothingSlider_->setToolTip(tr("How much the training loss is smoothed (an exponential moving average): 0 "
                                    "shows every step as it is, 0.99 shows the long-term trend"));
    label->setBuddy(smoothingSlider_);
    smoothingValue_ = new QLabel;
    connect(smoothingSlider_, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(double(value) / kSmoothingSteps); });
    logScale_ = new QCheckBox(tr("Log scale"));
    logScale_->setToolTip(tr("Show the loss on a logarithmic axis, where late small improvements stay visible"));
    connect(logScale_, &QCheckBox::toggled, this, &TrainingCharts::setLogScale);
    // Saving and the earlier runs sit behind two buttons, so that the row fits beside the charts at
    // 1280×800 and in Present's large fonts.
    auto *save = saveButton_ = new QToolButton;
    save->setText(tr("Save"));
    save->setToolTip(tr("Save both charts as a picture, or every step and epoch of this run as a table"));
    save->setPopupMode(QToolButton::InstantPopup);
    auto *saveMenu = new QMenu(save);
    saveMenu->addAction(tr("Save PNG…"), this, &TrainingCharts::exportPng)
        ->setToolTip(tr("Save both charts as a picture"));
    saveMenu->addAction(tr("Save CSV…"), this, &TrainingCharts::exportCsv)
        ->setToolTip(tr("Save every step and epoch of this run as a table for a spreadsheet"));
    save->setMenu(saveMenu);
    auto *compare = new QToolButton;
    compare->setDefaultAction(compareRuns_);
    compare->setPopupMode(QToolButton::MenuButtonPopup);
    auto *runsMenu = new QMenu(compare);
    runsMenu->addAction(clearHistory_);
    compare->setMenu(runsMenu);

    row->addWidget(label);
    row->addWidget(smoothingSlider_);
    row->addWidget(smoothingValue_);
    row->addSpacing(12);
    row->addWidget(logScale_);
    row->addSpacing(12);
    row->addWidget(compare);
    row->addStretch(1);
    row->addWidget(save);
    smoothingValue_->setText(QString::number(history_.smoothing(), 'f', 2));
    return controls;
}

// The accuracy chart, or in its place a note when the run is a regression (no accuracy exists).
QWidget *TrainingCharts::createAccuracyPanel()
{
    regressionNote_ = new QLabel(tr("<p><b>No accuracy for regression</b></p><p>This network predicts numbers, not "
                                    "classes, so there is nothing to count as right or wrong: the loss on the left "
                                    "measures how far off the predictions are.</p>"));
    regressionNote_->setObjectName(QStringLiteral("regressionNote"));
    regressionNote_->setAlignment(Qt::AlignCenter);
    regressionNote_->setWordWrap(true);
    regressionNote_->setMargin(16);
    regressionNote_->setStyleSheet(QStringLiteral("QLabel { background: white; color: #6b7280; }"));
    accuracyStack_ = new QStackedWidget;
    accuracyStack_->addWidget(accuracyView_);
    accuracyStack_->addWidget(regressionNote_);
    accuracyStack_->addWidget(createDistancePanel());
    return accuracyStack_;
}

// A GAN on 2D data has no accuracy: the distance between its real and generated points takes the place.
QWidget *TrainingCharts::createDistancePanel()
{
    distancePanel_ = new QWidget;
    distancePanel_->setObjectName(QStringLiteral("distancePanel"));
    auto *layout = new QVBoxLayout(distancePanel_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(distanceView_, 1);
    auto *note = new QLabel(tr("Energy distance between 1,000 real points and 1,000 of G's (fixed noise), after "
                               "each epoch: 0 when both come from the same distribution, so it falls as G learns."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("QLabel { color: #6b7280; }"));
    layout->addWidget(note);
    return distancePanel_;
}

bool TrainingCharts::isDistanceShown() const
{
    return accuracyStack_->currentWidget() == distancePanel_;
}

bool TrainingCharts::isAccuracyShown() const
{
    return accuracyStack_->currentWidget() == accuracyView_;
}

bool TrainingCharts::isLogScale() const
{
    return lossView_->isLogScale();
}

void TrainingCharts::clear()
{
    pastRuns_.clear();
    runLabel_.clear();
    showPastRuns();
    startNewRun();
}

void TrainingCharts::startNewRun()
{
    refreshTimer_->stop();
    if (compareRuns_->isChecked() && !history_.isEmpty()) {
        pastRuns_.append(currentAsPastRun());
        while (pastRuns_.size() > kMaxPastRuns)
            pastRuns_.removeFirst();
        showPastRuns();
    }
    runLabel_.clear();  // the next run says what it trains with (setRunLabel)
    history_.clear();
    lossView_->reset();
    accuracyView_->reset();
    distanceView_->reset();
    accuracyStack_->setCurrentWidget(accuracyView_);
    updateControls();
}

void TrainingCharts::clearPastRuns()
{
    pastRuns_.clear();
    showPastRuns();
    lossView_->reset();  // the axes shrink back to the current run
    accuracyView_->reset();
    distanceView_->reset();
    refresh();
}

// The current run's smoothed loss and validation accuracy, thinned, under its settings.
PastRun TrainingCharts::currentAsPastRun() const
{
    PastRun run;
    run.label = runLabel_.isEmpty() ? tr("run %1").arg(pastRuns_.size() + 1) : runLabel_;
    ChartSeries loss(kPastRunPoints), accuracy(kPastRunPoints);
    for (qsizetype i = 0; i < history_.steps().size(); ++i)
        loss.append(QPointF(double(history_.steps()[i].step), history_.smoothedLoss()[i]));
    for (const EpochPoint &epoch : history_.epochs())
        accuracy.append(QPointF(epoch.epoch, 100.0 * epoch.validationAccuracy));
    run.smoothedLoss = loss.points();
    run.validationAccuracy = accuracy.points();
    return run;
}

void TrainingCharts::showPastRuns()
{
    const QList<PastRun> shown = compareRuns_->isChecked() ? pastRuns_ : QList<PastRun>();
    lossView_->setPastRuns(shown);
    accuracyView_->setPastRuns(shown);
    clearHistory_->setEnabled(!pastRuns_.isEmpty());
}

void TrainingCharts::saveHistoryBeside(const QString &projectPath)
{
    if (datasets::isBundledExample(projectPath.toStdString()))
        return;  // the examples folder is never written into
    if (const QString problem = HistoryFile::save(history_, projectPath); !problem.isEmpty())
        emit statusMessage(problem);
}

void TrainingCharts::loadHistoryBeside(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return;
    QString problem;
    std::optional<MetricsHistory> history = HistoryFile::load(projectPath, &problem);
    if (!problem.isEmpty())
        emit statusMessage(problem);
    if (!history)
        return;
    startNewRun();
    const double smoothing = history_.smoothing();
    history_ = std::move(*history);
    history_.setSmoothing(smoothing);
    refresh();
}

void TrainingCharts::addSteps(const QVector<StepPoint> &steps)
{
    history_.appendSteps(steps);
    scheduleRefresh();
}

void TrainingCharts::addEpoch(const EpochPoint &epoch)
{
    history_.appendEpoch(epoch);
    scheduleRefresh();
}

void TrainingCharts::setSmoothing(double weight)
{
    history_.setSmoothing(weight);
    lossView_->resmooth();
    const int position = qRound(history_.smoothing() * kSmoothingSteps);
    if (smoothingSlider_->value() != position) {
        const QSignalBlocker blocker(smoothingSlider_);
        smoothingSlider_->setValue(position);
    }
    smoothingValue_->setText(QString::number(history_.smoothing(), 'f', 2));
}

void TrainingCharts::setLogScale(bool on)
{
    lossView_->setLogScale(on);
    if (logScale_->isChecked() != on) {
        const QSignalBlocker blocker(logScale_);
        logScale_->setChecked(on);
    }
}

void TrainingCharts::scheduleRefresh()
{
    if (!refreshTimer_->isActive())
        refreshTimer_->start();
}

void TrainingCharts::refresh()
{
    refreshTimer_->stop();
    lossView_->sync();
    accuracyView_->sync();
    distanceView_->sync();
    const QVector<EpochPoint> &epochs = history_.epochs();
    const bool regression = !epochs.isEmpty() && !history_.hasAccuracy();
    const bool distance = regression && std::isfinite(DistanceChartView::distanceOf(epochs.back()));
    accuracyStack_->setCurrentWidget(distance     ? distancePanel_
                                     : regression ? static_cast<QWidget *>(regressionNote_)
                                                  : accuracyView_);
    updateControls();
}

void TrainingCharts::updateControls()
{
    const bool hasData = !history_.isEmpty();
    saveButton_->setEnabled(hasData);
}

bool TrainingCharts::savePng(const QString &path)
{
    refresh();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);  // the charts' axes re-lay out lazily
    if (!isVisible()) {  // a closed dock: lay the charts out at a useful size first
        resize(kExportSize);
        layout()->activate();
    }
    const QImage image = chartsArea_->grab().toImage();
    QSaveFile file(path);
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        lastError_ = tr("Could not save the charts to %1: %2")
                         .arg(QDir::toNativeSeparators(path), image.isNull() ? tr("nothing to draw") : file.errorString());
        return false;
    }
    return true;
}

bool TrainingCharts::saveCsv(const QString &path)
{
    QSaveFile file(path);
    const QByteArray csv = history_.toCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        lastError_ = tr("Could not save the metrics to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void TrainingCharts::exportPng()
{
    const QString path = askSavePath(tr("Save Charts as PNG"), QStringLiteral("-charts.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!savePng(path))
        QMessageBox::warning(this, tr("Save Charts as PNG"), lastError_);
    else
        emit statusMessage(tr("Saved the charts to %1").arg(QDir::toNativeSeparators(path)));
}

void TrainingCharts::exportCsv()
{
    const QString path = askSavePath(tr("Save Metrics as CSV"), QStringLiteral("-metrics.csv"), tr("CSV tables (*.csv)"));
    if (path.isEmpty())
        return;
    if (!saveCsv(path))
        QMessageBox::warning(this, tr("Save Metrics as CSV"), lastError_);
    else
        emit statusMessage(tr("Saved %1 steps and %2 epochs to %3")
                               .arg(history_.steps().size()).arg(history_.epochs().size())
                               .arg(QDir::toNativeSeparators(path)));
}

// The dialog suggests "<base name><ending>"; a name typed without the extension gets it.
QString TrainingCharts::askSavePath(const QString &title, const QString &ending, const QString &filter)
{
    const QString base = exportBaseName_.isEmpty() ? QStringLiteral("training") : exportBaseName_;
    QString path = QFileDialog::getSaveFileName(this, title, base + ending, filter);
    const QString extension = ending.mid(ending.lastIndexOf(QLatin1Char('.')));
    if (!path.isEmpty() && !path.endsWith(extension, Qt::CaseInsensitive))
        path += extension;
    return path;
}
