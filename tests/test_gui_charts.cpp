// The live training charts: series that grow with the run, TensorBoard smoothing, a capped number
// of points on screen while the CSV keeps every row, PNG export, log scale, the regression note,
// hover readings and the charts' place in the window.
#include "guitest.h"

#include "views/charts/accuracychartview.h"
#include "views/charts/chartseries.h"
#include "views/charts/losschartview.h"
#include "views/charts/historyfile.h"
#include "views/charts/runlabel.h"
#include "views/charts/trainingcharts.h"

#include "nn/error.h"
#include "nn/project.h"

#include <QAction>
#include <QCheckBox>
#include <QChart>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

namespace {

// A made-up loss curve with noise that is not round in binary, so the CSV must keep every digit.
double lossAt(qint64 step)
{
    return 2.0 / (1.0 + 0.01 * double(step)) + 0.1 * std::sin(double(step) / 3.0);
}

QVector<StepPoint> stepsFrom(qint64 first, int count, int stepsPerEpoch)
{
    QVector<StepPoint> steps;
    for (qint64 step = first; step < first + count; ++step)
        steps.append(StepPoint{step, int((step - 1) / stepsPerEpoch) + 1, lossAt(step), 0.01});
    return steps;
}

EpochPoint epochAt(int epoch, qint64 step, double accuracy)
{
    EpochPoint point;
    point.epoch = epoch;
    point.step = step;
    point.trainLoss = lossAt(step);
    point.trainAccuracy = accuracy;
    point.validationLoss = 1.1 * lossAt(step);
    point.validationAccuracy = std::isnan(accuracy) ? accuracy : accuracy - 0.05;
    point.learningRate = 0.01;
    point.seconds = 0.5;
    return point;
}

// TensorBoard's smoothing, written out independently of MetricsHistory.
QVector<double> tensorBoardSmoothing(const QVector<StepPoint> &steps, double weight)
{
    QVector<double> smoothed;
    double last = 0.0;
    int accumulated = 0;
    for (const StepPoint &step : steps) {
        last = last * weight + (1.0 - weight) * step.loss;
        ++accumulated;
        smoothed.append(last / (1.0 - std::pow(weight, accumulated)));
    }
    return smoothed;
}

std::unique_ptr<TrainingCharts> shownCharts()
{
    auto charts = std::make_unique<TrainingCharts>();
    charts->resize(1280, 260);
    charts->show();
    if (!QTest::qWaitForWindowExposed(charts.get()))
        qWarning("the charts were not exposed");
    return charts;
}

// Where a value of `series` is drawn, in its view's coordinates.
QPointF viewPosition(QChartView *view, QXYSeries *series, QPointF value)
{
    return view->mapFromScene(view->chart()->mapToScene(view->chart()->mapToPosition(value, series)));
}

void moveMouse(QChartView *view, QPointF position)
{
    QMouseEvent move(QEvent::MouseMove, position, view->viewport()->mapToGlobal(position), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
}

QList<QByteArray> csvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> rows = file.readAll().split('\n');
    if (!rows.isEmpty() && rows.back().isEmpty())
        rows.removeLast();
    return rows;
}

} // namespace

class TestGuiCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    // A legend too wide for its chart would elide its labels down to coloured markers alone (the
    // "stray dashes" on the empty charts at 1280×800): it hides instead, and comes back with room.
    void legendsShowWholeLabelsOrHide()
    {
        TrainingCharts charts;
        charts.resize(360, 260);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QVERIFY2(!charts.lossView()->isLegendShown(),
                 qPrintable(QStringLiteral("a loss legend of %1 px in %2 px").arg(charts.lossView()->legendWidth()).arg(charts.lossView()->width())));
        charts.resize(1200, 300);
        QCoreApplication::processEvents();
        for (MetricsChartView *view : {static_cast<MetricsChartView *>(charts.lossView()), static_cast<MetricsChartView *>(charts.accuracyView())})
            QVERIFY2(view->isLegendShown() && view->legendWidth() <= view->width(),
                     qPrintable(QStringLiteral("a legend of %1 px in %2 px").arg(view->legendWidth()).arg(view->width())));
    }
    void stepsAndEpochsGrowTheSeries();
    void smoothedLossIsTensorBoardsMovingAverage();
    void pointsWaitForTheRefreshTimer();
    void redrawsAtMostThirtyTimesASecond();
    void clearEmptiesEverything();
    void decimationCapsPointsWhileCsvKeepsEveryRow();
    void decimationKeepsSpikes();
    void pngIsAPictureOfBothCharts();
    void pngOfAClosedPanelHasAUsefulSize();
    void logScaleSwitchesTheLossAxis();
    void regressionShowsANoteInsteadOfAccuracy();
    void hoverReadsTheNearestPoint();
    void chartsAreDockedWithExportActions();
    void severalNamedLossesGetALineAndAColumnEach();
    void savingKeepsTheHistoryAndReopeningShowsIt();
    void aBadHistoryFileIsRefusedWithTheLine();
    void aFreshRunKeepsThePreviousOneAsAFaintLine();
    void aRunIsNamedByItsSettings();
};

void TestGuiCharts::stepsAndEpochsGrowTheSeries()
{
    auto charts = shownCharts();
    charts->addSteps(stepsFrom(1, 30, 10));
    charts->addEpoch(epochAt(1, 10, 0.5));
    charts->addEpoch(epochAt(2, 20, 0.6));
    charts->refresh();
    LossChartView *loss = charts->lossView();
    QCOMPARE(loss->rawSeries()->count(), 30);
    QCOMPARE(loss->smoothedSeries()->count(), 30);
    QCOMPARE(loss->validationSeries()->count(), 2);
    QCOMPARE(loss->rawSeries()->at(6), QPointF(7.0, lossAt(7)));
    QCOMPARE(loss->validationSeries()->at(1), QPointF(20.0, 1.1 * lossAt(20)));
    QCOMPARE(charts->accuracyView()->trainingSeries()->count(), 2);
    QCOMPARE(charts->accuracyView()->trainingSeries()->at(1), QPointF(2.0, 60.0));
    QCOMPARE(charts->accuracyView()->validationSeries()->at(0), QPointF(1.0, 100.0 * (0.5 - 0.05)));

    charts->addSteps(stepsFrom(31, 10, 10));  // a continuing run appends
    charts->addEpoch(epochAt(3, 30, 0.7));
    charts->refresh();
    QCOMPARE(loss->rawSeries()->count(), 40);
    QCOMPARE(loss->rawSeries()->at(39), QPointF(40.0, lossAt(40)));
    QCOMPARE(charts->accuracyView()->trainingSeries()->count(), 3);
    QVERIFY2(charts->isAccuracyShown(), "a classification run shows its accuracy chart");
}

void TestGuiCharts::smoothedLossIsTensorBoardsMovingAverage()
{
    auto charts = shownCharts();
    const QVector<StepPoint> steps = stepsFrom(1, 200, 50);
    charts->addSteps(steps);
    charts->refresh();
    for (const double weight : {0.9, 0.0, 0.5, 0.99}) {
        if (weight != 0.9)
            charts->setSmoothing(weight);  // 0.9 is the default
        const QVector<double> expected = tensorBoardSmoothing(steps, weight);
        QLineSeries *smoothed = charts->lossView()->smoothedSeries();
        QCOMPARE(smoothed->count(), 200);
        for (const int i : {0, 1, 2, 50, 199}) {
            QVERIFY2(std::abs(smoothed->at(i).y() - expected[i]) <= 1e-12 * std::abs(expected[i]),
                     qPrintable(QStringLiteral("weight %1, step %2: smoothed %3, TensorBoard gives %4")
                                    .arg(weight).arg(i + 1).arg(smoothed->at(i).y(), 0, 'g', 17).arg(expected[i], 0, 'g', 17)));
            QCOMPARE(charts->history().smoothedLoss()[i], smoothed->at(i).y());
        }
    }
    QCOMPARE(charts->lossView()->smoothedSeries()->at(0).y(), steps[0].loss);  // debiased: no pull to zero
    QCOMPARE(charts->findChild<QSlider *>()->value(), 99);
}

void TestGuiCharts::pointsWaitForTheRefreshTimer()
{
    auto charts = shownCharts();
    for (int bundle = 0; bundle < 10; ++bundle)
        charts->addSteps(stepsFrom(1 + 10 * bundle, 10, 100));
    QCOMPARE(charts->history().steps().size(), 100);
    QCOMPARE(charts->lossView()->rawSeries()->count(), 0);  // added to the history, not drawn yet
    QTRY_COMPARE_WITH_TIMEOUT(charts->lossView()->rawSeries()->count(), 100, 1000);
}

void TestGuiCharts::redrawsAtMostThirtyTimesASecond()
{
    auto charts = shownCharts();
    QSignalSpy redraws(charts->lossView()->rawSeries(), &QXYSeries::pointsReplaced);
    QElapsedTimer clock;
    clock.start();
    qint64 next = 1;
    while (clock.elapsed() < 500) {  // a worker far faster than the screen: a bundle every millisecond
        charts->addSteps(stepsFrom(next, 10, 1000));
        next += 10;
        QTest::qWait(1);
    }
    const double seconds = clock.elapsed() / 1000.0;
    QVERIFY2(redraws.count() >= 1, "the charts never redrew");
    QVERIFY2(redraws.count() <= 30.0 * seconds + 1.0,
             qPrintable(QStringLiteral("%1 redraws in %2 s").arg(redraws.count()).arg(seconds)));
    QLineSeries *raw = charts->lossView()->rawSeries();
    QTRY_COMPARE(raw->at(raw->count() - 1).x(), double(next - 1));  // the last bundle is drawn too
}

void TestGuiCharts::clearEmptiesEverything()
{
    auto charts = shownCharts();
    charts->addSteps(stepsFrom(1, 50, 10));
    charts->addEpoch(epochAt(1, 10, 0.5));
    charts->refresh();
    charts->clear();
    charts->refresh();
    QVERIFY(charts->history().isEmpty());
    QCOMPARE(charts->lossView()->rawSeries()->count(), 0);
    QCOMPARE(charts->lossView()->smoothedSeries()->count(), 0);
    QCOMPARE(charts->lossView()->validationSeries()->count(), 0);
    QCOMPARE(charts->accuracyView()->trainingSeries()->count(), 0);
    QCOMPARE(charts->history().toCsv().count('\n'), 1);  // the header only

    charts->addSteps(stepsFrom(1, 5, 10));  // a fresh run starts at step 1 again
    charts->refresh();
    QCOMPARE(charts->lossView()->rawSeries()->count(), 5);
    QCOMPARE(charts->lossView()->smoothedSeries()->at(0).y(), lossAt(1));
}

void TestGuiCharts::decimationCapsPointsWhileCsvKeepsEveryRow()
{
    auto charts = shownCharts();
    constexpr int kSteps = 100000, kBundle = 100, kStepsPerEpoch = 1000;
    QElapsedTimer total, phase;
    total.start();
    qint64 addingNs = 0, syncingNs = 0, paintingNs = 0;
    for (int first = 1; first <= kSteps; first += kBundle) {
        phase.start();
        charts->addSteps(stepsFrom(first, kBundle, kStepsPerEpoch));
        const qint64 last = first + kBundle - 1;
        if (last % kStepsPerEpoch == 0)
            charts->addEpoch(epochAt(int(last / kStepsPerEpoch), last, 0.5));
        addingNs += phase.nsecsElapsed();
        if (first % (10 * kBundle) != 1)
            continue;  // a redraw every 10th bundle: 100 redraws, a fast worker's 3 seconds at 30 a second
        phase.start();
        charts->refresh();
        syncingNs += phase.nsecsElapsed();
        phase.start();
        charts->lossView()->viewport()->repaint();
        charts->accuracyView()->viewport()->repaint();
        paintingNs += phase.nsecsElapsed();
    }
    charts->refresh();
    qInfo("benchmark: %d steps in bundles of %d: %.0f ms in all; adding %.1f ms, 100 refreshes %.1f ms, "
          "100 repaints %.1f ms (%.2f ms each)",
          kSteps, kBundle, total.nsecsElapsed() / 1e6, addingNs / 1e6, syncingNs / 1e6, paintingNs / 1e6,
          paintingNs / 1e8);

    LossChartView *loss = charts->lossView();
    for (QLineSeries *series : {loss->rawSeries(), loss->smoothedSeries()}) {
        QVERIFY2(series->count() <= 2000, qPrintable(QStringLiteral("%1 points of %2 on screen").arg(series->count()).arg(series->name())));
        QVERIFY2(series->count() >= 1000, qPrintable(QStringLiteral("only %1 points of %2 on screen").arg(series->count()).arg(series->name())));
    }
    QCOMPARE(loss->rawSeries()->at(0).x(), 1.0);
    QVERIFY(loss->rawSeries()->at(loss->rawSeries()->count() - 1).x() > kSteps - 200);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.csv"));
    QVERIFY2(charts->saveCsv(path), qPrintable(charts->lastError()));
    const QList<QByteArray> rows = csvRows(path);
    QCOMPARE(rows.size(), 1 + kSteps + kSteps / kStepsPerEpoch);
    QVERIFY(rows[0].startsWith("kind,step,epoch,loss,smoothed_loss"));
    int stepRows = 0;
    for (const QByteArray &row : rows)
        stepRows += row.startsWith("step,") ? 1 : 0;
    QCOMPARE(stepRows, kSteps);
    const QList<QByteArray> step12345 = rows[12345 + 12].split(',');  // 12 epoch rows come before it
    QCOMPARE(step12345[0], QByteArray("step"));
    QCOMPARE(step12345[1].toLongLong(), 12345);
    QCOMPARE(step12345[3].toDouble(), lossAt(12345));  // exactly: 17 digits round-trip
    QCOMPARE(step12345[4].toDouble(), charts->history().smoothedLoss()[12344]);
    const QList<QByteArray> epoch1 = rows[1001].split(',');  // right after the epoch's last step
    QCOMPARE(epoch1[0], QByteArray("epoch"));
    QCOMPARE(epoch1[2].toInt(), 1);
    QCOMPARE(epoch1[8].toDouble(), 1.1 * lossAt(1000));
    QCOMPARE(epoch1[3], QByteArray());  // no per-step loss on an epoch row
}

void TestGuiCharts::decimationKeepsSpikes()
{
    ChartSeries series(100);
    for (int i = 0; i < 10000; ++i)
        series.append(QPointF(i, i == 5003 ? 100.0 : (i == 7001 ? -5.0 : 1.0)));
    const QList<QPointF> points = series.points();
    QVERIFY2(points.size() <= 100, qPrintable(QStringLiteral("%1 points").arg(points.size())));
    QVERIFY2(points.contains(QPointF(5003, 100.0)), "the spike up was thinned away");
    QVERIFY2(points.contains(QPointF(7001, -5.0)), "the spike down was thinned away");
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY2(points[i - 1].x() < points[i].x(), "points must stay in x order");
    QCOMPARE(series.appended(), 10000);
    series.append(QPointF(10000, std::nan("")));
    QCOMPARE(series.appended(), 10000);
}

void TestGuiCharts::pngIsAPictureOfBothCharts()
{
    auto charts = shownCharts();
    charts->addSteps(stepsFrom(1, 300, 100));
    for (int epoch = 1; epoch <= 3; ++epoch)
        charts->addEpoch(epochAt(epoch, 100 * epoch, 0.5 + 0.1 * epoch));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("charts.png"));
    QVERIFY2(charts->savePng(path), qPrintable(charts->lastError()));
    const QImage image(path);
    QVERIFY2(!image.isNull(), "the PNG does not load");
    QVERIFY2(image.width() >= 1000 && image.height() >= 150 && image.width() > image.height(),
             qPrintable(QStringLiteral("a %1 × %2 picture").arg(image.width()).arg(image.height())));
    int blue = 0, orange = 0;  // the training and validation lines are in the picture
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            blue += color.blue() > 200 && color.red() < 80 ? 1 : 0;
            orange += color.red() > 200 && color.green() > 60 && color.green() < 120 && color.blue() < 60 ? 1 : 0;
        }
    QVERIFY2(blue > 100, qPrintable(QStringLiteral("%1 blue pixels").arg(blue)));
    QVERIFY2(orange > 50, qPrintable(QStringLiteral("%1 orange pixels").arg(orange)));
    QVERIFY2(!charts->savePng(dir.filePath(QStringLiteral("no/such/folder/charts.png"))), "saving into a missing folder succeeded");
    QVERIFY2(charts->lastError().contains(QStringLiteral("charts.png")), qPrintable(charts->lastError()));
}

void TestGuiCharts::pngOfAClosedPanelHasAUsefulSize()
{
    TrainingCharts charts;  // never shown, as when the Charts dock is closed
    charts.addSteps(stepsFrom(1, 100, 50));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("closed.png"));
    QVERIFY2(charts.savePng(path), qPrintable(charts.lastError()));
    const QImage image(path);
    QVERIFY2(image.width() >= 1000 && image.height() >= 200,
             qPrintable(QStringLiteral("a %1 × %2 picture").arg(image.width()).arg(image.height())));
}

void TestGuiCharts::logScaleSwitchesTheLossAxis()
{
    auto charts = shownCharts();
    QVector<StepPoint> steps = stepsFrom(1, 20, 10);
    steps[4].loss = 0.0;  // a perfect batch: no place on a log axis
    charts->addSteps(steps);
    charts->refresh();
    LossChartView *loss = charts->lossView();
    QCOMPARE(loss->lossAxis()->type(), QAbstractAxis::AxisTypeValue);
    charts->findChild<QCheckBox *>()->setChecked(true);
    QVERIFY(charts->isLogScale());
    QCOMPARE(loss->lossAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(loss->rawSeries()->attachedAxes().size(), 2);
    QVERIFY(loss->rawSeries()->attachedAxes().contains(loss->lossAxis()));
    for (QAbstractAxis *vertical : loss->chart()->axes(Qt::Vertical))
        QCOMPARE(vertical->isVisible(), vertical->type() == QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(loss->rawSeries()->count(), 19);  // the zero is left out
    const auto *axis = static_cast<QLogValueAxis *>(loss->lossAxis());
    QVERIFY2(axis->min() > 0.0 && axis->min() <= 2.0 / 1.2 && axis->max() >= lossAt(1),
             qPrintable(QStringLiteral("log axis %1 … %2").arg(axis->min()).arg(axis->max())));

    charts->setLogScale(false);
    QVERIFY(!charts->findChild<QCheckBox *>()->isChecked());
    QCOMPARE(loss->lossAxis()->type(), QAbstractAxis::AxisTypeValue);
    QVERIFY(loss->rawSeries()->attachedAxes().contains(loss->lossAxis()));
    for (QAbstractAxis *vertical : loss->chart()->axes(Qt::Vertical))
        QCOMPARE(vertical->isVisible(), vertical->type() == QAbstractAxis::AxisTypeValue);
    QCOMPARE(loss->rawSeries()->count(), 20);
}

void TestGuiCharts::regressionShowsANoteInsteadOfAccuracy()
{
    auto charts = shownCharts();
    charts->addSteps(stepsFrom(1, 10, 10));
    charts->refresh();
    QVERIFY2(charts->isAccuracyShown(), "before the first epoch nobody knows it is a regression");
    charts->addEpoch(epochAt(1, 10, EpochPoint::kNone));
    charts->refresh();
    QVERIFY2(!charts->isAccuracyShown(), "a regression run still shows an accuracy chart");
    auto *note = charts->findChild<QLabel *>(QStringLiteral("regressionNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("No accuracy for regression")));
    QCOMPARE(charts->lossView()->validationSeries()->count(), 1);  // the loss chart carries on

    charts->clear();
    QVERIFY2(charts->isAccuracyShown(), "a new run starts with the accuracy chart");
    charts->addEpoch(epochAt(1, 10, 0.8));
    charts->refresh();
    QVERIFY(charts->isAccuracyShown());
}

void TestGuiCharts::hoverReadsTheNearestPoint()
{
    auto charts = shownCharts();
    charts->addSteps(stepsFrom(1, 40, 20));
    charts->addEpoch(epochAt(1, 20, 0.75));
    charts->addEpoch(epochAt(2, 40, 0.85));
    charts->refresh();
    QApplication::processEvents();

    LossChartView *loss = charts->lossView();
    moveMouse(loss, viewPosition(loss, loss->rawSeries(), QPointF(12.0, lossAt(12))));
    const QString expected = QStringLiteral("step 12 · epoch 1\nloss %1\nsmoothed %2")
                                 .arg(QString::number(lossAt(12), 'g', 4),
                                      QString::number(charts->history().smoothedLoss()[11], 'g', 4));
    QCOMPARE(loss->hoverText(), expected);

    moveMouse(loss, viewPosition(loss, loss->rawSeries(), QPointF(20.0, 1.1 * lossAt(20))));
    QVERIFY2(loss->hoverText().startsWith(QStringLiteral("step 20 · epoch 1")), qPrintable(loss->hoverText()));
    QVERIFY2(loss->hoverText().endsWith(QStringLiteral("validation %1 (epoch 1)").arg(QString::number(1.1 * lossAt(20), 'g', 4))),
             qPrintable(loss->hoverText()));

    AccuracyChartView *accuracy = charts->accuracyView();
    moveMouse(accuracy, viewPosition(accuracy, accuracy->trainingSeries(), QPointF(2.0, 85.0)));
    QCOMPARE(accuracy->hoverText(), QStringLiteral("epoch 2 · step 40\ntraining 85.0%\nvalidation 80.0%"));

    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(loss, &leave);
    QCOMPARE(loss->hoverText(), QString());
}

void TestGuiCharts::chartsAreDockedWithExportActions()
{
    const auto window = guitest::newWindow();
    QVERIFY(window->charts());
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("chartsPanel"));
    QVERIFY2(dock && dock->widget() == window->charts(), "the charts are not in the Charts dock");
    QCOMPARE(window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QMenu *exportMenu = window->exportMenu();
    QVERIFY(exportMenu);
    QStringList texts;
    for (const QAction *action : exportMenu->actions())
        texts << action->text();
    QVERIFY2(texts.contains(QStringLiteral("Charts as &PNG…")) && texts.contains(QStringLiteral("Metrics as &CSV…")),
             qPrintable(texts.join(QStringLiteral(", "))));
}

// An adversarial run reports d_loss and g_loss at every step: each gets a smoothed line of its own,
// the hover names both, and the CSV a column each (the step's value in step rows, the epoch's mean in epoch rows).
void TestGuiCharts::severalNamedLossesGetALineAndAColumnEach()
{
    auto charts = shownCharts();
    const QStringList names{QStringLiteral("d_loss"), QStringLiteral("g_loss")};
    QVector<StepPoint> steps = stepsFrom(1, 20, 10);
    for (StepPoint &step : steps) {
        step.lossNames = names;
        step.losses = {step.loss, 3.0 - 0.1 * double(step.step)};
    }
    charts->addSteps(steps);
    EpochPoint epoch = epochAt(1, 10, std::nan(""));
    epoch.lossNames = names;
    epoch.trainLosses = {0.625, 2.375};
    charts->addEpoch(epoch);
    charts->refresh();

    const MetricsHistory &history = charts->history();
    QCOMPARE(history.lossNames(), names);
    const QList<QLineSeries *> &lines = charts->lossView()->namedSeries();
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0]->name().contains(QStringLiteral("d_loss")) && lines[1]->name().contains(QStringLiteral("g_loss")),
             qPrintable(lines[0]->name() + QStringLiteral(", ") + lines[1]->name()));
    QVERIFY2(!charts->lossView()->smoothedSeries()->isVisible(), "the headline's smoothed line repeats d_loss");
    QVector<StepPoint> gSteps = steps;
    for (StepPoint &step : gSteps)
        step.loss = step.losses[1];
    const QVector<double> expected = tensorBoardSmoothing(gSteps, MetricsHistory::kDefaultSmoothing);
    QCOMPARE(lines[1]->count(), 20);
    for (const int i : {0, 7, 19})
        QVERIFY2(std::abs(lines[1]->at(i).y() - expected[i]) <= 1e-12, qPrintable(QStringLiteral("g_loss at step %1").arg(i + 1)));

    const QList<QByteArray> rows = history.toCsv().split('\n');
    QVERIFY2(rows[0].endsWith(",seconds,d_loss,g_loss"), rows[0].constData());
    QCOMPARE(rows[1].split(',').last().toDouble(), 3.0 - 0.1);  // step 1's g_loss
    const QByteArray epochRow = rows[11];  // after step 10
    QVERIFY2(epochRow.startsWith("epoch,10,1,") && epochRow.endsWith(",0.625,2.375"), epochRow.constData());

    charts->clear();  // a run with one loss has no named lines again
    charts->addSteps(stepsFrom(1, 5, 10));
    charts->refresh();
    QVERIFY(charts->lossView()->namedSeries().isEmpty());
    QVERIFY(charts->lossView()->smoothedSeries()->isVisible());
    QVERIFY(history.toCsv().split('\n')[0].endsWith(",seconds"));
}

// File ▸ Save writes NAME.history.csv beside the project; opening it again shows the same curves.
void TestGuiCharts::savingKeepsTheHistoryAndReopeningShowsIt()
{
    QTemporaryDir dir;
    const auto window = guitest::newWindow();
    TrainingCharts *charts = window->charts();
    charts->addSteps(stepsFrom(1, 30, 10));
    charts->addEpoch(epochAt(1, 10, 0.5));
    charts->addEpoch(epochAt(2, 20, 0.75));
    charts->refresh();
    const QByteArray csv = charts->history().toCsv();
    const QString path = dir.filePath(QStringLiteral("net.layerlab.json"));
    QCOMPARE(window->files()->write(path), QString());
    QFile saved(dir.filePath(QStringLiteral("net.history.csv")));
    QVERIFY2(saved.open(QIODevice::ReadOnly), "no history file beside the project");
    QCOMPARE(saved.readAll(), csv);

    window->files()->newProject();
    QVERIFY2(charts->history().isEmpty(), "a new project starts with empty charts");
    QVERIFY(window->files()->openPath(path));
    QCOMPARE(charts->history().toCsv(), csv);
    QCOMPARE(charts->lossView()->rawSeries()->count(), 30);
    QCOMPARE(charts->accuracyView()->validationSeries()->count(), 2);

    charts->clear();  // nothing trained: saving removes the old history, which no longer fits
    QCOMPARE(window->files()->write(path), QString());
    QVERIFY(!QFileInfo::exists(saved.fileName()));
}

void TestGuiCharts::aBadHistoryFileIsRefusedWithTheLine()
{
    QByteArray csv = MetricsHistory().toCsv();  // the header
    csv += "step,1,1,0.5,0.5,0.01,,,,,\nstep,2,1,lots,0.5,0.01,,,,,\n";
    QString message;
    try {
        HistoryFile::fromCsv(csv);
    } catch (const nn::FileError &error) {
        message = QString::fromUtf8(error.what());
    }
    QVERIFY2(message.contains(QStringLiteral("line 3")) && message.contains(QStringLiteral("lots")), qPrintable(message));
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("broken.layerlab.json"));
    QFile file(HistoryFile::pathBeside(project));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QString problem;
    QVERIFY(!HistoryFile::load(project, &problem));
    QVERIFY2(problem.contains(QStringLiteral("line 3")), qPrintable(problem));
}

// A fresh run moves the current one behind it as a faint line named by its settings; the toggle
// hides the earlier runs, at most kMaxPastRuns are kept, and Clear History forgets them.
void TestGuiCharts::aFreshRunKeepsThePreviousOneAsAFaintLine()
{
    auto charts = shownCharts();
    const QString label = QStringLiteral("Adam lr 0.01 · batch 16");
    charts->setRunLabel(label);
    charts->addSteps(stepsFrom(1, 50, 10));
    charts->addEpoch(epochAt(1, 10, 0.5));
    charts->refresh();
    QVERIFY(!charts->clearHistoryAction()->isEnabled());
    charts->startNewRun();
    QVERIFY(charts->history().isEmpty());
    QCOMPARE(charts->pastRuns().size(), 1);
    const QList<QLineSeries *> &loss = charts->lossView()->pastSeries();
    QCOMPARE(loss.size(), 1);
    QCOMPARE(loss[0]->name(), label);
    QCOMPARE(loss[0]->count(), 50);
    QCOMPARE(loss[0]->at(49).y(), charts->pastRuns()[0].smoothedLoss.last().y());
    QVERIFY2(loss[0]->color().alpha() < 255, "an earlier run is drawn faint");
    QCOMPARE(charts->accuracyView()->pastSeries().size(), 1);
    QVERIFY(charts->clearHistoryAction()->isEnabled());

    charts->compareRunsAction()->setChecked(false);
    QVERIFY(charts->lossView()->pastSeries().isEmpty());
    charts->compareRunsAction()->setChecked(true);
    QCOMPARE(charts->lossView()->pastSeries().size(), 1);

    for (int run = 0; run < TrainingCharts::kMaxPastRuns + 1; ++run) {
        charts->setRunLabel(QStringLiteral("SGD lr 0.%1").arg(run + 1));
        charts->addSteps(stepsFrom(1, 10, 10));
        charts->startNewRun();
    }
    QCOMPARE(charts->pastRuns().size(), TrainingCharts::kMaxPastRuns);
    QCOMPARE(charts->pastRuns().first().label, QStringLiteral("SGD lr 0.2"));  // the oldest ones went first
    QCOMPARE(charts->pastRuns().last().label, QStringLiteral("SGD lr 0.6"));
    charts->clearHistoryAction()->trigger();
    QVERIFY(charts->pastRuns().isEmpty());
    QVERIFY(charts->lossView()->pastSeries().isEmpty());
}

void TestGuiCharts::aRunIsNamedByItsSettings()
{
    nn::Project project;
    project.graph.addNode("Input", "input");
    const int dropout = project.graph.addNode("Dropout", "drop");
    project.graph.node(dropout).settings.set("rate", 0.3);
    project.training.optimizer = "SGD";
    project.training.optimizerSettings = {{"lr", 0.1}};
    project.training.batchMode = "full";
    project.training.l2 = 1e-4;
    QCOMPARE(RunLabel::of(project), QStringLiteral("SGD lr 0.1 · full batch · L2 0.0001 · dropout 0.3"));
    project.training = nn::TrainingConfig();  // Adam at its default rate, mini-batches of 32
    project.graph = nn::Graph();
    QCOMPARE(RunLabel::of(project), QStringLiteral("Adam lr 0.001 · batch 32"));
}

QTEST_MAIN(TestGuiCharts)
#include "test_gui_charts.moc"
