// The Inside dock's views (gradient flow, neuron statistics, filters) fed with TapRecords the engine
// recorded here, checked against the numbers of those records.
#include "digitsproject.h"
#include "guitest.h"

#include "training/trainingcontroller.h"
#include "views/explanation.h"
#include "views/inside/filtergrid.h"
#include "views/inside/filtergridview.h"
#include "views/inside/gradientflowview.h"
#include "views/inside/histogramstrip.h"
#include "views/inside/insidepanel.h"
#include "views/inside/logchartview.h"
#include "views/inside/neurongrid.h"
#include "views/inside/neuronstatsview.h"

#include "datasets/experiment.h"
#include "nn/project.h"
#include "nn/taps.h"
#include "nn/trainer.h"

#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace {

// Keeps every record the trainer hands over.
struct TapCollector : nn::TrainingObserver {
    void tapped(const nn::TapRecord &record) override { records.push_back(record); }
    std::vector<nn::TapRecord> records;
};

// `steps` steps of `project`, each recorded with `request`.
std::vector<nn::TapRecord> recordedSteps(nn::Project project, int steps, const nn::TapRequest &request = {})
{
    datasets::Experiment experiment(std::move(project));
    auto trainer = experiment.makeTrainer();
    TapCollector collector;
    trainer->setObserver(&collector);
    for (int i = 0; i < steps; ++i) {
        trainer->requestTap(request);
        trainer->step();
    }
    return collector.records;
}

nn::Project example(const std::string &name)
{
    return nn::loadProject(datasets::resolveProjectPath(name));
}

// The digits (8×8 grey images, no download) through conv1 (1 input channel: grey tiles) and
// conv2 (3 input channels: colour tiles).
nn::Project digitsConvolutions()
{
    nn::Project project = digitsProject(1);
    nn::Graph &graph = project.graph;
    const int conv1 = graph.addNode("Conv2D", "conv1"), conv2 = graph.addNode("Conv2D", "conv2");
    graph.node(conv1).settings.set("filters", int64_t{3});
    graph.node(conv2).settings.set("filters", int64_t{5});
    for (const int conv : {conv1, conv2}) {
        graph.node(conv).settings.set("kernel_size", int64_t{3});
        graph.node(conv).settings.set("activation", std::string("relu"));
    }
    const int input = graph.findByName("input")->id, flatten = graph.findByName("flatten")->id;
    graph.disconnect(flatten, 0);
    graph.connect(input, conv1);
    graph.connect(conv1, conv2);
    graph.connect(conv2, flatten);
    return project;
}

// What the view must draw for a layer: (step, value) of every record where the value is drawable.
QList<QPointF> expectedPoints(const std::vector<nn::TapRecord> &records, const std::string &node, bool ratio)
{
    QList<QPointF> points;
    for (const nn::TapRecord &record : records)
        for (const nn::NodeTap &tap : record.nodes) {
            if (tap.name != node || (ratio && tap.parameters.empty()))
                continue;
            const double value = ratio ? tap.parameters.front().updateRatio : tap.gradientNorm;
            if (std::isfinite(value) && value > 0.0)
                points.append(QPointF(double(record.step), value));
        }
    return points;
}

void feed(GradientFlowView &view, const std::vector<nn::TapRecord> &records)
{
    for (const nn::TapRecord &record : records)
        view.addRecord(record);
}

} // namespace

class GuiInsideTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    // Each layer's line holds the gradient norms of the taps, step by step, and each Dense layer's
    // the update/weight ratio of its weights; the legend lists the layers in graph order.
    void gradientFlowDrawsTheTapsGradientNormsAndUpdateRatios()
    {
        const auto records = recordedSteps(example("spiral"), 4);
        QCOMPARE(records.size(), size_t(4));
        GradientFlowView view;
        view.resize(900, 400);
        view.show();
        feed(view, records);
        QTRY_VERIFY(!view.gradientChart()->drawnPoints(QStringLiteral("output")).isEmpty());
        QStringList layers;
        for (const nn::NodeTap &node : records.front().nodes) {
            if (node.kind == "Input")
                continue;
            const QString name = QString::fromStdString(node.name);
            layers << name;
            QCOMPARE(view.gradientChart()->drawnPoints(name), expectedPoints(records, node.name, false));
            QCOMPARE(view.ratioChart()->drawnPoints(name), expectedPoints(records, node.name, true));
            QVERIFY2(node.parameters.front().name == "weight", node.name.c_str());
        }
        QCOMPARE(view.legendNames(), layers);
        QCOMPARE(expectedPoints(records, "hidden1", false).size(), qsizetype(4));
        QVERIFY(view.note().isEmpty());
        // The log axis spans every value.
        const QPointF range = view.gradientChart()->valueRange();
        for (const QPointF &p : view.gradientChart()->drawnPoints(QStringLiteral("hidden1")))
            QVERIFY2(range.x() <= p.y() && p.y() <= range.y(), qPrintable(QString::number(p.y())));
    }

    // A value that is not finite (a diverged run) leaves a gap in its layer's line and a note that
    // names the step and the layer; the other values are still drawn.
    void gradientFlowShowsANonFiniteValueAsAGapAndANote()
    {
        auto records = recordedSteps(example("spiral"), 3);
        nn::NodeTap &hidden = records[1].nodes[1];
        hidden.gradientNorm = std::numeric_limits<double>::quiet_NaN();
        hidden.parameters.front().updateRatio = std::numeric_limits<double>::infinity();
        GradientFlowView view;
        view.show();
        feed(view, records);
        const QString name = QString::fromStdString(hidden.name);
        QTRY_COMPARE(view.gradientChart()->drawnPoints(name).size(), qsizetype(2));
        QCOMPARE(view.gradientChart()->drawnPoints(name), expectedPoints(records, hidden.name, false));
        QCOMPARE(view.ratioChart()->drawnPoints(name), expectedPoints(records, hidden.name, true));
        QVERIFY2(view.note().contains(QString::number(records[1].step)) && view.note().contains(name), qPrintable(view.note()));
        view.clear();
        QVERIFY(view.note().isEmpty() && view.gradientChart()->drawnPoints(name).isEmpty());
    }

    // Each layer's columns are the taps' activation summaries, step by step: the histogram's
    // counts and range, the dead and the saturated fractions; the heat map has a column per step.
    void neuronStatsHoldTheTapsHistogramsAndFractions()
    {
        const auto records = recordedSteps(example("spiral"), 5);
        NeuronStatsView view;
        view.resize(900, 500);
        view.show();
        for (const nn::TapRecord &record : records)
            view.addRecord(record);
        for (const nn::NodeTap &node : records.front().nodes) {
            const NeuronHistory::Layer *layer = view.history().layer(QString::fromStdString(node.name));
            if (node.kind == "Input") {
                QVERIFY(!layer);
                continue;
            }
            QVERIFY2(layer && layer->columns.size() == records.size(), node.name.c_str());
            for (size_t i = 0; i < records.size(); ++i) {
                const nn::ActivationSummary &tapped = records[i].nodes[&node - &records.front().nodes.front()].activation;
                const nn::ActivationSummary &held = layer->columns[i].activation;
                QCOMPARE(layer->columns[i].step, records[i].step);
                QVERIFY2(held.histogram == tapped.histogram, node.name.c_str());
                QCOMPARE(held.low, tapped.low);
                QCOMPARE(held.high, tapped.high);
                QCOMPARE(held.zeros, tapped.zeros);
                QVERIFY(held.saturated == tapped.saturated || (std::isnan(held.saturated) && std::isnan(tapped.saturated)));
            }
            QTRY_COMPARE(view.grid()->strip(layer->name).width(), int(records.size()));
        }
        QVERIFY2(std::isfinite(view.history().layer(QStringLiteral("hidden1"))->columns.back().activation.saturated),
                 "a tanh layer's saturation is measured");
    }

    // The heat map's colour at a height is the share of the column's values there: a column whose
    // values all fall in its top bin is darkest in the rows of that bin's interval, white elsewhere.
    void histogramStripShadesTheRowsOfEachBinsInterval()
    {
        NeuronHistory::Column column;
        column.step = 1;
        column.activation.low = -1.0f;
        column.activation.high = 1.0f;
        column.activation.histogram.back() = 40;  // the values in [0.9375, 1]
        const QImage strip = histogramstrip::render({column}, 64);
        QCOMPARE(strip.size(), QSize(1, 64));
        // 64 rows over [-1, 1]: rows 0 and 1 hold [0.9375, 1].
        for (int row = 0; row < 64; ++row)
            QVERIFY2(strip.pixel(0, row) == (row < 2 ? histogramstrip::shade(1.0) : QColor(Qt::white)).rgb(),
                     qPrintable(QStringLiteral("row %1").arg(row)));
        QVERIFY(histogramstrip::shade(1.0).lightness() < 100);
    }

    // The filter grid draws every weight of the chosen Conv2D layer that the tap brought, at its level
    // on the scale symmetric around 0 (s = max |w|): RGB tiles for 3 input channels, grey otherwise.
    void filterGridDrawsEachWeightAtItsLevel_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<bool>("rgb");
        QTest::newRow("conv1: 1 channel, grey") << "conv1" << false;
        QTest::newRow("conv2: 3 channels, colour") << "conv2" << true;
    }

    void filterGridDrawsEachWeightAtItsLevel()
    {
        QFETCH(QString, layer);
        QFETCH(bool, rgb);
        FilterGridView view;
        view.resize(800, 600);
        view.addRecord(recordedSteps(digitsConvolutions(), 1).front());  // lists the layers
        view.selectLayer(layer);
        QCOMPARE(view.selectedLayer(), layer);
        const auto records = recordedSteps(digitsConvolutions(), 2, nn::TapRequest{-1, layer.toStdString()});
        view.addRecord(records.back());
        const nn::Tensor &weight = records.back().weights.front().second;
        QCOMPARE(records.back().weights.front().first, std::string("weight"));
        QCOMPARE(filtergrid::isRgb(weight.shape()), rgb);
        const float scale = weight.array().abs().maxCoeff();
        QCOMPARE(view.colorScale(), scale);
        const QImage &image = view.image();
        QVERIFY(!image.isNull());
        QCOMPARE(image.pixelColor(0, 0), filtergrid::gapColor());
        const nn::Shape &shape = weight.shape();
        int64_t index = 0;
        for (int64_t f = 0; f < shape[0]; ++f)
            for (int64_t c = 0; c < shape[1]; ++c)
                for (int64_t y = 0; y < shape[2]; ++y)
                    for (int64_t x = 0; x < shape[3]; ++x, ++index) {
                        const QRgb pixel = image.pixel(filtergrid::pixelOf(shape, f, c, y, x));
                        const int expected = filtergrid::level(weight[index], scale);
                        const int drawn = !rgb ? qRed(pixel) : c == 0 ? qRed(pixel) : c == 1 ? qGreen(pixel) : qBlue(pixel);
                        QVERIFY2(drawn == expected && (rgb || (qGreen(pixel) == drawn && qBlue(pixel) == drawn)),
                                 qPrintable(QStringLiteral("filter %1 channel %2 (%3, %4): %5, expected %6 for w = %7")
                                                .arg(f).arg(c).arg(y).arg(x).arg(drawn).arg(expected).arg(weight[index])));
                    }
    }

    // The scale is symmetric: 0 is mid-grey, ±s the ends, and twice as large a weight twice as far from the middle.
    void filterLevelsAreSymmetricAroundZero()
    {
        QCOMPARE(filtergrid::level(0.0f, 0.5f), 128);
        QCOMPARE(filtergrid::level(-0.5f, 0.5f), 0);
        QCOMPARE(filtergrid::level(0.5f, 0.5f), 255);
        QCOMPARE(filtergrid::level(0.25f, 0.5f) - 127.5, 127.5 - filtergrid::level(-0.25f, 0.5f));
    }

    // vanishing-gradients: the gradient reaching the first of its ten sigmoid layers is a
    // thousandth of the last one's and less; with ReLU and BatchNorm it is within tenfold.
    void vanishingGradientsExamplesShowTheGapAndItsCure()
    {
        const auto ratio = [](const std::string &name) {
            const nn::TapRecord record = recordedSteps(example(name), 50).back();
            double first = 0.0, last = 0.0;
            for (const nn::NodeTap &node : record.nodes) {
                first = node.name == "hidden1" ? node.gradientNorm : first;
                last = node.name == "hidden10" ? node.gradientNorm : last;
            }
            return first / last;
        };
        const double sigmoid = ratio("vanishing-gradients"), fixed = ratio("vanishing-gradients-fixed");
        QVERIFY2(sigmoid < 1e-3, qPrintable(QString::number(sigmoid)));
        QVERIFY2(fixed > 0.1 && fixed < 10.0, qPrintable(QString::number(fixed)));
    }

    // exploding-gradients diverges within its first epoch; with clip_norm 1 the same start learns.
    void explodingGradientsExampleDivergesUnlessClipped()
    {
        nn::Project project = example("exploding-gradients");
        project.training.epochs = 1;
        QCOMPARE(datasets::Experiment(project).makeTrainer()->run().reason, nn::FinishReport::Reason::Diverged);
        project.training.clipNorm = 1.0;
        project.training.epochs = 40;
        datasets::Experiment clipped(project);
        auto trainer = clipped.makeTrainer();
        QCOMPARE(trainer->run().reason, nn::FinishReport::Reason::Completed);
        const nn::Evaluation evaluation = trainer->evaluate(clipped.split("validation"));
        QVERIFY2(evaluation.classification && evaluation.classification->accuracy > 0.8,
                 qPrintable(QString::number(evaluation.classification ? evaluation.classification->accuracy : -1.0)));
    }

    // In the window, the Inside dock asks for taps while it is shown, draws the records the run
    // sends, and stops asking once it is hidden.
    void insideDockDrawsTheRunsTapsWhileShown()
    {
        auto window = guitest::newWindow();
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("spiral"));
        project.training.stepsPerSecond = 0.0;
        project.training.epochs = 100'000;  // still running after three taps (10 a second), on any machine
        TrainingController *training = window->training();
        QSignalSpy prepared(training, &TrainingController::prepared);
        window->document()->setProject(project, {});
        QVERIFY(prepared.wait(40000));
        QTRY_VERIFY(training->state() == TrainingController::State::Idle);
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("inside"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY(window->insidePanel()->isVisible());
        QVERIFY(window->insidePanel()->request().has_value());
        QSignalSpy tapped(training, &TrainingController::tapsRecorded);
        training->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(tapped.count() >= 3, 40000);
        training->stopAction()->trigger();
        QTRY_VERIFY(!training->isRunActive());
        std::vector<nn::TapRecord> records;
        for (const QList<QVariant> &arguments : tapped)
            records.push_back(arguments.at(0).value<nn::TapRecord>());
        GradientFlowView *view = window->insidePanel()->gradientFlow();
        QTRY_COMPARE(view->gradientChart()->drawnPoints(QStringLiteral("output")), expectedPoints(records, "output", false));
        QCOMPARE(view->ratioChart()->drawnPoints(QStringLiteral("hidden1")), expectedPoints(records, "hidden1", true));
        dock->hide();
        QVERIFY(!window->insidePanel()->request().has_value());
    }

    // Its heading folds a view's paragraph away and back; a new one with the same key (the next
    // window) starts as the user left it, whatever its default.
    void anExplanationFoldsAndRemembersIt()
    {
        const QString paragraph = QStringLiteral("One line per layer.");
        QSettings().remove(QStringLiteral("explanations"));  // a run before this one left its choices
        {
            Explanation first(QStringLiteral("test-fold"), paragraph);
            QVERIFY(!first.isFolded());
            QVERIFY(first.text().contains(paragraph) && first.text().contains(QStringLiteral("What am I looking at?")));
            emit first.linkActivated(QStringLiteral("fold"));
            QVERIFY(first.isFolded());
            QVERIFY(!first.text().contains(paragraph));
            QVERIFY(first.text().contains(QStringLiteral("What am I looking at?")));
        }
        Explanation second(QStringLiteral("test-fold"), paragraph);
        QVERIFY(second.isFolded());
        emit second.linkActivated(QStringLiteral("fold"));
        QVERIFY(second.text().contains(paragraph));
        Explanation third(QStringLiteral("test-fold"), paragraph, true);
        QVERIFY2(!third.isFolded(), "the user's choice outranks the default");
        Explanation untouched(QStringLiteral("test-untouched"), paragraph, true);
        QVERIFY(untouched.isFolded());
    }
};

QTEST_MAIN(GuiInsideTest)
#include "test_gui_inside.moc"
