// GAN mode in the window (issue 13): Step's three kinds, slow motion, and the GAN images dock (the
// 64 samples from fixed noise and the walk between two noise vectors), all read back from the
// window's own model on the worker thread.
#include "guitest.h"

#include "app/layoutpresets.h"
#include "training/pacecontrol.h"
#include "training/stepkindactions.h"
#include "training/trainingcontroller.h"
#include "views/ganimages/ganimagesview.h"
#include "views/ganimages/pixelimage.h"

#include "datasets/experiment.h"
#include "datasets/imagegrid.h"
#include "nn/gannoise.h"
#include "nn/project.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>

#include <atomic>
#include <cstring>
#include <mutex>

using namespace guitest;

namespace {

constexpr int kTimeoutMs = 30000;

using Values = std::vector<std::vector<float>>;

Values valuesOf(const nn::Model &model)
{
    Values values;
    for (const auto &[name, tensor] : model.weights())
        values.emplace_back(tensor->data(), tensor->data() + tensor->size());
    return values;
}

// What a probe read from the window's model on the worker thread.
struct Reading {
    Values generator, discriminator;
    std::vector<float> outputs;  // G on the noise asked for
};

// Runs a probe on the worker between batches and waits for it: both networks' weights and G's
// output on `noise(G, experiment)`.
Reading readModel(MainWindow &window,
                  std::function<nn::Tensor(const nn::Model &, const datasets::Experiment &)> noise = {})
{
    auto reading = std::make_shared<Reading>();
    auto done = std::make_shared<std::atomic<bool>>(false);
    window.training()->runProbeNow(
        [reading, done, noise](ProbeMoment, const nn::Model &g, const datasets::Experiment &experiment) {
            reading->generator = valuesOf(g);
            reading->discriminator = valuesOf(experiment.discriminator());
            if (noise) {
                const nn::Tensor z = noise(g, experiment);
                nn::Pass pass;
                g.infer(pass, {&z});
                reading->outputs.assign(pass.output().data(), pass.output().data() + pass.output().size());
            }
            *done = true;
        },
        [done] { *done = true; });
    if (!QTest::qWaitFor([&] { return done->load(); }, kTimeoutMs))
        qWarning("the worker did not run the probe");
    QCoreApplication::processEvents();  // snapshots the worker posted before it
    return *reading;
}

void openGan(MainWindow &window, const char *example, double stepsPerSecond = 0.0)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath(example));
    project.training.stepsPerSecond = stepsPerSecond;
    QSignalSpy prepared(window.training(), &TrainingController::prepared);
    window.document()->setProject(project, {});
    QVERIFY2(prepared.wait(kTimeoutMs), qPrintable(window.training()->preparationProblem()));
    QTRY_VERIFY(window.training()->state() == TrainingController::State::Idle);
}

// Triggers `action` and waits for the one batch it trains.
void stepWith(MainWindow &window, QAction *action)
{
    const qint64 before = window.training()->batchesTrained();
    QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.training()->batchesTrained() == before + 1, kTimeoutMs);
    QTRY_VERIFY(window.training()->state() == TrainingController::State::Paused);
}

// Pixel (x, y) of tile `tile` in a grid `columns` wide of tiles w×h, as datasets::imageGrid lays them out.
int tilePixel(const QImage &grid, int columns, int w, int h, int tile, int x, int y)
{
    const int left = 1 + (tile % columns) * (w + 1), top = 1 + (tile / columns) * (h + 1);
    return qGray(grid.pixel(left + x, top + y));
}

// Whether `image`'s tile `tile` shows `samples` (8×8 each) from row `row` under the image mapping.
bool tileShows(const QImage &image, int columns, int tile, const std::vector<float> &samples, int row, QString *why)
{
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            const float value = samples[size_t(row * 64 + y * 8 + x)];
            const int got = tilePixel(image, columns, 8, 8, tile, x, y);
            if (got != datasets::pixelLevel(value)) {
                *why = QStringLiteral("tile %1 pixel (%2, %3): %4, G's output %5 maps to %6")
                           .arg(tile).arg(x).arg(y).arg(got).arg(value).arg(datasets::pixelLevel(value));
                return false;
            }
        }
    return true;
}

} // namespace

class TestGuiGanControl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings(); }

    // Step D only changes D alone, Step G only G alone, and Step one of each; read back from the
    // window's model. Another kind of project shows no step kinds.
    void theStepKindsChangeOnlyTheirNetworks()
    {
        auto window = newWindow();
        openGan(*window, "gan-digits");
        StepKindActions *kinds = window->training()->stepKinds();
        QVERIFY2(kinds->isGan() && kinds->discriminatorOnly()->isVisible() && kinds->generatorOnly()->isVisible(),
                 "a GAN shows Step D Only and Step G Only");
        auto *button = window->findChild<QToolButton *>(QStringLiteral("stepButton"));
        QVERIFY2(button && button->menu() == kinds->menu(), "Step's tool button opens the step kinds");

        const Reading start = readModel(*window);
        stepWith(*window, kinds->discriminatorOnly());
        const Reading afterD = readModel(*window);
        QVERIFY2(afterD.generator == start.generator, "Step D Only changed the generator");
        QVERIFY2(afterD.discriminator != start.discriminator, "Step D Only left the discriminator as it was");

        stepWith(*window, kinds->generatorOnly());
        const Reading afterG = readModel(*window);
        QVERIFY2(afterG.discriminator == afterD.discriminator, "Step G Only changed the discriminator");
        QVERIFY2(afterG.generator != afterD.generator, "Step G Only left the generator as it was");

        stepWith(*window, window->training()->stepAction());
        const Reading afterBoth = readModel(*window);
        QVERIFY2(afterBoth.discriminator != afterG.discriminator && afterBoth.generator != afterG.generator,
                 "Step trains one of each");
        window->training()->stopAction()->trigger();
        QTRY_VERIFY(window->training()->state() == TrainingController::State::Finished);

        openGan(*window, "spiral");
        QVERIFY2(!kinds->discriminatorOnly()->isVisible() && !kinds->generatorOnly()->isVisible() && !button->menu(),
                 "a network that is not a GAN has one kind of step");
    }

    // Slow motion: at 5 steps a second a GAN's steps come 200 ms apart, one at a time.
    void slowMotionSpacesTheSteps()
    {
        auto window = newWindow();
        openGan(*window, "gan-digits");
        auto *pace = window->findChild<PaceControl *>();
        QVERIFY(pace);
        pace->slider()->setValue(PaceControl::notchOf(5.0));
        QCOMPARE(pace->label()->text(), QStringLiteral("5 steps/s · 200 ms apart"));
        TrainingController *training = window->training();
        training->trainAction()->trigger();
        QVector<qint64> times;
        QElapsedTimer clock;
        clock.start();
        qint64 seen = training->batchesTrained();
        while (times.size() < 7 && clock.elapsed() < kTimeoutMs) {
            QTest::qWait(2);
            const qint64 now = training->batchesTrained();
            for (; seen < now; ++seen)
                times.append(clock.elapsed());
        }
        training->stopAction()->trigger();
        QVERIFY2(times.size() >= 7, "the paced run did not train");
        qint64 shortest = std::numeric_limits<qint64>::max();
        for (qsizetype i = 2; i < times.size(); ++i)  // from the second step: the first comes at once
            shortest = std::min(shortest, times[i] - times[i - 1]);
        const double mean = double(times.last() - times[1]) / double(times.size() - 2);
        QVERIFY2(mean >= 170.0 && mean <= 300.0, qPrintable(QStringLiteral("steps %1 ms apart on average").arg(mean)));
        QVERIFY2(shortest >= 80, qPrintable(QStringLiteral("two steps %1 ms apart").arg(shortest)));
    }

    // The grid's pixels are G's output on the fixed noise (layerlab-cli generate's), under the image
    // mapping; it follows training live.
    void theSampleGridShowsGOnTheFixedNoise()
    {
        auto window = newWindow();
        openGan(*window, "gan-digits");
        GanImagesView *view = window->ganImages();
        QTRY_VERIFY_WITH_TIMEOUT(view->showsImages(), kTimeoutMs);
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("ganImages"));
        QVERIFY2(dock && dock->isVisible(), "an image GAN shows the GAN images dock");
        const QImage untrained = view->snapshot().grid;

        TrainingController *training = window->training();
        training->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(training->batchesTrained() >= 30, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(view->snapshot().grid != untrained, kTimeoutMs);  // live, during the run
        training->pauseAction()->trigger();
        QTRY_VERIFY(training->state() == TrainingController::State::Paused);

        training->runProbeNow(view->probe(), [] {});
        const auto fixedNoise = [](const nn::Model &g, const datasets::Experiment &experiment) {
            return nn::ganNoise(g, *experiment.project().gan, GanImagesSnapshot::kGridSamples, GanImagesSnapshot::kGridSeed, 0, 0);
        };
        const Reading reading = readModel(*window, fixedNoise);
        const QImage grid = view->snapshot().grid;
        QCOMPARE(grid.size(), QSize(8 * 9 + 1, 8 * 9 + 1));
        QString why;
        for (int tile = 0; tile < 64; ++tile)
            QVERIFY2(tileShows(grid, 8, tile, reading.outputs, tile, &why), qPrintable(why));
        QCOMPARE(view->gridImage()->image(), grid);
        training->stopAction()->trigger();
    }

    // The walk at t = 0 and t = 1 is G at the two end points; New End draws another end.
    void theWalkEndsAtGOfItsEndPoints()
    {
        auto window = newWindow();
        openGan(*window, "gan-digits");
        GanImagesView *view = window->ganImages();
        QTRY_VERIFY_WITH_TIMEOUT(view->showsImages(), kTimeoutMs);
        TrainingController *training = window->training();
        for (int i = 0; i < 3; ++i)
            stepWith(*window, training->stepAction());

        const auto endPoint = [](uint64_t seed) {
            return [seed](const nn::Model &g, const datasets::Experiment &experiment) {
                return nn::ganNoise(g, *experiment.project().gan, 1, seed, 0, 0);
            };
        };
        QString why;
        for (const int value : {0, 100}) {
            view->slider()->setValue(value);
            QTRY_VERIFY_WITH_TIMEOUT(view->snapshot().request.t == value / 100.0, kTimeoutMs);
            const InterpolationRequest request = view->request();
            const Reading reading = readModel(*window, endPoint(value == 0 ? request.startSeed : request.endSeed));
            QVERIFY2(tileShows(view->snapshot().current, 1, 0, reading.outputs, 0, &why), qPrintable(why));
            const int stop = value == 0 ? 0 : GanImagesSnapshot::kPathSteps - 1;
            QVERIFY2(tileShows(view->snapshot().path, GanImagesSnapshot::kPathSteps, stop, reading.outputs, 0, &why), qPrintable(why));
        }
        const QImage before = view->snapshot().current;
        const uint64_t oldEnd = view->request().endSeed;
        view->newEndButton()->click();
        QVERIFY(view->request().endSeed != oldEnd);
        QTRY_VERIFY_WITH_TIMEOUT(view->snapshot().request.endSeed == view->request().endSeed, kTimeoutMs);
        QVERIFY2(view->snapshot().current != before, "a new end point shows another picture at t = 1");
        training->stopAction()->trigger();
    }

    // A GAN of points and a network that is not a GAN show no GAN images dock, with a reason in the view.
    void otherProjectsShowNoGanImages()
    {
        auto window = newWindow();
        openGan(*window, "gan-digits");
        QTRY_VERIFY_WITH_TIMEOUT(window->ganImages()->showsImages(), kTimeoutMs);
        openGan(*window, "gan-ring");
        QTRY_VERIFY_WITH_TIMEOUT(!window->ganImages()->showsImages(), kTimeoutMs);
        QVERIFY(window->ganImages()->snapshot().message.contains(QStringLiteral("points")));
        QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("ganImages"))->isVisible());
    }
};

QTEST_MAIN(TestGuiGanControl)
#include "test_gui_gancontrol.moc"
