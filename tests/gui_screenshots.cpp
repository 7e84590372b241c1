// Pictures of the window in typical states, for looking at what the editor draws (not a test of
// behaviour): `gui_screenshots DIR [PICTURE_FOLDER]` writes spiral.png, selected.png, shape-error.png, charts.png, …
// into DIR, and with a folder of pictures folder-*.png and try-it-*.png.
#include "guitest.h"

#include "app/canvasactions.h"
#include "canvas/edgeitem.h"
#include "commands/changesettingcommand.h"
#include "views/charts/losschartview.h"
#include "views/charts/trainingcharts.h"
#include "panels/datasection.h"
#include "panels/imagefoldersummary.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/tryit/tryitpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QTabWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QLineEdit>
#include <QLineSeries>
#include <QUndoStack>

#include <cmath>
#include <random>

using namespace guitest;

namespace {

QString outputDir;

void shoot(MainWindow &window, const QString &name)
{
    QApplication::processEvents();
    const QString path = QDir(outputDir).filePath(name + QStringLiteral(".png"));
    if (!window.grab().save(path))
        qWarning("cannot write %s", qPrintable(path));
}

void empty(MainWindow &window)
{
    window.files()->newProject();
    window.document()->removeNode(nodeNamed(window, "input"));
    shoot(window, QStringLiteral("empty"));
}

void spiral(MainWindow &window)
{
    window.openStartupProject(QStringLiteral("spiral"));
    QApplication::processEvents();
    window.view()->fitToContents();
    shoot(window, QStringLiteral("spiral"));
    window.scene()->selectNodes({nodeNamed(window, "hidden1")});
    shoot(window, QStringLiteral("selected"));
}

// Input [1, 28, 28] → Dense (red: needs a Flatten) → Softmax (muted: waits for it).
void shapeError(MainWindow &window)
{
    window.files()->newProject();
    const int input = nodeNamed(window, "input");
    window.document()->setSetting(input, "shape", std::vector<int64_t>{1, 28, 28});
    dropKind(window, QStringLiteral("Dense"), {0, 120});
    dropKind(window, QStringLiteral("Softmax"), {0, 240});
    connectByMouse(window, input, nodeNamed(window, "dense1"));
    connectByMouse(window, nodeNamed(window, "dense1"), nodeNamed(window, "softmax1"));
    window.view()->fitToContents();
    window.scene()->selectNodes({nodeNamed(window, "dense1")});
    shoot(window, QStringLiteral("shape-error"));
}

// A residual block: input → dense → add(input, dense) → out, with Add's free third port.
void residual(MainWindow &window)
{
    window.files()->newProject();
    const int input = nodeNamed(window, "input");
    dropKind(window, QStringLiteral("Dense"), {-120, 120});
    dropKind(window, QStringLiteral("Add"), {0, 240});
    dropKind(window, QStringLiteral("Dense"), {0, 360});
    const int dense = nodeNamed(window, "dense1"), add = nodeNamed(window, "add1"), out = nodeNamed(window, "dense2");
    window.document()->setSetting(input, "shape", std::vector<int64_t>{16});
    connectByMouse(window, input, dense);
    window.document()->setSetting(dense, "units", int64_t{16});
    window.document()->setSetting(dense, "activation", std::string("relu"));
    connectByMouse(window, input, add, 0);
    connectByMouse(window, dense, add, 1);
    connectByMouse(window, add, out);
    window.canvasActions()->autoLayout()->trigger();
    window.scene()->clearSelection();
    window.scene()->edgeItem(add, 1)->setSelected(true);
    shoot(window, QStringLiteral("residual"));

    // A connection being drawn: press on an output port and move without releasing.
    QWidget *viewport = window.view()->viewport();
    const QPointF from = item(window, out)->outputPortPosition();
    QTest::mousePress(viewport, Qt::LeftButton, {}, toViewport(window, from));
    QTest::mouseMove(viewport, toViewport(window, from + QPointF(140, 60)));
    shoot(window, QStringLiteral("connecting"));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, toViewport(window, from + QPointF(140, 60)));
}

void search(MainWindow &window)
{
    window.palette()->searchField()->setText(QStringLiteral("relu"));
    window.scene()->clearSelection();
    shoot(window, QStringLiteral("palette-search"));
    window.palette()->searchField()->clear();
}

// Made-up curves (a decaying, noisy loss; accuracies that rise and part), not a trained network:
// a look at how the charts draw a run of `epochs` epochs of `stepsPerEpoch` steps.
void feedMadeUpRun(TrainingCharts &charts, int epochs, int stepsPerEpoch, bool classification)
{
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 0.12);
    charts.clear();
    qint64 step = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        QVector<StepPoint> bundle;
        for (int i = 0; i < stepsPerEpoch; ++i, ++step)
            bundle.append(StepPoint{step + 1, epoch, (0.05 + 1.1 * std::exp(-double(step) / 600.0)) * std::exp(noise(random)), 0.01});
        charts.addSteps(bundle);
        const double progress = 1.0 - std::exp(-epoch / 6.0);
        EpochPoint point;
        point.epoch = epoch;
        point.step = step;
        point.trainLoss = 0.05 + 1.1 * std::exp(-double(step) / 600.0);
        point.validationLoss = point.trainLoss * (1.0 + 0.012 * epoch);
        point.trainAccuracy = classification ? 0.35 + 0.63 * progress : EpochPoint::kNone;
        point.validationAccuracy = classification ? 0.35 + 0.55 * progress : EpochPoint::kNone;
        charts.addEpoch(point);
    }
    charts.refresh();
    QApplication::processEvents();
}

void charts(MainWindow &window)
{
    TrainingCharts &charts = *window.charts();
    feedMadeUpRun(charts, 30, 100, true);
    LossChartView *loss = charts.lossView();
    loss->hoverAt(loss->mapFromScene(loss->chart()->mapToScene(loss->chart()->mapToPosition(QPointF(1500, 0.3), loss->rawSeries()))));
    shoot(window, QStringLiteral("charts-window"));
    charts.grab().save(QDir(outputDir).filePath(QStringLiteral("charts.png")));
    loss->clearHover();
    charts.setLogScale(true);
    charts.savePng(QDir(outputDir).filePath(QStringLiteral("charts-log.png")));  // the File ▸ Export picture
    charts.setLogScale(false);
    feedMadeUpRun(charts, 20, 100, false);
    charts.savePng(QDir(outputDir).filePath(QStringLiteral("charts-regression.png")));
    charts.clear();
}

// The Training dock on the spiral example, its Training tab, and a regression set with a
// classification loss (the loss warning).
void trainingPanel(MainWindow &window)
{
    window.openStartupProject(QStringLiteral("spiral"));
    window.scene()->clearSelection();
    window.findChild<QDockWidget *>(QStringLiteral("training"))->raise();
    shoot(window, QStringLiteral("training"));
    TrainingPanel *panel = window.trainingPanel();
    panel->tabs()->setCurrentIndex(1);
    shoot(window, QStringLiteral("training-bottom"));
    QComboBox *source = panel->dataSection()->sourceBox();
    source->setCurrentIndex(source->findData(QStringLiteral("sine")));
    emit source->activated(source->currentIndex());
    shoot(window, QStringLiteral("training-sine"));
}

// Waits (up to a minute) for the training controller to reach `state`.
bool waitForState(MainWindow &window, TrainingController::State state)
{
    for (int waited = 0; waited < 60000 && window.training()->state() != state; waited += 20)
        QTest::qWait(20);
    return window.training()->state() == state;
}

// The spiral trained, then a run paused after a Step (the canvas says it is read-only).
void training(MainWindow &window)
{
    window.openStartupProject(QStringLiteral("spiral"));
    window.view()->fitToContents();
    if (!waitForState(window, TrainingController::State::Idle))
        qWarning("the spiral was not prepared");
    window.training()->trainAction()->trigger();
    if (waitForState(window, TrainingController::State::Finished))
        shoot(window, QStringLiteral("trained"));
    window.training()->stepAction()->trigger();
    if (waitForState(window, TrainingController::State::Paused)) {
        QTest::qWait(300);  // the worker's batch and its progress report
        shoot(window, QStringLiteral("training-paused"));
    }
    window.training()->stopAction()->trigger();
    waitForState(window, TrainingController::State::Finished);
}

// A folder of pictures (tests/make_picture_folder.py) on shapes-cnn: the data section with its
// classes and skipped files, then Try it on one of the pictures after training, at both sizes.
void pictures(MainWindow &window, const QString &folder)
{
    window.openStartupProject(QStringLiteral("shapes-cnn"));
    window.document()->setSetting(nodeNamed(window, "output"), "units", int64_t{3});
    DataSection *data = window.trainingPanel()->dataSection();
    data->setFolderChooser([folder](const QString &) { return folder; });
    QComboBox *source = data->sourceBox();
    source->setCurrentIndex(source->findData(QString::fromLatin1(DataSection::kChooseFolder)));
    emit source->activated(source->currentIndex());
    for (int waited = 0; waited < 60000 && data->folderSummary()->snapshot().folder.isEmpty(); waited += 20)
        QTest::qWait(20);
    window.charts()->clear();
    window.findChild<QDockWidget *>(QStringLiteral("training"))->raise();
    window.trainingPanel()->tabs()->setCurrentIndex(0);
    ImageFolderSummary *summary = data->folderSummary();
    for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
        window.resize(size);
        QTest::qWait(100);
        for (QScrollArea *area : window.trainingPanel()->findChildren<QScrollArea *>())
            if (area->widget() && area->widget()->isAncestorOf(summary))
                area->ensureWidgetVisible(summary, 0, 0);
        shoot(window, QStringLiteral("folder-%1x%2").arg(size.width()).arg(size.height()));
    }
    window.training()->trainAction()->trigger();
    waitForState(window, TrainingController::State::Finished);
    window.tryIt()->tryFile(folder + QStringLiteral("/triangle/triangle000.png"));
    for (int waited = 0; waited < 20000 && window.tryIt()->result().values.empty(); waited += 20)
        QTest::qWait(20);
    for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
        window.resize(size);
        QTest::qWait(100);
        shoot(window, QStringLiteral("try-it-%1x%2").arg(size.width()).arg(size.height()));
    }
    window.resize(1280, 800);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    useTestSettings();
    outputDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QDir().mkpath(outputDir);
    auto window = newWindow();
    window->resize(1280, 800);
    empty(*window);
    spiral(*window);
    shapeError(*window);
    residual(*window);
    search(*window);
    charts(*window);
    trainingPanel(*window);
    training(*window);
    if (argc > 2)  // a folder made by tests/make_picture_folder.py
        pictures(*window, QString::fromLocal8Bit(argv[2]));
    return 0;
}
