// The Optimizer Race window: Training ▸ Optimizer Race… opens it, Start draws curves that update
// and end on the engine's own numbers, the loss surface's centre is the initial model's loss, the
// classic functions' paths are ClassicDescent's, Stop stops, and a project it cannot race says why.
#include "guitest.h"

#include "views/race/classicfunctionsview.h"
#include "views/race/contourplot.h"
#include "views/race/optimizerracedialog.h"
#include "views/race/racecurves.h"
#include "views/race/racesettingrow.h"

#include "datasets/optimizerrace.h"

#include <QLabel>
#include <QLineSeries>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>

namespace {

// The window on the optimizer-race example, and its race window opened from the Training menu.
OptimizerRaceDialog *openRace(MainWindow &window, const QString &example = QStringLiteral("optimizer-race"))
{
    window.openStartupProject(example);
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->text() == QObject::tr("&Training"))
            for (QAction *action : menu->menu()->actions())
                if (action->text() == QObject::tr("Optimizer &Race…")) {
                    action->trigger();
                    return window.findChild<OptimizerRaceDialog *>();
                }
    return nullptr;
}

// Two contestants (SGD 0.05 and Adam 0.01), `epochs` epochs.
void chooseTwo(OptimizerRaceDialog &race, int epochs)
{
    race.row(0)->setSetting(nn::RaceSetting::parse("sgd:0.05"));
    race.row(1)->setSetting(nn::RaceSetting::parse("adam:0.01"));
    race.row(2)->setOn(false);
    race.row(3)->setOn(false);
    race.epochs()->setValue(epochs);
}

} // namespace

class GuiRaceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    // The curves fill while the race goes and end on the losses of single runs with the same settings.
    void raceDrawsCurvesOfSingleRuns()
    {
        auto window = guitest::newWindow();
        OptimizerRaceDialog *race = openRace(*window);
        QVERIFY2(race && race->isVisible(), "Training ▸ Optimizer Race… opened no race window");
        chooseTwo(*race, 4);
        QSignalSpy finished(race, &OptimizerRaceDialog::raceFinished);
        race->start();
        QTRY_VERIFY_WITH_TIMEOUT(race->curves()->epochSeries(1) && race->curves()->epochSeries(1)->count() >= 1, 60000);
        QVERIFY2(race->racing() || finished.count() == 1, "the race ended without finishing");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);  // wait() would miss a signal already given
        QCOMPARE(race->curves()->epochSeries(0)->count(), 4);

        nn::Project project = window->document()->project();
        project.training.epochs = 4;
        datasets::OptimizerRace engine(project, {nn::RaceSetting::parse("sgd:0.05"), nn::RaceSetting::parse("adam:0.01")});
        engine.runToEnd();
        for (int k = 0; k < 2; ++k) {
            const QList<QPointF> shown = race->curves()->epochSeries(k)->points();
            for (int e = 0; e < 4; ++e)
                QVERIFY2(shown[e].y() == engine.run(size_t(k)).epochLosses[size_t(e)],
                         qPrintable(QString("run %1, epoch %2: shown %3, engine %4").arg(k).arg(e + 1).arg(shown[e].y())
                                        .arg(engine.run(size_t(k)).epochLosses[size_t(e)])));
            QCOMPARE(qsizetype(race->curves()->progressSeries(k)->count()), qsizetype(engine.run(size_t(k)).checkpoints.size()));
            QCOMPARE(race->curves()->progressSeries(k)->points().back().x(), double(engine.run(size_t(k)).samples));
        }
        // Spiral data has two features: every run's decision boundary is drawn.
        QVERIFY2(race->snapshot().boundaryProblem.isEmpty(), qPrintable(race->snapshot().boundaryProblem));
        for (const RaceRunSnapshot &run : race->snapshot().runs)
            QVERIFY(run.boundary.kind == BoundarySnapshot::Kind::Classes && !run.boundary.plot.heatMap.isNull());
        QVERIFY2(race->status()->text().contains(QStringLiteral("Finished 4 epochs")), qPrintable(race->status()->text()));
    }

    // The loss surface's centre is the initial model's loss on the probe samples, and every path
    // starts there.
    void surfaceCentreIsTheInitialLoss()
    {
        auto window = guitest::newWindow();
        OptimizerRaceDialog *race = openRace(*window);
        chooseTwo(*race, 2);
        QSignalSpy finished(race, &OptimizerRaceDialog::raceFinished);
        race->start();
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(race->surfaceGrid().size > 0, 10000);

        const nn::SurfaceGrid &grid = race->surfaceGrid();
        datasets::OptimizerRace engine(window->document()->project(), {nn::RaceSetting::parse("sgd:0.05")});
        const double initial = engine.probeLoss(engine.model(0));
        QCOMPARE(grid.at(grid.size / 2, grid.size / 2), initial);
        const ScalarField &field = race->surface()->field();
        QVERIFY(field.values == grid.loss);
        QCOMPARE(field.xMax, grid.halfA);
        QCOMPARE(race->surface()->paths().size(), size_t(2));
        for (const PlanePath &path : race->surface()->paths()) {
            QCOMPARE(path.points.front(), QPointF(0.0, 0.0));
            // The fitted slice frames every path.
            for (const QPointF &point : path.points)
                QVERIFY(std::abs(point.x()) <= grid.halfA && std::abs(point.y()) <= grid.halfB);
        }
    }

    // Stop ends a long race at once; the window says where it stopped.
    void stopStopsTheRace()
    {
        auto window = guitest::newWindow();
        OptimizerRaceDialog *race = openRace(*window);
        chooseTwo(*race, 5000);
        race->start();
        QTRY_VERIFY_WITH_TIMEOUT(race->curves()->epochSeries(0) && race->curves()->epochSeries(0)->count() >= 1, 60000);
        race->stop();
        QVERIFY(!race->racing());
        QTest::qWait(100);  // the race's last snapshot, posted as it stopped
        QVERIFY2(race->status()->text().contains(QStringLiteral("Stopped")), qPrintable(race->status()->text()));
        const int shown = race->curves()->epochSeries(0)->count();
        QTest::qWait(300);
        QCOMPARE(race->curves()->epochSeries(0)->count(), shown);
    }

    // A GAN cannot race: the window says so and what to open instead.
    void ganProjectSaysWhy()
    {
        auto window = guitest::newWindow();
        OptimizerRaceDialog *race = openRace(*window, QStringLiteral("gan-ring"));
        QSignalSpy finished(race, &OptimizerRaceDialog::raceFinished);
        race->start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(race->status()->text().contains(QStringLiteral("is a GAN")), qPrintable(race->status()->text()));
        QVERIFY(!race->racing());
    }

    // The classic functions: each path is ClassicDescent's under the row's setting, revealed step by step.
    void classicPathsAreTheOptimizers()
    {
        auto window = guitest::newWindow();
        OptimizerRaceDialog *race = openRace(*window);
        race->tabs()->setCurrentIndex(2);
        ClassicFunctionsView *classic = race->classic();
        QSignalSpy raced(classic, &ClassicFunctionsView::raced);
        classic->setFunction(QStringLiteral("valley"));
        QVERIFY(raced.wait(10000));
        const std::vector<nn::RaceSetting> settings = classic->settings();
        QCOMPARE(classic->paths().size(), settings.size());
        const nn::ClassicFunction &valley = nn::classicFunction("valley");
        for (size_t k = 0; k < settings.size(); ++k) {
            nn::ClassicDescent descent(valley, settings[k]);
            for (int s = 0; s < valley.steps && !descent.stopped(); ++s)
                descent.step();
            QVERIFY2(classic->paths()[k] == descent.path(), settings[k].label().c_str());
            QCOMPARE(classic->plot()->paths()[k].points.size(), descent.path().size());
        }
        QVERIFY(classic->stepSlider()->value() < classic->stepSlider()->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(classic->stepSlider()->value(), classic->stepSlider()->maximum(), 20000);
    }
};

QTEST_MAIN(GuiRaceTest)
#include "test_gui_race.moc"
