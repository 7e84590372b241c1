// The live views (decision boundary, evaluation, data preview) driven through their probes as
// the training worker would call them, on experiments trained here, checked against the model.
#include "digitsproject.h"
#include "guitest.h"

#include "app/mainwindow.h"
#include "panels/trainingpanel.h"
#include "training/trainingcontroller.h"
#include "views/evaluation/confusionmatrixwidget.h"
#include "views/evaluation/confusionview.h"
#include "views/plots/datasetpreview.h"
#include "views/plots/decisionboundaryview.h"
#include "views/plots/ganlayersview.h"
#include "views/evaluation/imagegallery.h"
#include "views/plots/plotcanvas.h"

#include "datasets/experiment.h"
#include "nn/metrics.h"
#include "nn/project.h"

#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolTip>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <set>

namespace {

nn::Project example(const std::string &name, int epochs)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath(name));
    project.training.epochs = epochs;
    return project;
}

std::unique_ptr<datasets::Experiment> trained(nn::Project project)
{
    auto experiment = std::make_unique<datasets::Experiment>(std::move(project));
    if (experiment->project().training.epochs > 0)
        experiment->makeTrainer()->run();
    return experiment;
}

// Calls the view's probe as the worker would and waits for the snapshot it posts.
template <typename View>
void probe(View &view, datasets::Experiment &experiment, ProbeMoment moment = ProbeMoment::Epoch)
{
    QSignalSpy changed(&view, &View::snapshotChanged);
    view.probe()(moment, experiment.model(), experiment);
    QTRY_COMPARE(changed.count(), 1);
}

// The model's raw outputs for inputs [N, sample…], computed here, independently of the views.
nn::Tensor outputs(nn::Model &model, const nn::Tensor &inputs)
{
    return model.forward(inputs, nn::RunContext{.training = false});
}

std::pair<nn::Tensor, nn::Tensor> wholeSplit(const nn::BatchSource &source)
{
    std::vector<int64_t> indices(static_cast<size_t>(source.size()));
    std::iota(indices.begin(), indices.end(), int64_t{0});
    nn::Tensor x, y;
    source.gather(indices, x, y);
    return {x, y};
}

int argmax(const nn::Tensor &out, int64_t row)
{
    const int64_t k = out.dim(1);
    return static_cast<int>(std::max_element(out.data() + row * k, out.data() + (row + 1) * k) - (out.data() + row * k));
}

// Pictures for a person to look at, when LAYERLAB_VIEW_SHOTS names a folder.
void saveShot(QWidget &widget, const QString &name, QSize size)
{
    const QString folder = qEnvironmentVariable("LAYERLAB_VIEW_SHOTS");
    if (folder.isEmpty())
        return;
    widget.resize(size);
    widget.show();
    QCoreApplication::processEvents();
    widget.grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestGuiViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        guitest::useTestSettings();
        spiral_ = trained(example("spiral", 40));
        digits_ = trained(digitsProject(2));
    }

    void boundaryGridIsTheModelsArgmax()
    {
        DecisionBoundaryView view;
        probe(view, *spiral_);
        const BoundarySnapshot &s = view.snapshot();
        QCOMPARE(s.kind, BoundarySnapshot::Kind::Classes);
        QCOMPARE(s.gridSize, 100);
        QCOMPARE(s.gridClass.size(), size_t{100 * 100});
        const datasets::DataInfo &info = spiral_->data().info;
        const std::vector<std::pair<int, int>> cells = {{0, 0}, {99, 99}, {0, 99}, {50, 50}, {13, 77}, {77, 13}, {42, 8}, {91, 60}};
        nn::Tensor inputs({static_cast<int64_t>(cells.size()), 2});
        for (size_t c = 0; c < cells.size(); ++c) {
            inputs[static_cast<int64_t>(2 * c)] = static_cast<float>(s.gridX[static_cast<size_t>(cells[c].first)]) * info.scale[0] + info.offset[0];
            inputs[static_cast<int64_t>(2 * c + 1)] = static_cast<float>(s.gridY[static_cast<size_t>(cells[c].second)]) * info.scale[1] + info.offset[1];
        }
        const nn::Tensor out = outputs(spiral_->model(), inputs);
        for (size_t c = 0; c < cells.size(); ++c) {
            const auto [i, j] = cells[c];
            QVERIFY2(s.gridClass[static_cast<size_t>(j * 100 + i)] == argmax(out, static_cast<int64_t>(c)),
                     qPrintable(QStringLiteral("grid cell (%1, %2)").arg(i).arg(j)));
        }
    }

    void boundaryOfTheTrainedSpiralHasEveryClassAndAllPoints()
    {
        DecisionBoundaryView view;
        probe(view, *spiral_);
        const BoundarySnapshot &s = view.snapshot();
        const std::set<int> classes(s.gridClass.begin(), s.gridClass.end());
        QCOMPARE(int(classes.size()), spiral_->classes());
        const auto &data = spiral_->data();
        QCOMPARE(int64_t(s.plot.points.size()), data.train->size() + data.validation->size());
        const auto validation = std::count_if(s.plot.points.begin(), s.plot.points.end(), [](const PlotPoint &p) { return p.validation; });
        QCOMPARE(int64_t(validation), data.validation->size());
        QCOMPARE(s.plot.heatMap.size(), QSize(100, 100));
        QCOMPARE(s.plot.xLabel, QStringLiteral("x1"));
        QCOMPARE(s.plot.classNames.size(), 2);
        saveShot(view, QStringLiteral("boundary-spiral"), {420, 420});
    }

    void boundaryStepUpdatesAreThrottled()
    {
        DecisionBoundaryView view;
        QSignalSpy changed(&view, &DecisionBoundaryView::snapshotChanged);
        const ModelProbe probe = view.probe();
        for (int i = 0; i < 5; ++i)
            probe(ProbeMoment::Step, spiral_->model(), *spiral_);
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(50);
        QCOMPARE(changed.count(), 1);
        probe(ProbeMoment::Epoch, spiral_->model(), *spiral_);
        QTRY_COMPARE(changed.count(), 2);
    }

    void sineRegressionShowsTheFittedCurve()
    {
        auto sine = trained(example("sine-regression", 20));
        DecisionBoundaryView view;
        probe(view, *sine);
        const BoundarySnapshot &s = view.snapshot();
        QCOMPARE(s.kind, BoundarySnapshot::Kind::Curve);
        QVERIFY(s.plot.curve.size() >= 100);
        const datasets::DataInfo &info = sine->data().info;
        nn::Tensor inputs({3, 1});
        const std::vector<size_t> at = {0, s.plot.curve.size() / 2, s.plot.curve.size() - 1};
        for (size_t k = 0; k < at.size(); ++k)
            inputs[static_cast<int64_t>(k)] = static_cast<float>(s.plot.curve[at[k]].x()) * info.scale[0] + info.offset[0];
        const nn::Tensor out = outputs(sine->model(), inputs);
        for (size_t k = 0; k < at.size(); ++k)
            QVERIFY2(std::abs(s.plot.curve[at[k]].y() - out[static_cast<int64_t>(k)]) < 1e-4,
                     qPrintable(QStringLiteral("curve point %1: %2, model %3").arg(at[k]).arg(s.plot.curve[at[k]].y()).arg(out[static_cast<int64_t>(k)])));
        QCOMPARE(int64_t(s.plot.points.size()), sine->data().train->size() + sine->data().validation->size());
        saveShot(view, QStringLiteral("boundary-sine"), {420, 320});
    }

    void imageDataExplainsWhyThereIsNoBoundary()
    {
        DecisionBoundaryView view;
        probe(view, *digits_);
        QCOMPARE(view.snapshot().kind, BoundarySnapshot::Kind::Message);
        QVERIFY2(view.message().contains(QStringLiteral("2 input features")) && view.message().contains(QStringLiteral("64")),
                 qPrintable(view.message()));
    }

    void aGanExplainsWhyThereIsNoBoundary()
    {
        // gan-ring's two networks read 2-D points, but neither draws a decision boundary.
        std::unique_ptr<datasets::Experiment> gan = trained(example("gan-ring", 0));
        DecisionBoundaryView view;
        probe(view, *gan);
        QCOMPARE(view.snapshot().kind, BoundarySnapshot::Kind::Message);
        QVERIFY2(view.message().contains(QStringLiteral("A GAN has no decision boundary")), qPrintable(view.message()));
    }

    void confusion_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("spiral") << QStringLiteral("spiral");
        QTest::newRow("iris") << QStringLiteral("iris");
        QTest::newRow("digits") << QStringLiteral("digits");
    }

    void confusion()
    {
        QFETCH(QString, name);
        std::unique_ptr<datasets::Experiment> owned;
        datasets::Experiment *experiment = name == QLatin1String("spiral") ? spiral_.get() : name == QLatin1String("digits") ? digits_.get() : nullptr;
        if (!experiment) {
            owned = trained(example(name.toStdString(), 30));
            experiment = owned.get();
        }
        ConfusionView view;
        probe(view, *experiment, ProbeMoment::Finished);
        const ConfusionSnapshot &s = view.snapshot();
        QCOMPARE(s.kind, ConfusionSnapshot::Kind::Classification);
        QCOMPARE(s.splitName, QStringLiteral("validation"));

        const auto [x, y] = wholeSplit(*experiment->data().validation);
        nn::MetricsAccumulator expected(experiment->classes());
        expected.add(outputs(experiment->model(), x), y);
        const nn::ClassificationMetrics metrics = expected.classification();
        QCOMPARE(view.matrix()->matrix(), metrics.confusion);
        int64_t total = 0;
        for (const auto &row : view.matrix()->matrix())
            total += std::accumulate(row.begin(), row.end(), int64_t{0});
        QCOMPARE(total, experiment->data().validation->size());
        const int classes = experiment->classes();
        QCOMPARE(view.metricsTable()->rowCount(), classes + 2);
        for (int k = 0; k < classes; ++k) {
            QCOMPARE(view.metricsTable()->item(k, 0)->text(), QString::number(metrics.precision[size_t(k)], 'f', 3));
            QCOMPARE(view.metricsTable()->item(k, 1)->text(), QString::number(metrics.recall[size_t(k)], 'f', 3));
            QCOMPARE(view.metricsTable()->item(k, 2)->text(), QString::number(metrics.f1[size_t(k)], 'f', 3));
        }
        QCOMPARE(view.metricsTable()->item(classes, 2)->text(), QString::number(metrics.macroF1, 'f', 3));
        QCOMPARE(view.metricsTable()->item(classes + 1, 2)->text(), QString::number(metrics.accuracy, 'f', 3));
        QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("validation split")));
        if (!experiment->data().info.isImage)
            QCOMPARE(view.gallery()->count(), 0);
        saveShot(view, QStringLiteral("evaluation-") + name, {900, 340});
    }

    void galleryHoldsTheMisclassifiedImages_data()
    {
        QTest::addColumn<int>("epochs");
        QTest::newRow("untrained: more than the cap") << 0;
        QTest::newRow("trained: a few") << 2;
    }

    void galleryHoldsTheMisclassifiedImages()
    {
        QFETCH(int, epochs);
        std::unique_ptr<datasets::Experiment> fresh = epochs == 0 ? trained(digitsProject(0)) : nullptr;
        datasets::Experiment &experiment = fresh ? *fresh : *digits_;
        ConfusionView view;
        probe(view, experiment);

        const auto [x, y] = wholeSplit(*experiment.data().validation);
        const nn::Tensor out = outputs(experiment.model(), x);
        const auto &names = experiment.data().info.classNames;
        QStringList expected;
        for (int64_t n = 0; n < x.dim(0); ++n) {
            const int predicted = argmax(out, n), truth = static_cast<int>(y[n]);
            if (predicted == truth)
                continue;
            double sum = 0.0;
            for (int k = 0; k < 10; ++k)
                sum += std::exp(double(out[n * 10 + k]) - double(out[n * 10 + predicted]));
            expected << QStringLiteral("%1 → %2 (p=%3)")
                            .arg(QString::fromStdString(names[size_t(truth)]), QString::fromStdString(names[size_t(predicted)]))
                            .arg(1.0 / sum, 0, 'f', 2);
        }
        QVERIFY2(!expected.isEmpty(), "the model misclassifies nothing; the gallery test needs errors");
        QCOMPARE(view.snapshot().misclassifiedCount, int64_t(expected.size()));
        QCOMPARE(view.gallery()->captions(), expected.mid(0, kGalleryCap));
        if (epochs == 0)
            QVERIFY(expected.size() > kGalleryCap);
        QCOMPARE(view.gallery()->item(0)->icon().isNull(), false);
        saveShot(view, QStringLiteral("evaluation-digits-") + QString::number(epochs), {1000, 380});
    }

    void clickingACellFiltersTheGallery()
    {
        ConfusionView view;
        view.resize(1000, 400);
        view.show();
        probe(view, *digits_);
        const auto &confusion = view.matrix()->matrix();
        int t = -1, p = -1;
        for (int i = 0; i < int(confusion.size()) && t < 0; ++i)
            for (int j = 0; j < int(confusion.size()); ++j)
                if (i != j && confusion[size_t(i)][size_t(j)] > 0) {
                    t = i, p = j;
                    break;
                }
        QVERIFY2(t >= 0, "no misclassified cell");
        QTest::mouseClick(view.matrix(), Qt::LeftButton, {}, view.matrix()->cellRect(t, p).center());
        const auto &names = view.snapshot().classNames;
        QCOMPARE(view.gallery()->count(), int(std::min<int64_t>(confusion[size_t(t)][size_t(p)], kGalleryCap)));
        for (const QString &caption : view.gallery()->captions())
            QVERIFY2(caption.startsWith(names[t] + QStringLiteral(" → ") + names[p] + QStringLiteral(" (")), qPrintable(caption));
        QTest::mouseClick(view.matrix(), Qt::LeftButton, {}, view.matrix()->cellRect(t, p).center());
        QCOMPARE(view.gallery()->count(), int(std::min<int64_t>(view.snapshot().misclassifiedCount, kGalleryCap)));
    }

    // Ten classes with counts of four digits in cells too small for them: colours only, the count
    // in the hovered cell's tooltip, its row and column outlined; with room, the counts come back.
    void crowdedMatrixIsAHeatMapWithCountsOnHover()
    {
        std::vector<std::vector<int64_t>> confusion(10, std::vector<int64_t>(10, 3));
        QStringList names;
        for (int k = 0; k < 10; ++k) {
            confusion[size_t(k)][size_t(k)] = 1721;
            names << QStringLiteral("class %1").arg(k);
        }
        ConfusionMatrixWidget matrix;
        matrix.setMatrix(confusion, names);
        matrix.resize(300, 300);
        matrix.show();
        QVERIFY(QTest::qWaitForWindowExposed(&matrix));
        QVERIFY2(!matrix.showsCounts(), qPrintable(QStringLiteral("cells of %1 px write four digits").arg(matrix.cellRect(0, 0).width())));
        const QPoint cell = matrix.cellRect(4, 4).center();
        QMouseEvent move(QEvent::MouseMove, cell, matrix.mapToGlobal(cell), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&matrix, &move);
        QCOMPARE(matrix.hoveredCell(), std::make_pair(4, 4));
        QHelpEvent help(QEvent::ToolTip, cell, matrix.mapToGlobal(cell));
        QApplication::sendEvent(&matrix, &help);
        QTRY_VERIFY2(QToolTip::text().contains(QStringLiteral("1721")), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QStringLiteral("class 4")));
        saveShot(matrix, QStringLiteral("matrix-heatmap"), {300, 300});
        matrix.resize(900, 900);
        QVERIFY2(matrix.showsCounts(), qPrintable(QStringLiteral("cells of %1 px").arg(matrix.cellRect(0, 0).width())));
    }

    void galleryCaptionsAreNotCut()
    {
        ImageGallery gallery(56, 2);
        const QString caption = QStringLiteral("T-shirt/top → Pullover (p=0.93)");
        gallery.addImage(QImage(28, 28, QImage::Format_Grayscale8), caption, QStringLiteral("validation sample 7"));
        QVERIFY2(gallery.fits(caption), qPrintable(QStringLiteral("a %1 px cell").arg(gallery.gridSize().width())));
        QCOMPARE(gallery.item(0)->toolTip(), caption + QStringLiteral("\nvalidation sample 7"));
    }

    // Ten classes' metrics with their macro average and accuracy rows, without scrolling, in the
    // room the evaluation has at 1280×800.
    void everyMetricsRowIsShown()
    {
        ConfusionView view;
        view.resize(700, 340);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        probe(view, *digits_);
        QTableWidget *table = view.metricsTable();
        QCOMPARE(table->rowCount(), 12);
        QCoreApplication::processEvents();
        const QRect last = table->visualItemRect(table->item(11, 2));
        QVERIFY2(table->viewport()->rect().contains(last),
                 qPrintable(QStringLiteral("the accuracy row ends at %1 of %2 px").arg(last.bottom()).arg(table->viewport()->height())));
    }

    void regressionShowsErrorAndR2()
    {
        auto sine = trained(example("sine-regression", 10));
        ConfusionView view;
        probe(view, *sine);
        QCOMPARE(view.snapshot().kind, ConfusionSnapshot::Kind::Regression);
        const auto [x, y] = wholeSplit(*sine->data().validation);
        nn::MetricsAccumulator expected(0);
        expected.add(outputs(sine->model(), x), y);
        QVERIFY(std::abs(view.snapshot().regression.r2 - expected.regression().r2) < 1e-9);
        QVERIFY(view.regressionLabel()->text().contains(QString::number(expected.regression().mae, 'g', 4)));
    }

    void previewShowsDigitImagesWithLabels()
    {
        DatasetPreview preview;
        probe(preview, *digits_, ProbeMoment::Prepared);
        QCOMPARE(preview.currentPage(), static_cast<QWidget *>(preview.images()));
        QCOMPARE(preview.images()->count(), 48);
        std::vector<int64_t> first(48);
        std::iota(first.begin(), first.end(), int64_t{0});
        nn::Tensor x, y;
        digits_->data().train->gather(first, x, y);
        for (int n = 0; n < 48; ++n)
            QCOMPARE(preview.images()->item(n)->text(), QString::fromStdString(digits_->data().info.classNames[size_t(y[n])]));
        const auto &data = digits_->data();
        QVERIFY2(preview.summaryLabel()->text().startsWith(QStringLiteral("%1 train · %2 validation · %3 test samples, 64 features, 10 classes")
                                                                .arg(data.train->size()).arg(data.validation->size()).arg(data.test->size())),
                 qPrintable(preview.summaryLabel()->text()));
        saveShot(preview, QStringLiteral("preview-digits"), {300, 380});
    }

    void previewShowsSpiralAsAScatter()
    {
        DatasetPreview preview;
        probe(preview, *spiral_, ProbeMoment::Prepared);
        QCOMPARE(preview.currentPage(), static_cast<QWidget *>(preview.scatter()));
        QCOMPARE(int64_t(preview.scatter()->data().points.size()), spiral_->data().train->size());
        QCOMPARE(preview.scatter()->data().classNames.size(), 2);
        saveShot(preview, QStringLiteral("preview-spiral"), {300, 340});
    }

    void previewShowsIrisAsATable()
    {
        datasets::Experiment iris(example("iris", 0));
        DatasetPreview preview;
        probe(preview, iris, ProbeMoment::Prepared);
        QCOMPARE(preview.currentPage(), static_cast<QWidget *>(preview.table()));
        QCOMPARE(preview.table()->columnCount(), 5);
        QCOMPARE(preview.table()->rowCount(), int(std::min<int64_t>(50, iris.data().train->size())));
        QCOMPARE(preview.table()->horizontalHeaderItem(0)->text(), QStringLiteral("label"));
        QCOMPARE(preview.table()->horizontalHeaderItem(1)->text(), QString::fromStdString(iris.data().info.featureNames[0]));
        std::vector<int64_t> first = {0};
        nn::Tensor x, y;
        iris.data().train->gather(first, x, y);
        QCOMPARE(preview.table()->item(0, 0)->text(), QString::fromStdString(iris.data().info.classNames[size_t(y[0])]));
        const double raw = (x[0] - iris.data().info.offset[0]) / iris.data().info.scale[0];
        QVERIFY2(std::abs(preview.table()->item(0, 1)->text().toDouble() - raw) < 1e-2 * std::abs(raw) + 1e-3,
                 qPrintable(preview.table()->item(0, 1)->text()));
        saveShot(preview, QStringLiteral("preview-iris"), {300, 340});
    }

    void otherMomentsLeaveThePreviewAlone()
    {
        DatasetPreview preview;
        QSignalSpy changed(&preview, &DatasetPreview::snapshotChanged);
        preview.probe()(ProbeMoment::Step, spiral_->model(), *spiral_);
        preview.probe()(ProbeMoment::Epoch, spiral_->model(), *spiral_);
        QTest::qWait(30);
        QCOMPARE(changed.count(), 0);
    }

    void mainWindowDocksTheViews()
    {
        MainWindow window;
        QVERIFY(window.boundaryView() && window.confusionView() && window.datasetPreview());
        auto *boundary = window.findChild<QDockWidget *>(QStringLiteral("boundary"));
        auto *evaluation = window.findChild<QDockWidget *>(QStringLiteral("evaluation"));
        QVERIFY(boundary && evaluation);
        // The boundary's dock also holds a GAN's layered distributions, shown in its place (test_gui_gan).
        QVERIFY(boundary->isAncestorOf(window.boundaryView()) && boundary->isAncestorOf(window.ganLayersView()));
        QVERIFY(window.boundaryView()->isVisibleTo(boundary) && !window.ganLayersView()->isVisibleTo(boundary));
        QCOMPARE(evaluation->widget(), static_cast<QWidget *>(window.confusionView()));
        QVERIFY(window.trainingPanel()->isAncestorOf(window.datasetPreview()));  // under the Data section
        // The window's own new project (an Input alone) does not build: its views say so first.
        QTRY_VERIFY(!window.boundaryView()->message().isEmpty() && window.training()->state() == TrainingController::State::Idle);
        probe(*window.boundaryView(), *spiral_);
        probe(*window.confusionView(), *spiral_);
        saveShot(window, QStringLiteral("window-spiral"), {1280, 800});
    }

private:
    std::unique_ptr<datasets::Experiment> spiral_, digits_;
};

QTEST_MAIN(TestGuiViews)
#include "test_gui_views.moc"
