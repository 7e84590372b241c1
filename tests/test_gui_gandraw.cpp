// "Draw your own" as a specification: in a GAN project the data list offers the drawn set; a drag
// on the layered-distributions plot paints real points along it as one undoable step, Clear and
// Start from Ring are steps too; the saved file holds the points as layerlab-cli reads them, and
// a run trains on them, with painting held while it goes.
#include "guitest.h"

#include "panels/datasection.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/plots/gandrawing.h"
#include "views/plots/ganlayersview.h"

#include "datasets/datasets.h"
#include "datasets/drawnset.h"
#include "datasets/experiment.h"
#include "nn/project.h"

#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace guitest;

namespace {

constexpr int kRunTimeoutMs = 40000;

nn::Project ganRing()
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
    project.training.epochs = 3;
    project.training.stepsPerSecond = 0.0;
    project.data.samples = 400;
    return project;
}

// Presses at `from`, drags in `steps` moves to `to` and releases there, in the plane's units.
void dragOnPlot(GanLayersCanvas *canvas, QPointF from, QPointF to, int steps = 8)
{
    QTest::mousePress(canvas, Qt::LeftButton, {}, canvas->toWidget(from).toPoint());
    for (int k = 1; k <= steps; ++k)
        QTest::mouseMove(canvas, canvas->toWidget(from + (to - from) * k / double(steps)).toPoint());
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, canvas->toWidget(to).toPoint());
}

// How far `p` lies from the segment a–b.
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double t = std::clamp(QPointF::dotProduct(p - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

int drawnRow(const MainWindow &window)
{
    return window.trainingPanel()->dataSection()->sourceBox()->findData(QString::fromLatin1(datasets::DrawnSet::kName));
}

bool drawnEntryEnabled(const MainWindow &window)
{
    const auto *model = qobject_cast<QStandardItemModel *>(window.trainingPanel()->dataSection()->sourceBox()->model());
    return model->item(drawnRow(window))->isEnabled();
}

} // namespace

class GanDrawTest : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;
    QTemporaryDir dir_;

    GanLayersView *view() const { return window_->ganLayersView(); }
    GanLayersCanvas *canvas() const { return view()->canvas(); }
    const nn::DataSpec &data() const { return window_->document()->project().data; }
    QUndoStack *undo() const { return window_->document()->undoStack(); }

private slots:
    void initTestCase()
    {
        useTestSettings();
        window_ = newWindow();
        QSignalSpy prepared(window_->training(), &TrainingController::prepared);
        window_->document()->setProject(ganRing(), {});
        QVERIFY2(prepared.wait(kRunTimeoutMs), qPrintable(window_->training()->preparationProblem()));
        auto *dock = window_->findChild<QDockWidget *>(QStringLiteral("boundary"));
        QVERIFY(dock);
        dock->show();  // whatever the layout, the plot is on screen to be drawn on
        dock->raise();
        QTest::qWait(50);
    }

    void theDataListOffersDrawingToAGanOnly()
    {
        QVERIFY2(drawnRow(*window_) >= 0, "the data list has no Draw your own");
        QVERIFY2(drawnEntryEnabled(*window_), "Draw your own is disabled in a GAN project");
        QVERIFY(!canvas()->isDrawing());
        auto other = newWindow();  // the default project: a classifier, no GAN
        QVERIFY2(!drawnEntryEnabled(*other), "Draw your own is enabled for a network that is not a GAN");
    }

    void choosingItShowsAnEmptyPlotWithAHint()
    {
        QComboBox *source = window_->trainingPanel()->dataSection()->sourceBox();
        const int steps = undo()->count();
        source->setCurrentIndex(drawnRow(*window_));
        emit source->activated(drawnRow(*window_));
        QCOMPARE(data().source, std::string("drawn"));
        QVERIFY(data().points.empty());
        QCOMPARE(undo()->count(), steps + 1);
        QVERIFY(canvas()->isDrawing() && canvas()->isDrawingEnabled());
        QVERIFY(view()->applies());
        auto *stack = qobject_cast<QStackedWidget *>(window_->findChild<QDockWidget *>(QStringLiteral("boundary"))->widget());
        QVERIFY(stack->currentWidget() == static_cast<QWidget *>(view()));
        QVERIFY2(canvas()->drawingHint().startsWith("Drag on the plot to paint real points"), qPrintable(canvas()->drawingHint()));
        QVERIFY2(canvas()->drawingHint().contains("0 of at least 10"), qPrintable(canvas()->drawingHint()));
        // Too few points to prepare: the problem says how to add more, and the plot keeps drawing.
        QTRY_VERIFY2_WITH_TIMEOUT(window_->training()->preparationProblem().contains("Drag on the GAN plot to paint more"),
                                  qPrintable(window_->training()->preparationProblem()), kRunTimeoutMs);
        QVERIFY(view()->applies());
        QVERIFY(view()->clearButton()->isVisible() && view()->ringButton()->isVisible());
    }

    void aDragPaintsPointsAlongItAsOneStep()
    {
        QVERIFY2(canvas()->width() >= 180, qPrintable(QString("the plot is %1 px wide").arg(canvas()->width())));
        const int steps = undo()->count();
        const QPointF from(-2.0, -1.0), to(2.5, 1.5);
        dragOnPlot(canvas(), from, to);
        QCOMPARE(undo()->count(), steps + 1);
        QCOMPARE(undo()->text(undo()->count() - 1), QString("Paint %1 points").arg(data().points.size()));
        const auto points = data().points;  // a copy: the second stroke below changes the document's
        // A dab every 3% of the plane's width (8 units): about 19 dabs of 3 points along 5.1 units.
        QVERIFY2(points.size() >= 45 && points.size() <= 70, qPrintable(QString("%1 points painted").arg(points.size())));
        QCOMPARE(points.size() % GanBrush::kPointsPerDab, size_t(0));
        for (const auto &[x, y] : points)
            QVERIFY2(distanceToSegment({x, y}, from, to) < 0.5,
                     qPrintable(QString("(%1, %2) lies %3 from the drag").arg(x).arg(y).arg(distanceToSegment({x, y}, from, to))));
        QCOMPARE(canvas()->drawnPoints().size(), points.size());
        QCOMPARE(canvas()->drawingHint(), QString("Drag on the plot to paint real points"));
        // A second stroke adds its own step.
        dragOnPlot(canvas(), {-3.0, 2.0}, {-3.0, 3.0}, 3);
        QCOMPARE(undo()->count(), steps + 2);
        QVERIFY(data().points.size() > points.size());
    }

    void undoRemovesTheStrokeAndRedoRestoresIt()
    {
        const auto painted = data().points;
        undo()->undo();
        QVERIFY(data().points.size() < painted.size());
        QCOMPARE(canvas()->drawnPoints().size(), data().points.size());
        undo()->redo();
        QVERIFY2(data().points == painted, "redo did not give back the same points");
        QCOMPARE(canvas()->drawnPoints().size(), painted.size());
    }

    void theSavedFileHoldsThePointsAsTheCliReadsThem()
    {
        const QString path = dir_.filePath("drawn.layerlab.json");
        QCOMPARE(window_->files()->write(path), QString());
        const nn::Project saved = nn::loadProject(path.toStdString());
        QVERIFY2(saved.data.points == data().points, "the file holds other points");
        QCOMPARE(saved.data.source, std::string("drawn"));
        const datasets::LoadedData loaded = datasets::load(saved.data, saved.training.seed);  // as layerlab-cli reads it
        QCOMPARE(loaded.train->size(), saved.data.samples);
    }

    void trainingRunsOnThePointsAndHoldsPainting()
    {
        TrainingController *training = window_->training();
        QSignalSpy prepared(training, &TrainingController::prepared);
        QTRY_VERIFY_WITH_TIMEOUT(training->preparationProblem().isEmpty() && training->state() != TrainingController::State::Preparing,
                                 kRunTimeoutMs);
        // The layers of the drawn data: every real sample near a drawn point (noise 0.1).
        QTRY_VERIFY_WITH_TIMEOUT(view()->snapshot().kind == GanLayersSnapshot::Kind::Layers, kRunTimeoutMs);
        for (const QPointF &real : view()->snapshot().real) {
            double nearest = 1e9;
            for (const auto &[x, y] : data().points)
                nearest = std::min(nearest, std::hypot(real.x() - x, real.y() - y));
            QVERIFY2(nearest < 0.6, qPrintable(QString("a real sample at (%1, %2) is %3 from every drawn point")
                                                   .arg(real.x()).arg(real.y()).arg(nearest)));
        }
        QVERIFY(view()->snapshot().xMin <= -kGanDrawnHalfWidth && view()->snapshot().xMax >= kGanDrawnHalfWidth);

        nn::TrainingConfig slow = window_->document()->project().training;
        slow.stepsPerSecond = 20.0;  // a run that lasts while the test paints
        slow.epochs = 1000;
        window_->document()->setTraining(slow);
        QSignalSpy finished(training, &TrainingController::finished);
        QSignalSpy epochs(training, &TrainingController::epochReported);
        training->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(training->isRunActive(), kRunTimeoutMs);
        QVERIFY(!canvas()->isDrawingEnabled());
        QCOMPARE(canvas()->drawingHint(), QString("Stop training to draw"));
        QVERIFY(!view()->clearButton()->isEnabled());
        const auto before = data().points;
        dragOnPlot(canvas(), {0.0, 0.0}, {1.0, -1.0});
        QVERIFY2(data().points == before, "a drag during the run changed the drawing");
        QTRY_VERIFY_WITH_TIMEOUT(!epochs.isEmpty(), kRunTimeoutMs);
        training->stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kRunTimeoutMs);
        QTRY_VERIFY(canvas()->isDrawingEnabled());
        QCOMPARE(canvas()->drawingHint(), QString("Drag on the plot to paint real points"));
    }

    void clearAndStartFromRingAreStepsToo()
    {
        const auto painted = data().points;
        const int steps = undo()->count();
        view()->clearButton()->click();
        QVERIFY(data().points.empty());
        QVERIFY(!window_->document()->project().data.toJson().contains("points"));
        QVERIFY2(canvas()->drawingHint().contains("0 of at least 10"), qPrintable(canvas()->drawingHint()));
        view()->ringButton()->click();
        QCOMPARE(data().points.size(), size_t(64));
        for (const auto &[x, y] : data().points)  // 8 Gaussians on a circle of radius 2, σ 0.15
            QVERIFY2(std::abs(std::hypot(x, y) - 2.0) < 0.8, qPrintable(QString("(%1, %2) is off the ring").arg(x).arg(y)));
        QCOMPARE(undo()->count(), steps + 2);
        undo()->undo();
        undo()->undo();
        QVERIFY2(data().points == painted, "undoing Clear did not give back the drawing");
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(GanDrawTest)
#include "test_gui_gandraw.moc"
