// The Inside dock's image views: the feature maps of a chosen image and the first convolution's
// sliding kernel, checked against a separate Model::forward of the engine on the same image.
#include "digitsproject.h"
#include "guitest.h"

#include "training/trainingcontroller.h"
#include "views/evaluation/imagegallery.h"
#include "views/inside/featuremapsview.h"
#include "views/inside/featuremaptiles.h"
#include "views/inside/insidepanel.h"
#include "views/inside/kernelcanvas.h"
#include "views/inside/kernelview.h"
#include "views/plots/datasetpreview.h"
#include "views/tryit/probabilitybars.h"
#include "views/tryit/tryitpanel.h"

#include "datasets/experiment.h"
#include "nn/model.h"
#include "nn/project.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <map>
#include <span>

namespace {

// The digits (8×8 grey) through conv1 (4 filters, padding same, ReLU), a max pool, conv2 (linear,
// so its maps go below 0) and a dense layer.
nn::Project digitsCnn()
{
    nn::Project project = digitsProject(1);
    nn::Graph &graph = project.graph;
    const int conv1 = graph.addNode("Conv2D", "conv1"), pool = graph.addNode("MaxPool2D", "pool1"),
              conv2 = graph.addNode("Conv2D", "conv2");
    graph.node(conv1).settings.set("filters", int64_t{4});
    graph.node(conv1).settings.set("padding", std::string("same"));
    graph.node(conv1).settings.set("activation", std::string("relu"));
    graph.node(pool).settings.set("kernel_size", int64_t{2});
    graph.node(conv2).settings.set("filters", int64_t{6});
    const int input = graph.findByName("input")->id, flatten = graph.findByName("flatten")->id;
    graph.disconnect(flatten, 0);
    graph.connect(input, conv1);
    graph.connect(conv1, pool);
    graph.connect(pool, conv2);
    graph.connect(conv2, flatten);
    return project;
}

// shapes-cnn (32×32 RGB) with conv1's geometry changed to `settings`.
nn::Project shapesCnn(const std::vector<std::pair<std::string, nn::SettingValue>> &settings)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("shapes-cnn"));
    project.data.samples = 100;
    nn::Node &conv1 = project.graph.node(project.graph.findByName("conv1")->id);
    for (const auto &[name, value] : settings)
        conv1.settings.set(name, value);
    return project;
}

// Sample `index` of `split` as the model reads it, [1, C, H, W].
nn::Tensor sampleOf(const datasets::Experiment &experiment, const std::string &split, int64_t index)
{
    nn::Tensor x, y;
    experiment.split(split).gather(std::span<const int64_t>(&index, 1), x, y);
    return x;
}

// A separate forward of the engine: every node's output for `input`, by node name.
std::map<std::string, nn::Tensor> forwardOutputs(nn::Model &model, const nn::Tensor &input)
{
    model.forward(input, nn::RunContext{});
    std::map<std::string, nn::Tensor> outputs;
    for (int id : model.graph().topologicalOrder())
        outputs[model.graph().node(id).name] = model.activation(id);
    return outputs;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-5 * (1.0 + std::abs(b));
}

} // namespace

class GuiFeatureMapsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::useTestSettings(); }

    // Every conv and pool layer's maps, as the snapshot holds them and as the view draws them, are
    // the outputs of a separate Model::forward on the same sample; the bars are its probabilities.
    void featureMapsEqualTheLayerOutputsOfAForward()
    {
        datasets::Experiment experiment(digitsCnn());
        const FeatureMapsSnapshot snapshot = computeFeatureMaps({"validation", 7, nullptr, {}}, experiment.model(), experiment);
        QVERIFY2(snapshot.problem.isEmpty(), qPrintable(snapshot.problem));
        QVERIFY(snapshot.imageInput);
        QVERIFY2(snapshot.source.startsWith(QStringLiteral("validation sample 7 · label ")), qPrintable(snapshot.source));
        const auto outputs = forwardOutputs(experiment.model(), sampleOf(experiment, "validation", 7));
        FeatureMapsView view;
        view.resize(900, 500);
        view.setSnapshot(snapshot);
        QCOMPARE(snapshot.layers.size(), size_t(3));
        const char *names[] = {"conv1", "pool1", "conv2"};
        for (size_t i = 0; i < 3; ++i) {
            const FeatureMapLayer &layer = snapshot.layers[i];
            QCOMPARE(layer.name, QString::fromLatin1(names[i]));
            const nn::Tensor &expected = outputs.at(names[i]);  // [1, C, H, W]
            QCOMPARE(layer.maps.shape(), nn::Shape(expected.shape().begin() + 1, expected.shape().end()));
            const float scale = featuremaptiles::colorScale(expected);
            const bool diverging = featuremaptiles::isDiverging(expected);
            QCOMPARE(diverging, i == 2);  // conv2 is linear: values below 0, blue to red
            for (int64_t v = 0; v < expected.size(); ++v) {
                QVERIFY2(layer.maps[v] == expected[v], qPrintable(QStringLiteral("%1 value %2").arg(names[i]).arg(v)));
                const nn::Shape &shape = layer.maps.shape();
                const int64_t c = v / (shape[1] * shape[2]), y = v / shape[2] % shape[1], x = v % shape[2];
                const QPoint pixel = featuremaptiles::pixelOf(shape, view.layerColumns(i), c, y, x);
                QVERIFY2(view.layerImage(i).pixelColor(pixel) == featuremaptiles::colour(expected[v], scale, diverging),
                         qPrintable(QStringLiteral("%1 channel %2 (%3, %4) drawn wrong").arg(names[i]).arg(c).arg(y).arg(x)));
            }
        }
        const nn::Tensor probabilities = experiment.probabilities(outputs.at("output"));
        QCOMPARE(snapshot.values.size(), size_t(probabilities.size()));
        for (int64_t k = 0; k < probabilities.size(); ++k)
            QVERIFY2(near(snapshot.values[size_t(k)], probabilities[k]), qPrintable(QString::number(k)));
        QCOMPARE(view.bars()->rowTexts().size(), 10);
    }

    // A network without an image input says what the tabs need instead of failing.
    void aNetworkWithoutImagesSaysWhatItNeeds()
    {
        datasets::Experiment experiment(nn::loadProject(datasets::resolveProjectPath("spiral")));
        const FeatureMapsSnapshot snapshot = computeFeatureMaps({}, experiment.model(), experiment);
        QVERIFY(!snapshot.imageInput);
        QVERIFY2(snapshot.problem.contains(QStringLiteral("image input")), qPrintable(snapshot.problem));
        datasets::Experiment digits(digitsCnn());
        const FeatureMapsSnapshot missing = computeFeatureMaps({"test", 100000, nullptr, {}}, digits.model(), digits);
        QVERIFY2(missing.problem.contains(QStringLiteral("no sample 100000")), qPrintable(missing.problem));
    }

    // The kernel view's numbers at a position give the first convolution's output there: the
    // products are patch × kernel, their sum over every channel plus the bias, through the
    // activation, is the engine's output value, as the last formula line writes it.
    void kernelNumbersGiveTheConvolutionsOutput_data()
    {
        QTest::addColumn<int>("network");
        QTest::newRow("grey, padding same, relu") << 0;
        QTest::newRow("RGB, stride 2, padding 2, dilation 2, tanh") << 1;
        QTest::newRow("RGB in 3 groups, padding same") << 2;
    }

    void kernelNumbersGiveTheConvolutionsOutput()
    {
        QFETCH(int, network);
        datasets::Experiment experiment(
            network == 0 ? digitsCnn()
            : network == 1
                ? shapesCnn({{"stride", int64_t{2}}, {"padding", std::string("explicit")}, {"padding_size", int64_t{2}},
                             {"dilation", int64_t{2}}, {"activation", std::string("tanh")}})
                : shapesCnn({{"groups", int64_t{3}}, {"filters", int64_t{6}}, {"padding", std::string("same")}}));
        const FeatureMapsSnapshot snapshot = computeFeatureMaps({"train", 3, nullptr, {}}, experiment.model(), experiment);
        QVERIFY2(snapshot.firstConvolution.has_value(), qPrintable(snapshot.problem));
        const nn::Tensor engine = forwardOutputs(experiment.model(), sampleOf(experiment, "train", 3)).at("conv1");
        KernelView view;
        view.setSnapshot(snapshot);
        const int64_t filters = engine.dim(1), height = engine.dim(2), width = engine.dim(3);
        const int64_t channels = snapshot.firstConvolution->channelsPerFilter();
        const int64_t positions[] = {0, width - 1, height * width / 2 + width / 3, height * width - 1};
        for (const int64_t filter : {int64_t{0}, filters - 1})
            for (const int64_t channel : {int64_t{0}, channels - 1})
                for (const int64_t position : positions) {
                    view.setFilter(filter);
                    view.setChannel(channel);
                    view.setPosition(position);
                    const KernelStep &step = view.canvas()->step();
                    const float expected = engine[(filter * height + position / width) * width + position % width];
                    const QString where = QStringLiteral("filter %1 channel %2 position %3").arg(filter).arg(channel).arg(position);
                    QCOMPARE(step.filter, filter);
                    QCOMPARE(step.channel, channel);
                    QVERIFY2(near(step.out, expected), qPrintable(where + QStringLiteral(": %1, engine %2").arg(step.out).arg(expected)));
                    double products = 0.0;
                    for (size_t i = 0; i < step.products.size(); ++i) {
                        QCOMPARE(step.products[i], step.patch[i] * step.kernel[i]);
                        products += step.products[i];
                    }
                    QVERIFY2(near(products, step.channelSum), qPrintable(where));
                    QVERIFY2(channels > 1 || step.sum == step.channelSum, qPrintable(where));
                    QVERIFY2(view.canvas()->formulaLines().last().endsWith(QStringLiteral(" = ") + KernelCanvas::number(expected)),
                             qPrintable(where + QStringLiteral(": ") + view.canvas()->formulaLines().last()));
                }
        QCOMPARE(view.position(), height * width - 1);
        view.stepForward();  // the window starts over at the top left
        QCOMPARE(view.position(), int64_t{0});
    }

    // Padding shows as zeros: at the top left corner of a "same" convolution the window's first row
    // and column lie on the padding.
    void theWindowReadsZerosOnThePadding()
    {
        datasets::Experiment experiment(digitsCnn());
        const FeatureMapsSnapshot snapshot = computeFeatureMaps({"train", 0, nullptr, {}}, experiment.model(), experiment);
        const KernelStep step = kernelStep(*snapshot.firstConvolution, 0, 0, 0, 0);
        QCOMPARE(step.top, int64_t{-1});
        QCOMPARE(step.left, int64_t{-1});
        for (int i = 0; i < 9; ++i) {
            const bool padded = i < 3 || i % 3 == 0;
            QCOMPARE(bool(step.padded[size_t(i)]), padded);
            if (padded)
                QCOMPARE(step.patch[size_t(i)], 0.0f);
        }
    }

    // In the window, clicking an image of the data preview brings the Inside dock's Feature maps
    // tab to the front with that sample's maps, computed on the worker thread; a picture tried in
    // Try it shows there too; Play moves the kernel.
    void clickingAPreviewImageShowsItsFeatureMaps()
    {
        auto window = guitest::newWindow();
        TrainingController *training = window->training();
        QSignalSpy prepared(training, &TrainingController::prepared);
        window->document()->setProject(digitsCnn(), {});
        QVERIFY(prepared.wait(40000));
        auto *preview = window->findChild<DatasetPreview *>();
        QVERIFY(preview);
        QTRY_VERIFY(preview->images()->count() > 5);
        ImageGallery *gallery = preview->images();
        emit gallery->itemClicked(gallery->item(5));
        FeatureMapsView *view = window->insidePanel()->featureMaps();
        QTRY_COMPARE(view->snapshot().source.section(QStringLiteral(" · "), 0, 0), QStringLiteral("train sample 5"));
        QTRY_VERIFY(window->insidePanel()->isVisible());
        QCOMPARE(window->insidePanel()->currentWidget(), static_cast<QWidget *>(view));
        datasets::Experiment experiment(digitsCnn());
        const nn::Tensor expected = forwardOutputs(experiment.model(), sampleOf(experiment, "train", 5)).at("conv1");
        const nn::Tensor &shown = view->snapshot().layers.front().maps;
        QCOMPARE(shown.size(), expected.size());
        for (int64_t v = 0; v < expected.size(); ++v)
            QVERIFY2(near(shown[v], expected[v]), qPrintable(QString::number(v)));
        // Try it's picture goes to the feature maps too, fitted to the Input as predict fits it.
        QImage picture(16, 16, QImage::Format_Grayscale8);
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x)
                picture.setPixel(x, y, qRgb(16 * x, 16 * x, 16 * x));
        window->tryIt()->tryImage(picture, QStringLiteral("ramp.png"));
        QTRY_COMPARE(view->snapshot().source, QStringLiteral("ramp.png"));
        QCOMPARE(view->snapshot().picture.size(), QSize(8, 8));
        // After a few steps of training both show the trained network's probabilities for it.
        training->stepAction()->trigger();
        training->stepAction()->trigger();
        QTRY_VERIFY(!window->tryIt()->result().values.empty());
        QTRY_VERIFY_WITH_TIMEOUT(view->snapshot().values == window->tryIt()->result().values, 20000);
        KernelView *kernel = window->insidePanel()->kernel();
        QTRY_VERIFY(kernel->canvas()->formulaLines().size() == 3);
        kernel->setPlaying(true);
        QTRY_VERIFY(kernel->position() >= 2);
        kernel->setPlaying(false);
    }
};

QTEST_MAIN(GuiFeatureMapsTest)
#include "test_gui_feature_maps.moc"
