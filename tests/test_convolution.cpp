// Conv2D and ConvTranspose2D beyond the PyTorch fixtures: shape arithmetic and messages, sums over
// many sample chunks (im2col and Winograd) against a direct double-precision loop, which
// convolutions take Winograd's route, and bitwise thread-count determinism; and MaxPool2D's NaN and
// tie rules.
#include "errormessage.h"
#include "gradcheck.h"
#include "layerrun.h"
#include "nn/layers/winograd.h"
#include "nn/registry.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <cstring>

namespace {

using gradcheck::randomTensor;
using layerrun::bitwiseEqual;
using layerrun::run;

std::unique_ptr<nn::Layer> makeLayer(const std::string &kind, const nlohmann::json &settings, const nn::Shape &input)
{
    const auto &registry = nn::layerRegistry();
    auto layer = registry.create(kind, nn::Settings::fromJson(registry.spec(kind), settings));
    nn::Rng rng(1);
    nn::Shape symbolic = input;
    symbolic[0] = nn::kBatch;
    layer->build({symbolic}, rng);
    if (layer->parameters().size() > 1)  // a non-zero bias, so a missed bias term shows
        layer->parameters()[1]->value = randomTensor(layer->parameters()[1]->value.shape(), 2);
    return layer;
}

nn::Shape shapeOf(const std::string &kind, const nlohmann::json &settings, const nn::Shape &input)
{
    const auto &registry = nn::layerRegistry();
    return registry.create(kind, nn::Settings::fromJson(registry.spec(kind), settings))->inferShape({input});
}

std::string shapeErrorOf(const std::string &kind, const nlohmann::json &settings, const nn::Shape &input)
{
    return errorMessage([&] { shapeOf(kind, settings, input); });
}

// One multiply-add of a convolution: output[o] += weight[k] · input[i].
struct Tap {
    int64_t output, weight, input;
};

// Calls visit(tap) for every tap of a linear Conv2D (transposed = false) or ConvTranspose2D, written
// out index by index.
template <typename Visit>
void forEachTap(bool transposed, const nn::Shape &in, const nn::Shape &out, int64_t kernel, int64_t stride,
                int64_t padBegin, int64_t dilation, int64_t groups, const Visit &visit)
{
    // The convolution's "image" side is the input for Conv2D and the output for ConvTranspose2D.
    const nn::Shape &image = transposed ? out : in, &grid = transposed ? in : out;
    const int64_t imageGroup = image[1] / groups, gridGroup = grid[1] / groups;
    for (int64_t n = 0; n < in[0]; ++n)
        for (int64_t g = 0; g < groups; ++g)
            for (int64_t gc = 0; gc < gridGroup; ++gc)
                for (int64_t ic = 0; ic < imageGroup; ++ic)
                    for (int64_t oh = 0; oh < grid[2]; ++oh)
                        for (int64_t ow = 0; ow < grid[3]; ++ow)
                            for (int64_t ki = 0; ki < kernel; ++ki)
                                for (int64_t kj = 0; kj < kernel; ++kj) {
                                    const int64_t ih = oh * stride - padBegin + ki * dilation;
                                    const int64_t iw = ow * stride - padBegin + kj * dilation;
                                    if (ih < 0 || iw < 0 || ih >= image[2] || iw >= image[3])
                                        continue;
                                    const int64_t imageIndex =
                                        ((n * image[1] + g * imageGroup + ic) * image[2] + ih) * image[3] + iw;
                                    const int64_t gridIndex =
                                        ((n * grid[1] + g * gridGroup + gc) * grid[2] + oh) * grid[3] + ow;
                                    // Conv2D's weight is (F, C/g, k, k) and ConvTranspose2D's (C, F/g, k, k):
                                    // both (grid channels, image channels per group, k, k).
                                    const int64_t weightIndex =
                                        (((g * gridGroup + gc) * imageGroup + ic) * kernel + ki) * kernel + kj;
                                    visit(transposed ? Tap{imageIndex, weightIndex, gridIndex}
                                                     : Tap{gridIndex, weightIndex, imageIndex});
                                }
}

} // namespace

class TestConvolution : public QObject {
    Q_OBJECT

private slots:
    void outputShapes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<nn::Shape>("output");
        const nn::Shape mnist{nn::kBatch, 1, 28, 28};
        QTest::newRow("3x3 valid shrinks by 2") << "Conv2D" << R"({"filters": 32})" << mnist
                                                << nn::Shape{nn::kBatch, 32, 26, 26};
        QTest::newRow("same keeps the size") << "Conv2D" << R"({"filters": 8, "padding": "same", "kernel_size": 5})"
                                             << mnist << nn::Shape{nn::kBatch, 8, 28, 28};
        QTest::newRow("stride 2 padding 1 halves")
            << "Conv2D" << R"({"filters": 4, "stride": 2, "padding": "explicit", "padding_size": 1})" << mnist
            << nn::Shape{nn::kBatch, 4, 14, 14};
        QTest::newRow("dilation 2 widens the window") << "Conv2D" << R"({"filters": 4, "dilation": 2})"
                                                      << nn::Shape{nn::kBatch, 3, 11, 9}
                                                      << nn::Shape{nn::kBatch, 4, 7, 5};
        QTest::newRow("transposed 4/2/1 doubles") << "ConvTranspose2D" << R"({"filters": 16})"
                                                  << nn::Shape{nn::kBatch, 64, 7, 7}
                                                  << nn::Shape{nn::kBatch, 16, 14, 14};
        QTest::newRow("transposed output padding")
            << "ConvTranspose2D" << R"({"filters": 1, "kernel_size": 3, "padding": 1, "output_padding": 1})"
            << nn::Shape{nn::kBatch, 8, 14, 14} << nn::Shape{nn::kBatch, 1, 28, 28};
    }

    void outputShapes()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        QFETCH(nn::Shape, input);
        QFETCH(nn::Shape, output);
        QCOMPARE(shapeOf(kind.toStdString(), nlohmann::json::parse(settings.toStdString()), input), output);
    }

    void shapeMessagesSayWhatToDo_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("flat pixels") << "Conv2D" << "{}" << nn::Shape{nn::kBatch, 784}
                                     << QStringList{"[N, C, H, W]", "[N, 784]", "Reshape to [1, 28, 28]"};
        QTest::newRow("window too large") << "Conv2D" << R"({"kernel_size": 5})" << nn::Shape{nn::kBatch, 8, 3, 3}
                                          << QStringList{"5×5", "3×3", "[N, 8, 3, 3]", "smaller kernel_size"};
        QTest::newRow("same with stride 2") << "Conv2D" << R"({"padding": "same", "stride": 2})"
                                            << nn::Shape{nn::kBatch, 1, 8, 8}
                                            << QStringList{"stride 1", "explicit", "padding_size 1"};
        QTest::newRow("groups do not divide channels") << "Conv2D" << R"({"groups": 2})"
                                                       << nn::Shape{nn::kBatch, 3, 8, 8}
                                                       << QStringList{"groups 2", "divisible", "got 3"};
        QTest::newRow("groups do not divide filters") << "Conv2D" << R"({"groups": 2, "filters": 5})"
                                                      << nn::Shape{nn::kBatch, 4, 8, 8}
                                                      << QStringList{"filters divisible", "5"};
        QTest::newRow("output padding too large") << "ConvTranspose2D" << R"({"output_padding": 2})"
                                                  << nn::Shape{nn::kBatch, 4, 8, 8}
                                                  << QStringList{"output_padding 2", "less than stride"};
        QTest::newRow("transposed trims everything") << "ConvTranspose2D"
                                                     << R"({"kernel_size": 1, "stride": 1, "padding": 3})"
                                                     << nn::Shape{nn::kBatch, 4, 2, 2}
                                                     << QStringList{"padding 3", "lower padding"};
    }

    void shapeMessagesSayWhatToDo()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        QFETCH(nn::Shape, input);
        QFETCH(QStringList, mentions);
        const std::string message =
            shapeErrorOf(kind.toStdString(), nlohmann::json::parse(settings.toStdString()), input);
        for (const QString &mention : mentions)
            QVERIFY2(message.find(mention.toStdString()) != std::string::npos,
                     qPrintable(QString("'%1' missing from: %2").arg(mention, QString::fromStdString(message))));
    }

    void softmaxIsNotOfferedAsAFusedActivation()
    {
        for (const char *kind : {"Conv2D", "ConvTranspose2D"}) {
            const auto &choices = nn::layerRegistry().spec(kind).find("activation")->choices;
            QVERIFY2(std::find(choices.begin(), choices.end(), "softmax") == choices.end(), kind);
            QVERIFY2(std::find(choices.begin(), choices.end(), "relu") != choices.end(), kind);
        }
    }

    // Batches large enough to split into several sample chunks, each with its own weight-gradient
    // partial, against every tap written out in double. Conv2D runs one product per chunk of several
    // samples (batches of 16 and more; odd sizes leave a shorter last chunk), and its backward reuses
    // the columns a training forward kept or, after any other forward, gathers them again: `training`
    // runs both and also requires them to agree bit for bit.
    void matchesDirectSumsAcrossChunks_data()
    {
        QTest::addColumn<bool>("transposed");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<bool>("training");
        QTest::newRow("Conv2D same groups 2")
            << false << R"({"filters": 32, "padding": "same", "groups": 2})" << nn::Shape{3, 16, 24, 24} << false;
        QTest::newRow("Conv2D stride 2 dilation 2")
            << false << R"({"filters": 48, "stride": 2, "dilation": 2, "padding": "explicit", "padding_size": 2})"
            << nn::Shape{4, 24, 30, 30} << false;
        QTest::newRow("Conv2D 1x1") << false << R"({"filters": 64, "kernel_size": 1})" << nn::Shape{3, 64, 24, 24}
                                    << false;
        QTest::newRow("Conv2D same, chunks of 2 samples, 11x11")
            << false << R"({"filters": 16, "padding": "same"})" << nn::Shape{20, 8, 11, 11} << true;
        QTest::newRow("Conv2D same, one channel, 17 samples")
            << false << R"({"filters": 8, "padding": "same"})" << nn::Shape{17, 1, 13, 13} << true;
        QTest::newRow("Conv2D stride 2 explicit padding, chunks")
            << false << R"({"filters": 12, "stride": 2, "padding": "explicit", "padding_size": 1})"
            << nn::Shape{20, 6, 13, 13} << true;
        QTest::newRow("Conv2D groups 2, 17 samples")
            << false << R"({"filters": 8, "groups": 2, "padding": "same"})" << nn::Shape{17, 4, 9, 9} << true;
        QTest::newRow("Conv2D 1x1, chunks") << false << R"({"filters": 8, "kernel_size": 1})"
                                            << nn::Shape{16, 16, 8, 8} << true;
        // 3×3, stride 1, 16 channels or more: Winograd F(2×2, 3×3), odd sides leaving half tiles.
        QTest::newRow("Winograd same, 9x9, 18 samples")
            << false << R"({"filters": 16, "padding": "same"})" << nn::Shape{18, 16, 9, 9} << true;
        QTest::newRow("Winograd valid, 10x7") << false << R"({"filters": 20})" << nn::Shape{5, 16, 10, 7} << true;
        QTest::newRow("Winograd explicit padding 2, 7x7")
            << false << R"({"filters": 24, "padding": "explicit", "padding_size": 2})" << nn::Shape{9, 17, 7, 7}
            << true;
        QTest::newRow("Winograd same, 2x3 image") << false << R"({"filters": 16, "padding": "same"})"
                                                  << nn::Shape{16, 16, 2, 3} << true;
        QTest::newRow("ConvTranspose2D 4/2/1") << true << R"({"filters": 16})" << nn::Shape{3, 32, 12, 12} << false;
        QTest::newRow("ConvTranspose2D groups 4 output padding")
            << true << R"({"filters": 32, "kernel_size": 3, "groups": 4, "output_padding": 1})"
            << nn::Shape{3, 32, 12, 12} << false;
    }

    void matchesDirectSumsAcrossChunks()
    {
        QFETCH(bool, transposed);
        QFETCH(QString, settings);
        QFETCH(nn::Shape, input);
        QFETCH(bool, training);
        const std::string kind = transposed ? "ConvTranspose2D" : "Conv2D";
        auto layer = makeLayer(kind, nlohmann::json::parse(settings.toStdString()), input);
        const nn::Tensor x = randomTensor(input, 3);
        const nn::Shape outShape = layer->inferShape({input});
        const nn::Tensor dy = randomTensor(outShape, 4);
        const std::vector<nn::Tensor> result = run(*layer, x, dy);
        if (training) {
            const std::vector<nn::Tensor> trained = run(*layer, x, dy, nn::RunContext{true, 1, 0, 0});
            for (size_t i = 0; i < result.size(); ++i)
                QVERIFY2(bitwiseEqual(trained[i], result[i]),
                         qPrintable(QString("result %1 differs after a training forward").arg(i)));
        }
        const nn::Settings &s = layer->settings();
        const int64_t kernel = s.integer("kernel_size"), dilation = s.integer("dilation");
        int64_t padBegin = transposed ? s.integer("padding") : 0;
        if (!transposed && s.choice("padding") == "same")
            padBegin = dilation * (kernel - 1) / 2;
        else if (!transposed && s.choice("padding") == "explicit")
            padBegin = s.integer("padding_size");
        const nn::Tensor &w = layer->parameters()[0]->value, &b = layer->parameters()[1]->value;
        std::vector<double> y(size_t(dy.size())), dx(size_t(x.size())), dw(size_t(w.size())), db(size_t(b.size()));
        const int64_t plane = outShape[2] * outShape[3], filters = outShape[1];
        for (int64_t o = 0; o < dy.size(); ++o) {
            y[size_t(o)] = b[(o / plane) % filters];
            db[size_t((o / plane) % filters)] += dy[o];
        }
        forEachTap(transposed, input, outShape, kernel, s.integer("stride"), padBegin, dilation, s.integer("groups"),
                   [&](const Tap &t) {
                       y[size_t(t.output)] += double(w[t.weight]) * x[t.input];
                       dx[size_t(t.input)] += double(w[t.weight]) * dy[t.output];
                       dw[size_t(t.weight)] += double(x[t.input]) * dy[t.output];
                   });
        const std::vector<const std::vector<double> *> expected{&y, &dx, &dw, &db};
        const char *names[] = {"output", "dX", "dW", "db"};
        for (size_t i = 0; i < expected.size(); ++i) {
            double worst = 0.0, largest = 0.0;
            for (size_t k = 0; k < expected[i]->size(); ++k) {
                worst = std::max(worst, std::abs(result[i][int64_t(k)] - (*expected[i])[k]));
                largest = std::max(largest, std::abs((*expected[i])[k]));
            }
            QVERIFY2(worst <= 1e-5 * std::max(1.0, largest),
                     qPrintable(QString("%1 is off by %2 (largest value %3)").arg(names[i]).arg(worst).arg(largest)));
        }
    }

    // Winograd F(2×2, 3×3) takes exactly the 3×3, stride-1, undilated, ungrouped convolutions of 16
    // channels and filters or more (the Winograd rows above, the CNN's second convolution).
    void winogradTakesWideThreeByThreeStrideOneConvolutions()
    {
        const auto suits = [](int64_t channels, int64_t filters, int64_t kernel, int64_t stride, int64_t dilation,
                              int64_t groups) {
            nn::ConvGeometry g;
            g.channels = channels / groups;
            g.height = g.width = 14;
            g.kernel = kernel;
            g.stride = stride;
            g.dilation = dilation;
            g.padBegin = 1;
            g.outHeight = g.outWidth = 14;
            return nn::WinogradTiles::suits(g, groups, filters);
        };
        QVERIFY2(suits(32, 64, 3, 1, 1, 1), "the Fashion-MNIST CNN's second convolution");
        QVERIFY2(suits(16, 16, 3, 1, 1, 1), "16 channels and filters");
        QVERIFY2(!suits(1, 32, 3, 1, 1, 1), "one input channel (the CNN's first convolution) stays on im2col");
        QVERIFY2(!suits(32, 8, 3, 1, 1, 1), "8 filters");
        QVERIFY2(!suits(32, 64, 3, 2, 1, 1), "stride 2");
        QVERIFY2(!suits(32, 64, 3, 1, 2, 1), "dilation 2");
        QVERIFY2(!suits(32, 64, 3, 1, 1, 2), "groups 2");
        QVERIFY2(!suits(32, 64, 5, 1, 1, 1), "a 5×5 kernel");
    }

    void bitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<bool>("training");
        QTest::newRow("Conv2D as in the Fashion-MNIST CNN")
            << "Conv2D" << R"({"filters": 64, "activation": "relu"})" << nn::Shape{64, 32, 13, 13} << false;
        QTest::newRow("Conv2D as in the Fashion-MNIST CNN, training")
            << "Conv2D" << R"({"filters": 64, "activation": "relu", "padding": "same"})" << nn::Shape{64, 32, 14, 14}
            << true;
        QTest::newRow("Conv2D gelu on one channel") << "Conv2D" << R"({"filters": 32, "activation": "gelu"})"
                                                    << nn::Shape{64, 1, 28, 28} << false;
        QTest::newRow("ConvTranspose2D 4/2/1") << "ConvTranspose2D" << R"({"filters": 32, "activation": "relu"})"
                                               << nn::Shape{64, 64, 7, 7} << false;
    }

    void bitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        QFETCH(nn::Shape, input);
        QFETCH(bool, training);
        auto layer = makeLayer(kind.toStdString(), nlohmann::json::parse(settings.toStdString()), input);
        const nn::Tensor x = randomTensor(input, 5), dy = randomTensor(layer->inferShape({input}), 6);
        const std::string difference =
            layerrun::threadCountDifference(*layer, x, dy, nn::RunContext{training, 1, 0, 0});
        QVERIFY2(difference.empty(), difference.c_str());
    }

    // A NaN is never hidden by a max (PyTorch's rule), whichever path the plane takes; ties go to
    // the first value in window order.
    void maxPoolPassesNaNAndBreaksTiesToTheFirst()
    {
        auto pool = makeLayer("MaxPool2D", {{"kernel_size", 3}, {"stride", 1}, {"padding", 1}}, {1, 2, 4, 4});
        nn::Tensor x = randomTensor({1, 2, 4, 4}, 9);
        x[5] = std::nanf("");  // plane 0, row 1, column 1: inside nine windows
        x[16 + 0] = x[16 + 1] = 2.0f;  // plane 1: a tie in its first window
        nn::Tensor y;
        nn::Saved saved;
        pool->forward({&x}, y, saved, {});
        int nans = 0;
        for (int64_t i = 0; i < 16; ++i)
            nans += std::isnan(y[i]);
        QCOMPARE(nans, 9);
        for (int64_t i = 16; i < 32; ++i)
            QVERIFY2(!std::isnan(y[i]), "a NaN leaked into the other plane");
        nn::Tensor dy({1, 2, 4, 4}), dx({1, 2, 4, 4});
        dy[16] = 1.0f;  // the first output of plane 1, whose window holds the tie
        pool->backward({&x}, y, dy, saved, {&dx}, {});
        QCOMPARE(dx[16], 1.0f);
        QCOMPARE(dx[17], 0.0f);
    }

    void skippingTheInputGradientLeavesWeightGradientsAlone()
    {
        auto layer = makeLayer("Conv2D", {{"filters", 8}, {"activation", "tanh"}}, {6, 3, 9, 9});
        const nn::Tensor x = randomTensor({6, 3, 9, 9}, 7), dy = randomTensor({6, 8, 7, 7}, 8);
        const std::vector<nn::Tensor> withDx = run(*layer, x, dy);
        nn::Tensor y;
        for (nn::Parameter *p : layer->parameters())
            p->grad.setZero();
        nn::Saved saved;
        layer->forward({&x}, y, saved, {});
        layer->backward({&x}, y, dy, saved, {nullptr}, {});
        QVERIFY2(bitwiseEqual(layer->parameters()[0]->grad, withDx[2]), "dW changed when dX was skipped");
        QVERIFY2(bitwiseEqual(layer->parameters()[1]->grad, withDx[3]), "db changed when dX was skipped");
    }
};

QTEST_GUILESS_MAIN(TestConvolution)
#include "test_convolution.moc"
