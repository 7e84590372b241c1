// A GAN's window views as a specification: driven by a run from the Train action, the layered
// distributions show the data, G's output on the fixed noise, D's verdict and G's gradient exactly
// as the engine computes them, each layer switches on and off, and the charts draw the energy
// distance the engine measured.
#include "guitest.h"

#include "training/trainingcontroller.h"
#include "views/charts/distancechartview.h"
#include "views/charts/trainingcharts.h"
#include "views/plots/ganlayersview.h"

#include "datasets/experiment.h"
#include "nn/adversarialloss.h"
#include "nn/model.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStackedWidget>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

using namespace guitest;

namespace {

constexpr int kGanRunTimeoutMs = 40000;

nn::Project ganRing(int epochs)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("gan-ring"));
    project.training.epochs = epochs;
    project.training.stepsPerSecond = 0.0;
    return project;
}

// Runs `work` on the training worker's thread with the model as it is now, and waits for it.
void onWorker(TrainingController &training, const std::function<void(const nn::Model &, const datasets::Experiment &)> &work)
{
    std::atomic<bool> done{false};
    training.runProbeNow([&](ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
        work(model, experiment);
        done = true;
    }, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), kGanRunTimeoutMs);
}

// D's outputs for points [N, 2] in the model's units.
nn::Tensor discriminate(const nn::Model &discriminator, const nn::Tensor &points)
{
    nn::Pass pass;
    discriminator.infer(pass, {&points});
    return pass.output();
}

// G's loss on one sample x alone, as the adversarial step computes it.
double generatorLossAt(const nn::Model &discriminator, const nn::AdversarialLoss &loss, double x, double y)
{
    const nn::Tensor point({1, 2}, {float(x), float(y)});
    nn::Tensor dOut;
    return loss.generator(discriminate(discriminator, point), dOut);
}

// What the view showed, set against what the model computes (on the worker, from the model itself).
struct LayerErrors {
    double real = 0.0, fake = 0.0, verdict = 0.0, manifoldCorner = 0.0;
    int arrows = 0, arrowsMatching = 0;
    QString worstArrow;
};

LayerErrors compare(const GanLayersSnapshot &s, const nn::Model &generator, const datasets::Experiment &experiment)
{
    LayerErrors errors;
    const nn::Model &discriminator = experiment.discriminator();
    std::vector<int64_t> first(s.real.size());
    std::iota(first.begin(), first.end(), int64_t{0});
    nn::Tensor real, targets;
    experiment.data().train->gather(first, real, targets);  // gan-ring is not scaled: model units are the data's
    for (size_t k = 0; k < s.real.size(); ++k)
        errors.real = std::max({errors.real, std::abs(s.real[k].x() - real[2 * int64_t(k)]),
                                std::abs(s.real[k].y() - real[2 * int64_t(k) + 1])});
    nn::Tensor z({int64_t(s.fake.size()), int64_t(s.noiseSize)});
    std::copy(s.noise.begin(), s.noise.end(), z.data());
    nn::Pass pass;
    generator.infer(pass, {&z});
    for (size_t k = 0; k < s.fake.size(); ++k)
        errors.fake = std::max({errors.fake, std::abs(s.fake[k].x() - pass.output()[2 * int64_t(k)]),
                                std::abs(s.fake[k].y() - pass.output()[2 * int64_t(k) + 1])});
    nn::Tensor cells({int64_t(s.gridSize) * s.gridSize, 2});
    for (int j = 0; j < s.gridSize; ++j)
        for (int i = 0; i < s.gridSize; ++i) {
            cells[2 * (j * s.gridSize + i)] = float(s.gridX[size_t(i)]);
            cells[2 * (j * s.gridSize + i) + 1] = float(s.gridY[size_t(j)]);
        }
    const nn::Tensor scores = discriminate(discriminator, cells);
    for (int64_t k = 0; k < scores.size(); ++k)
        errors.verdict = std::max(errors.verdict, std::abs(s.verdict[size_t(k)] - 1.0 / (1.0 + std::exp(-double(scores[k])))));
    const nn::Tensor corner({1, 2}, {-1.0f, -1.0f});  // uniform noise: the mesh's first vertex is z = (−1, −1)
    generator.infer(pass, {&corner});
    errors.manifoldCorner = std::max(std::abs(s.manifold[0].x() - pass.output()[0]), std::abs(s.manifold[0].y() - pass.output()[1]));
    // −∂ℓ/∂x by central differences of G's loss on each sample alone: D is piecewise linear (leaky ReLU),
    // so a difference straddling a kink may differ; nearly all must agree.
    const nn::AdversarialLoss loss(experiment.project().gan->loss, experiment.project().gan->labelSmoothing);
    constexpr double h = 1e-3;
    double worst = -1.0;
    for (size_t k = 0; k < s.fake.size(); ++k) {
        const double x = s.fake[k].x(), y = s.fake[k].y();
        const double gx = -(generatorLossAt(discriminator, loss, x + h, y) - generatorLossAt(discriminator, loss, x - h, y)) / (2 * h);
        const double gy = -(generatorLossAt(discriminator, loss, x, y + h) - generatorLossAt(discriminator, loss, x, y - h)) / (2 * h);
        const double error = std::hypot(gx - s.push[k].x(), gy - s.push[k].y());
        const bool matches = error <= 2e-3 + 2e-2 * std::hypot(gx, gy);
        ++errors.arrows;
        errors.arrowsMatching += matches ? 1 : 0;
        if (error > worst) {
            worst = error;
            errors.worstArrow = QStringLiteral("arrow %1: view (%2, %3), differences (%4, %5)")
                                    .arg(k).arg(s.push[k].x()).arg(s.push[k].y()).arg(gx).arg(gy);
        }
    }
    return errors;
}

} // namespace

class GanViewsTest : public QObject {
    Q_OBJECT

    // One window that trained gan-ring from its Train action; the checks below read it.
    std::unique_ptr<MainWindow> window_;
    QList<EpochPoint> epochs_;
    std::vector<QPointF> untrained_;
    int picturesDuringRun_ = 0;

private slots:
    void initTestCase()
    {
        useTestSettings();
        window_ = newWindow();
        TrainingController *training = window_->training();
        GanLayersView *view = window_->ganLayersView();
        QSignalSpy prepared(training, &TrainingController::prepared);
        window_->document()->setProject(ganRing(30), {});
        QVERIFY2(prepared.wait(kGanRunTimeoutMs), qPrintable(training->preparationProblem()));
        QTRY_VERIFY(view->applies());
        untrained_ = view->snapshot().fake;
        QSignalSpy pictures(view, &GanLayersView::snapshotChanged);
        QSignalSpy epochs(training, &TrainingController::epochReported);
        QSignalSpy finished(training, &TrainingController::finished);
        training->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kGanRunTimeoutMs);
        picturesDuringRun_ = int(pictures.count());
        for (const QList<QVariant> &epoch : epochs)
            epochs_.append(epoch.at(0).value<EpochPoint>());
    }

    void theDockShowsTheLayersInTheDecisionBoundarysPlace()
    {
        auto *dock = window_->findChild<QDockWidget *>(QStringLiteral("boundary"));
        QVERIFY(dock);
        QVERIFY(qobject_cast<QStackedWidget *>(dock->widget())->currentWidget() == static_cast<QWidget *>(window_->ganLayersView()));
        QVERIFY2(dock->windowTitle().contains(QStringLiteral("GAN")), qPrintable(dock->windowTitle()));
        QVERIFY(window_->ganLayersView()->explanation().contains(QStringLiteral("What am I looking at")));
    }

    void theLayersFollowTheRun()
    {
        QVERIFY2(picturesDuringRun_ >= 2, "the view drew fewer than two pictures during the run");
        QVERIFY2(window_->ganLayersView()->snapshot().fake != untrained_, "the generated points did not move");
    }

    void eachLayerShowsWhatTheModelComputes()
    {
        TrainingController *training = window_->training();
        GanLayersView *view = window_->ganLayersView();
        // A fresh picture of the final weights, then the same numbers from the model itself.
        QSignalSpy fresh(view, &GanLayersView::snapshotChanged);
        onWorker(*training, [probe = view->probe()](const nn::Model &model, const datasets::Experiment &experiment) {
            probe(ProbeMoment::Finished, model, experiment);
        });
        QTRY_VERIFY(!fresh.isEmpty());
        const GanLayersSnapshot shown = view->snapshot();
        QCOMPARE(shown.kind, GanLayersSnapshot::Kind::Layers);
        QCOMPARE(int(shown.real.size()), kGanRealPoints);
        QCOMPARE(int(shown.fake.size()), kGanFakePoints);
        QCOMPARE(shown.push.size(), shown.fake.size());
        QCOMPARE(int(shown.manifold.size()), (kGanManifoldCells + 1) * (kGanManifoldCells + 1));
        LayerErrors errors;
        onWorker(*training, [&](const nn::Model &model, const datasets::Experiment &experiment) {
            errors = compare(shown, model, experiment);
        });
        QVERIFY2(errors.real == 0.0, qPrintable(QStringLiteral("real points differ by %1").arg(errors.real)));
        QVERIFY2(errors.fake <= 1e-5, qPrintable(QStringLiteral("generated points differ by %1").arg(errors.fake)));
        QVERIFY2(errors.verdict <= 1e-6, qPrintable(QStringLiteral("D's verdict differs by %1").arg(errors.verdict)));
        QVERIFY2(errors.manifoldCorner <= 1e-5, qPrintable(QStringLiteral("the mesh differs by %1").arg(errors.manifoldCorner)));
        QVERIFY2(errors.arrowsMatching >= errors.arrows * 95 / 100,
                 qPrintable(QStringLiteral("%1 of %2 arrows match the loss's differences; worst %3")
                                .arg(errors.arrowsMatching).arg(errors.arrows).arg(errors.worstArrow)));
    }

    void eachLayerSwitchesOnAndOff()
    {
        GanLayersView *view = window_->ganLayersView();
        GanLayersCanvas *canvas = view->canvas();
        canvas->resize(400, 400);  // a size of its own, whether or not the layout shows the dock
        for (int k = 0; k < GanLayersCanvas::kLayers; ++k) {
            const auto layer = static_cast<GanLayersCanvas::Layer>(k);
            QCheckBox *box = view->layerBox(layer);
            QVERIFY(box && box->isChecked() && canvas->isLayerShown(layer));
            const QImage before = canvas->grab().toImage();
            box->click();
            QVERIFY(!canvas->isLayerShown(layer));
            QVERIFY2(canvas->grab().toImage() != before, qPrintable(box->text() + QStringLiteral(" changed nothing")));
            box->click();
            QVERIFY(canvas->isLayerShown(layer));
            QCOMPARE(canvas->grab().toImage(), before);
        }
    }

    void theChartsDrawTheEnergyDistanceTheEngineMeasured()
    {
        TrainingCharts *charts = window_->charts();
        charts->refresh();
        QVERIFY(charts->isDistanceShown());
        QCOMPARE(epochs_.size(), 30);
        QLineSeries *line = charts->distanceView()->distanceSeries();
        QCOMPARE(line->count(), int(epochs_.size()));
        for (int k = 0; k < line->count(); ++k) {
            const double distance = DistanceChartView::distanceOf(epochs_[k]);
            QCOMPARE(line->at(k), QPointF(epochs_[k].epoch, distance));
            QVERIFY2(distance >= 0.0, "an energy distance is never negative");
        }
    }

    void aLargerNoiseIsShownAsASliceThroughItsFirstTwoNumbers()
    {
        nn::Project project = ganRing(0);
        const nn::Node *noise = project.graph.findByName("noise");
        QVERIFY(noise);
        project.graph.node(noise->id).settings.set("shape", std::vector<int64_t>{4});
        datasets::Experiment experiment(project);
        const GanLayersSnapshot s = computeGanLayers(experiment.model(), experiment);
        QCOMPARE(s.noiseSize, 4);
        QVERIFY2(s.manifoldNote.contains(QStringLiteral("4 numbers")) && s.manifoldNote.contains(QStringLiteral("slice")),
                 qPrintable(s.manifoldNote));
        const nn::Tensor corner({1, 4}, {-1.0f, -1.0f, 0.0f, 0.0f});  // the mesh's first vertex
        nn::Pass pass;
        experiment.model().infer(pass, {&corner});
        // One row against 441: the products may round differently.
        QVERIFY2(std::abs(s.manifold[0].x() - pass.output()[0]) <= 1e-5 && std::abs(s.manifold[0].y() - pass.output()[1]) <= 1e-5,
                 "the mesh's first vertex is not G(−1, −1, 0, 0)");
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(GanViewsTest)
#include "test_gui_gan.moc"
