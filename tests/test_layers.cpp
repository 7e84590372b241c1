// Every layer kind against PyTorch (fixtures from tests/make_layer_fixtures.py), plus the behaviours
// PyTorch cannot vouch for: shape messages, dropout masks, thread-count determinism, declarations.
#include "errormessage.h"
#include "gradcheck.h"
#include "jsonfixture.h"
#include "nn/activation.h"
#include "nn/error.h"
#include "nn/init.h"
#include "nn/model.h"
#include "nn/parallel.h"
#include "nn/registry.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <cstring>
#include <set>

namespace {

constexpr double kTolerance = 1e-5;  // absolute, or relative above 1

const nlohmann::json &fixtures()
{
    static const nlohmann::json document = jsonfixture::load("layers.json");
    return document;
}

const nlohmann::json &fixture(int index)
{
    return fixtures()["cases"][size_t(index)];
}

using gradcheck::randomTensor;

// A layer of `kind` named "node1" (its name keys its dropout streams).
std::unique_ptr<nn::Layer> createLayer(const std::string &kind, const nlohmann::json &settings)
{
    const auto &registry = nn::layerRegistry();
    auto layer = registry.create(kind, nn::Settings::fromJson(registry.spec(kind), settings));
    layer->setName("node1");
    return layer;
}

// A layer built for `inputs` (batch dim kBatch), its parameters drawn from Rng(1).
std::unique_ptr<nn::Layer> makeLayer(const std::string &kind, const nlohmann::json &settings,
                                     const std::vector<nn::Shape> &inputs)
{
    auto layer = createLayer(kind, settings);
    nn::Rng rng(1);
    layer->build(inputs, rng);
    return layer;
}

// "" when `actual` matches PyTorch's `expected`, else what differs.
std::string compare(const std::string &what, const nn::Tensor &actual, const nn::Tensor &expected)
{
    const std::string difference = jsonfixture::compare(actual, expected, kTolerance);
    return difference.empty() ? difference : what + ": " + difference;
}

// A fixture's layer, built for its input shapes and holding PyTorch's parameter values.
std::unique_ptr<nn::Layer> layerFrom(const nlohmann::json &c, std::vector<nn::Tensor> &inputs)
{
    std::vector<nn::Shape> shapes;
    for (const auto &input : c["inputs"]) {
        inputs.push_back(jsonfixture::tensor(input));
        shapes.push_back(inputs.back().shape());
        shapes.back()[0] = nn::kBatch;
    }
    auto layer = makeLayer(c["kind"], c["settings"], shapes);
    for (nn::Parameter *p : layer->parameters()) {
        const nn::Tensor value = jsonfixture::tensor(c["parameters"].at(p->name));
        if (value.shape() != p->value.shape())
            qFatal("%s: parameter %s is %s here, %s in PyTorch", c["name"].get<std::string>().c_str(), p->name.c_str(),
                   nn::toString(p->value.shape()).c_str(), nn::toString(value.shape()).c_str());
        p->value = value;
    }
    return layer;
}

struct Gradients {
    nn::Tensor output;
    std::vector<nn::Tensor> inputs;
};

// Runs forward and backward; input and parameter gradients start at `start` (backward adds).
Gradients runFixture(nn::Layer &layer, std::vector<nn::Tensor> &inputs, const nlohmann::json &c, float start)
{
    Gradients g;
    std::vector<const nn::Tensor *> in;
    std::vector<nn::Tensor *> dIn;
    for (auto &x : inputs) {
        in.push_back(&x);
        g.inputs.emplace_back(x.shape(), start);
    }
    for (auto &dx : g.inputs)
        dIn.push_back(&dx);
    for (nn::Parameter *p : layer.parameters())
        p->grad.fill(start);
    nn::RunContext ctx;
    ctx.training = c["training"];
    layer.forward(in, g.output, ctx);
    layer.backward(in, g.output, jsonfixture::tensor(c["grad_output"]), dIn, ctx);
    return g;
}

std::string shapeErrorOf(const std::string &kind, const nlohmann::json &settings,
                         const std::vector<nn::Shape> &inputs)
{
    return errorMessage([&] { createLayer(kind, settings)->inferShape(inputs); });
}

// Forward and backward of a Dense layer, everything it produces, for bitwise comparison.
std::vector<nn::Tensor> denseRun(nn::Layer &dense, const nn::Tensor &x, const nn::Tensor &dy)
{
    nn::RunContext ctx;
    nn::Tensor y, dx(x.shape());
    for (nn::Parameter *p : dense.parameters())
        p->grad.setZero();
    dense.forward({&x}, y, ctx);
    dense.backward({&x}, y, dy, {&dx}, ctx);
    std::vector<nn::Tensor> all{y, dx};
    for (nn::Parameter *p : dense.parameters())
        all.push_back(p->grad);
    return all;
}

bool bitwiseEqual(const nn::Tensor &a, const nn::Tensor &b)
{
    return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { nn::setThreadCount(0); }

    void matchesPyTorch_data() { fixtureRows(); }

    void matchesPyTorch()
    {
        QFETCH(int, index);
        const nlohmann::json &c = fixture(index);
        std::vector<nn::Tensor> inputs;
        auto layer = layerFrom(c, inputs);
        const Gradients g = runFixture(*layer, inputs, c, 0.0f);
        std::string failure = compare("output", g.output, jsonfixture::tensor(c["output"]));
        for (size_t i = 0; failure.empty() && i < inputs.size(); ++i)
            failure = compare("input " + std::to_string(i) + " gradient", g.inputs[i],
                              jsonfixture::tensor(c["grad_inputs"][i]));
        for (nn::Parameter *p : layer->parameters())
            if (failure.empty())
                failure = compare(p->name + " gradient", p->grad,
                                  jsonfixture::tensor(c["grad_parameters"].at(p->name)));
        QVERIFY2(failure.empty(), (c["name"].get<std::string>() + ": " + failure).c_str());
    }

    // Backward adds into gradients, so a tensor that feeds two layers gets both contributions.
    void backwardAddsIntoGradients_data() { fixtureRows(); }

    void backwardAddsIntoGradients()
    {
        QFETCH(int, index);
        const nlohmann::json &c = fixture(index);
        std::vector<nn::Tensor> inputs;
        auto layer = layerFrom(c, inputs);
        const Gradients g = runFixture(*layer, inputs, c, 1.0f);
        std::string failure;
        for (size_t i = 0; failure.empty() && i < inputs.size(); ++i) {
            nn::Tensor expected = jsonfixture::tensor(c["grad_inputs"][i]);
            expected.array() += 1.0f;
            failure = compare("input " + std::to_string(i) + " gradient", g.inputs[i], expected);
        }
        for (nn::Parameter *p : layer->parameters()) {
            nn::Tensor expected = jsonfixture::tensor(c["grad_parameters"].at(p->name));
            expected.array() += 1.0f;
            if (failure.empty())
                failure = compare(p->name + " gradient", p->grad, expected);
        }
        QVERIFY2(failure.empty(), (c["name"].get<std::string>() + " (grads started at 1): " + failure).c_str());
    }

    void everyKindHasAPyTorchFixture()
    {
        std::set<std::string> covered;
        for (const auto &c : fixtures()["cases"])
            covered.insert(c["kind"].get<std::string>());
        for (const nn::LayerSpec *spec : nn::layerRegistry().specs())
            if (spec->maxInputs > 0)
                QVERIFY2(covered.count(spec->kind),
                         (spec->kind + " has no case in tests/make_layer_fixtures.py").c_str());
    }

    void everyKindDeclaresCategoryAndSummary()
    {
        for (const nn::LayerSpec *spec : nn::layerRegistry().specs()) {
            QVERIFY2(!spec->category.empty(), (spec->kind + " declares no category").c_str());
            QVERIFY2(!spec->summary.empty(), (spec->kind + " declares no summary").c_str());
            for (const auto &setting : spec->settings)
                QVERIFY2(!setting.help.empty(), (spec->kind + "." + setting.name + " has no help text").c_str());
        }
    }

    void inputDeclaresItsSampleShape()
    {
        auto input = makeLayer("Input", {{"shape", {1, 28, 28}}}, {});
        QCOMPARE(input->inferShape({}), (nn::Shape{nn::kBatch, 1, 28, 28}));
        QCOMPARE(input->spec().maxInputs, 0);
    }

    void denseOnImagesAsksForFlatten()
    {
        QCOMPARE(shapeErrorOf("Dense", {}, {{nn::kBatch, 1, 28, 28}}),
                 std::string("Dense expects [N, F] but got [N, 1, 28, 28]; add a Flatten before it."));
    }

    void reshapeCountMismatchNamesBothShapes()
    {
        const std::string message = shapeErrorOf("Reshape", {{"shape", {3, 10, 10}}}, {{nn::kBatch, 784}});
        QVERIFY2(message.find("[N, 784]") != std::string::npos && message.find("[N, 3, 10, 10]") != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("-1") != std::string::npos, ("the message should suggest -1: " + message).c_str());
    }

    void reshapeInfersMinusOne()
    {
        auto reshape = makeLayer("Reshape", {{"shape", {1, -1, 28}}}, {{nn::kBatch, 784}});
        QCOMPARE(reshape->inferShape({{nn::kBatch, 784}}), (nn::Shape{nn::kBatch, 1, 28, 28}));
        const std::string message = shapeErrorOf("Reshape", {{"shape", {5, -1}}}, {{nn::kBatch, 784}});
        QVERIFY2(message.find("[N, 5, -1]") != std::string::npos, message.c_str());
    }

    void addMismatchNamesBothShapes()
    {
        const std::string message = shapeErrorOf("Add", {}, {{nn::kBatch, 16}, {nn::kBatch, 16}, {nn::kBatch, 8}});
        QVERIFY2(message.find("[N, 16]") != std::string::npos && message.find("[N, 8]") != std::string::npos &&
                     message.find("input 2") != std::string::npos,
                 message.c_str());
    }

    void concatMismatchNamesBothShapes()
    {
        const std::string message = shapeErrorOf("Concat", {{"axis", 1}}, {{nn::kBatch, 3, 4}, {nn::kBatch, 2, 5}});
        QVERIFY2(message.find("[N, 3, 4]") != std::string::npos && message.find("[N, 2, 5]") != std::string::npos,
                 message.c_str());
        QCOMPARE(makeLayer("Concat", {{"axis", 1}}, {{nn::kBatch, 3, 4}, {nn::kBatch, 2, 4}})
                     ->inferShape({{nn::kBatch, 3, 4}, {nn::kBatch, 2, 4}}),
                 (nn::Shape{nn::kBatch, 5, 4}));
    }

    void concatRefusesTheBatchAxis()
    {
        const std::string message = shapeErrorOf("Concat", {{"axis", 0}}, {{nn::kBatch, 3}, {nn::kBatch, 3}});
        QVERIFY2(message.find("batch") != std::string::npos, message.c_str());
        const std::string tooFar = shapeErrorOf("Concat", {{"axis", 2}}, {{nn::kBatch, 3}, {nn::kBatch, 3}});
        QVERIFY2(tooFar.find("axis 2") != std::string::npos, tooFar.c_str());
    }

    void dropoutIsIdentityInEvaluation()
    {
        auto dropout = makeLayer("Dropout", {{"rate", 0.7}}, {{nn::kBatch, 50}});
        const nn::Tensor x = randomTensor({8, 50}, 3), dy = randomTensor({8, 50}, 4);
        nn::Tensor y, dx({8, 50});
        const nn::RunContext evaluation;
        dropout->forward({&x}, y, evaluation);
        dropout->backward({&x}, y, dy, {&dx}, evaluation);
        QVERIFY2(bitwiseEqual(y, x), "evaluation output differs from the input");
        QVERIFY2(bitwiseEqual(dx, dy), "evaluation gradient differs from the upstream gradient");
    }

    void dropoutScalesKeptValuesAndReusesTheMask_data()
    {
        QTest::addColumn<double>("rate");
        for (double rate : {0.1, 0.5, 0.8})
            QTest::addRow("rate %g", rate) << rate;
    }

    void dropoutScalesKeptValuesAndReusesTheMask()
    {
        QFETCH(double, rate);
        const nn::Shape shape{64, 4, 5, 5};  // 6400 values
        auto dropout = makeLayer("Dropout", {{"rate", rate}}, {{nn::kBatch, 4, 5, 5}});
        nn::Tensor x = randomTensor(shape, 5);
        x.array() = x.array().sign() * (0.1f + x.array().abs());  // no zeros, so a zero output means dropped
        const nn::Tensor dy = randomTensor(shape, 6);
        nn::Tensor y, dx(shape);
        nn::RunContext ctx;
        ctx.training = true;
        ctx.seed = 42;
        ctx.step = 9;
        dropout->forward({&x}, y, ctx);
        dropout->backward({&x}, y, dy, {&dx}, ctx);
        const float scale = 1.0f / (1.0f - float(rate));
        int64_t kept = 0;
        for (int64_t i = 0; i < x.size(); ++i) {
            const bool keep = y[i] != 0.0f;
            kept += keep;
            const float expectedY = keep ? x[i] * scale : 0.0f, expectedDx = keep ? dy[i] * scale : 0.0f;
            QVERIFY2(std::abs(y[i] - expectedY) <= 1e-6f * std::abs(expectedY),
                     qPrintable(QString("value %1: %2 is neither 0 nor x/(1-p) = %3").arg(i).arg(y[i]).arg(expectedY)));
            QVERIFY2(std::abs(dx[i] - expectedDx) <= 1e-6f * std::abs(expectedDx),
                     qPrintable(QString("gradient %1: %2, but the forward's mask gives %3")
                                    .arg(i).arg(dx[i]).arg(expectedDx)));
        }
        const double fraction = double(kept) / double(x.size());
        const double sigma = std::sqrt(rate * (1.0 - rate) / double(x.size()));
        QVERIFY2(std::abs(fraction - (1.0 - rate)) < 5.0 * sigma,
                 qPrintable(QString("kept %1 of the values, expected about %2").arg(fraction).arg(1.0 - rate)));
    }

    void dropoutMaskDependsOnStepNotThreads()
    {
        auto dropout = makeLayer("Dropout", {{"rate", 0.5}}, {{nn::kBatch, 300}});
        const nn::Tensor x = randomTensor({256, 300}, 7);
        nn::RunContext ctx;
        ctx.training = true;
        ctx.seed = 3;
        std::vector<nn::Tensor> outputs;
        for (int threads : {1, 2, 16}) {
            nn::setThreadCount(threads);
            outputs.emplace_back();
            dropout->forward({&x}, outputs.back(), ctx);
        }
        QVERIFY2(bitwiseEqual(outputs[0], outputs[1]) && bitwiseEqual(outputs[0], outputs[2]),
                 "the dropout mask changed with the thread count");
        ctx.step = 1;
        nn::Tensor next;
        dropout->forward({&x}, next, ctx);
        QVERIFY2(!bitwiseEqual(next, outputs[0]), "the next step reused the previous step's mask");
    }

    void denseIsBitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("activation");
        for (const char *activation : {"relu", "gelu", "softmax"})
            QTest::newRow(activation) << QString(activation);
    }

    void denseIsBitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, activation);
        auto dense =
            makeLayer("Dense", {{"units", 256}, {"activation", activation.toStdString()}}, {{nn::kBatch, 784}});
        const nn::Tensor x = randomTensor({256, 784}, 8), dy = randomTensor({256, 256}, 9);
        nn::setThreadCount(1);
        const std::vector<nn::Tensor> reference = denseRun(*dense, x, dy);
        const char *names[] = {"output", "dX", "dW", "db"};
        for (int threads : {2, 16}) {
            nn::setThreadCount(threads);
            const std::vector<nn::Tensor> run = denseRun(*dense, x, dy);
            for (size_t i = 0; i < run.size(); ++i)
                QVERIFY2(bitwiseEqual(run[i], reference[i]),
                         qPrintable(QString("%1 differs between 1 and %2 threads").arg(names[i]).arg(threads)));
        }
    }

    // Products split into several chunks (of batch rows for the output, of feature columns for dW
    // and dX) against sums written out in double.
    void denseMatchesDirectSumsAcrossChunks()
    {
        const int64_t n = 200, features = 300, units = 150;
        auto dense = makeLayer("Dense", {{"units", units}, {"activation", "tanh"}}, {{nn::kBatch, features}});
        const nn::Tensor x = randomTensor({n, features}, 10), dy = randomTensor({n, units}, 11);
        const std::vector<nn::Tensor> run = denseRun(*dense, x, dy);
        const nn::Tensor &w = dense->parameters()[0]->value;  // (units, F)
        const nn::Tensor &b = dense->parameters()[1]->value;  // (units)
        std::vector<double> y(size_t(n * units)), dz(size_t(n * units));
        for (int64_t i = 0; i < n; ++i)
            for (int64_t u = 0; u < units; ++u) {
                double z = b[u];
                for (int64_t f = 0; f < features; ++f)
                    z += double(x[i * features + f]) * w[u * features + f];
                y[size_t(i * units + u)] = std::tanh(z);
                dz[size_t(i * units + u)] = dy[i * units + u] * (1.0 - std::tanh(z) * std::tanh(z));
            }
        double worst[4] = {0, 0, 0, 0};  // output, dX, dW, db
        const auto track = [&](int which, double actual, double expected) {
            worst[which] = std::max(worst[which], std::abs(actual - expected));
        };
        for (int64_t k = 0; k < n * units; ++k)
            track(0, run[0][k], y[size_t(k)]);
        for (int64_t i = 0; i < n; ++i)
            for (int64_t f = 0; f < features; ++f) {
                double sum = 0.0;
                for (int64_t u = 0; u < units; ++u)
                    sum += dz[size_t(i * units + u)] * w[u * features + f];
                track(1, run[1][i * features + f], sum);
            }
        for (int64_t u = 0; u < units; ++u) {
            double bias = 0.0;
            for (int64_t i = 0; i < n; ++i)
                bias += dz[size_t(i * units + u)];
            track(3, run[3][u], bias);
            for (int64_t f = 0; f < features; ++f) {
                double sum = 0.0;
                for (int64_t i = 0; i < n; ++i)
                    sum += dz[size_t(i * units + u)] * x[i * features + f];
                track(2, run[2][u * features + f], sum);
            }
        }
        const char *names[] = {"output", "dX", "dW", "db"};
        for (int i = 0; i < 4; ++i)
            QVERIFY2(worst[i] < 1e-4, qPrintable(QString("%1 is off by %2").arg(names[i]).arg(worst[i])));
    }

    void denseSkipsTheInputGradientWhenNotNeeded()
    {
        auto dense = makeLayer("Dense", {{"units", 8}, {"activation", "gelu"}}, {{nn::kBatch, 12}});
        const nn::Tensor x = randomTensor({5, 12}, 12), dy = randomTensor({5, 8}, 13);
        const std::vector<nn::Tensor> withDx = denseRun(*dense, x, dy);
        nn::Tensor y;
        for (nn::Parameter *p : dense->parameters())
            p->grad.setZero();
        dense->forward({&x}, y, {});
        dense->backward({&x}, y, dy, {nullptr}, {});
        QVERIFY2(bitwiseEqual(dense->parameters()[0]->grad, withDx[2]), "dW changed when dX was skipped");
        QVERIFY2(bitwiseEqual(dense->parameters()[1]->grad, withDx[3]), "db changed when dX was skipped");
    }

    void denseWithoutBiasHasOnlyAWeight()
    {
        auto dense = makeLayer("Dense", {{"units", 3}, {"use_bias", false}}, {{nn::kBatch, 4}});
        QCOMPARE(dense->parameters().size(), size_t(1));
        QCOMPARE(dense->parameters()[0]->name, std::string("weight"));
        QCOMPARE(dense->parameters()[0]->value.shape(), (nn::Shape{3, 4}));
        auto biased = makeLayer("Dense", {{"units", 3}}, {{nn::kBatch, 4}});
        QCOMPARE(biased->parameters()[1]->name, std::string("bias"));
        QVERIFY2(!biased->parameters()[1]->decays, "a bias must not take weight decay");
        QVERIFY2(biased->parameters()[1]->value.array().isZero(), "the bias must start at zero");
    }

    void initializersFollowPyTorchFormulas_data()
    {
        QTest::addColumn<QString>("init");
        QTest::addColumn<double>("bound");   // 0 for normal distributions
        QTest::addColumn<double>("stddev");
        const double fanIn = 400, fanOut = 100;
        QTest::newRow("he_uniform") << "he_uniform" << std::sqrt(6.0 / fanIn) << std::sqrt(2.0 / fanIn);
        QTest::newRow("he_normal") << "he_normal" << 0.0 << std::sqrt(2.0 / fanIn);
        QTest::newRow("xavier_uniform") << "xavier_uniform" << std::sqrt(6.0 / (fanIn + fanOut))
                                        << std::sqrt(2.0 / (fanIn + fanOut));
        QTest::newRow("xavier_normal") << "xavier_normal" << 0.0 << std::sqrt(2.0 / (fanIn + fanOut));
        QTest::newRow("zeros") << "zeros" << 0.0 << 0.0;
    }

    void initializersFollowPyTorchFormulas()
    {
        QFETCH(QString, init);
        QFETCH(double, bound);
        QFETCH(double, stddev);
        nn::Tensor w({100, 400});
        nn::Rng rng(5);
        nn::initialize(w, nn::initFromName(init.toStdString()), 400, 100, rng);
        const Eigen::ArrayXd values = w.array().cast<double>();
        const double measured = std::sqrt((values - values.mean()).square().mean());
        QVERIFY2(std::abs(measured - stddev) <= 0.02 * stddev,
                 qPrintable(QString("standard deviation %1, expected %2").arg(measured).arg(stddev)));
        if (bound > 0.0)
            QVERIFY2(values.abs().maxCoeff() <= bound && values.abs().maxCoeff() > 0.99 * bound,
                     qPrintable(QString("largest |w| %1, bound %2").arg(values.abs().maxCoeff()).arg(bound)));
    }

    void denseAutoInitFollowsTheActivation_data()
    {
        QTest::addColumn<QString>("activation");
        QTest::addColumn<double>("bound");
        QTest::newRow("relu: he_uniform") << "relu" << std::sqrt(6.0 / 200);
        QTest::newRow("gelu: he_uniform") << "gelu" << std::sqrt(6.0 / 200);
        QTest::newRow("sigmoid: xavier_uniform") << "sigmoid" << std::sqrt(6.0 / (200 + 300));
        QTest::newRow("linear: xavier_uniform") << "linear" << std::sqrt(6.0 / (200 + 300));
    }

    void denseAutoInitFollowsTheActivation()
    {
        QFETCH(QString, activation);
        QFETCH(double, bound);
        auto dense =
            makeLayer("Dense", {{"units", 300}, {"activation", activation.toStdString()}}, {{nn::kBatch, 200}});
        const double largest = dense->parameters()[0]->value.array().abs().maxCoeff();
        QVERIFY2(largest <= bound && largest > 0.99 * bound,
                 qPrintable(QString("largest |w| %1, expected bound %2").arg(largest).arg(bound)));
    }

    void graphNamesTheNodeThatNeedsAFlatten()
    {
        const nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {1, 28, 28}}}}, {"Dense", {{"units", 10}}}});
        const std::string message = errorMessage([&] { graph.validate(); });
        QVERIFY2(message.find("dense1") != std::string::npos && message.find("Flatten") != std::string::npos,
                 message.c_str());
    }

    // The layers as the Model runs them: the first Dense gets no input gradient to fill.
    void chainTrainsThroughTheModel()
    {
        const nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {1, 4, 4}}}},
                                                  {"Flatten", {}},
                                                  {"Dense", {{"units", 8}, {"activation", "relu"}}},
                                                  {"Dropout", {{"rate", 0.25}}},
                                                  {"Reshape", {{"shape", {2, 4}}}},
                                                  {"GELU", {}},
                                                  {"Flatten", {}},
                                                  {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
        nn::Model model(graph, 7);
        nn::RunContext ctx;
        ctx.training = true;
        const nn::Tensor &y = model.forward(randomTensor({5, 1, 4, 4}, 14), ctx);
        QCOMPARE(y.shape(), (nn::Shape{5, 3}));
        QVERIFY2(std::abs(y.array().sum() - 5.0f) < 1e-5f, "softmax rows should each sum to 1");
        model.backward(randomTensor({5, 3}, 15), ctx);
        for (const nn::NamedParameter &p : model.parameters())
            QVERIFY2(p.parameter->grad.allFinite() && !p.parameter->grad.array().isZero(),
                     (p.name + " received no gradient").c_str());
    }

    void denseActivationChoicesAreTheActivationNames()
    {
        QCOMPARE(nn::layerRegistry().spec("Dense").find("activation")->choices, nn::activationNames());
        for (const std::string &name : nn::activationNames())
            QCOMPARE(nn::activationName(nn::activationFromName(name)), name);
        QVERIFY_THROWS_EXCEPTION(nn::SettingError, nn::activationFromName("swish"));
    }

private:
    void fixtureRows()
    {
        QTest::addColumn<int>("index");
        const auto &cases = fixtures()["cases"];
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << int(i);
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "test_layers.moc"
