// Every layer kind against PyTorch (fixtures from tests/make_layer_fixtures.py), plus the behaviours
// PyTorch cannot vouch for: shape messages, dropout masks, thread-count determinism, declarations.
#include "errormessage.h"
#include "gradcheck.h"
#include "jsonfixture.h"
#include "layerrun.h"
#include "nn/activation.h"
#include "nn/error.h"
#include "nn/init.h"
#include "nn/model.h"
#include "nn/registry.h"
#include "nn/threadarena.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace {

using layerrun::bitwiseEqual;

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

// The layer's buffer (running statistic) called `name`, or nullptr.
nn::Parameter *bufferNamed(nn::Layer &layer, const std::string &name)
{
    for (nn::Parameter *buffer : layer.buffers())
        if (buffer->name == name)
            return buffer;
    return nullptr;
}

// "" when `actual` matches PyTorch's `expected`, else what differs.
std::string compare(const std::string &what, const nn::Tensor &actual, const nn::Tensor &expected)
{
    const std::string difference = jsonfixture::compare(actual, expected, kTolerance);
    return difference.empty() ? difference : what + ": " + difference;
}

// Loads a fixture's optional `buffers` (running statistics PyTorch started from) into the layer.
void loadBuffers(nn::Layer &layer, const nlohmann::json &c)
{
    if (!c.contains("buffers"))
        return;
    const std::string name = c["name"];
    for (const auto &[key, json] : c["buffers"].items()) {
        nn::Parameter *buffer = bufferNamed(layer, key);
        const nn::Tensor value = jsonfixture::tensor(json);
        if (!buffer || value.shape() != buffer->value.shape())
            qFatal("%s: buffer %s %s has no match in the layer", name.c_str(), key.c_str(),
                   nn::toString(value.shape()).c_str());
        buffer->value = value;
    }
}

// A fixture's layer, built for its input shapes and holding PyTorch's parameter and buffer values.
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
    loadBuffers(*layer, c);
    return layer;
}

// "" when the layer's buffers are what PyTorch's were after the fixture's forward (`buffers_after`).
std::string compareBuffers(nn::Layer &layer, const nlohmann::json &c)
{
    if (!c.contains("buffers_after"))
        return {};
    for (const auto &[key, json] : c["buffers_after"].items()) {
        nn::Parameter *buffer = bufferNamed(layer, key);
        if (!buffer)
            return "the layer has no buffer " + key;
        if (std::string failure = compare(key + " after forward", buffer->value, jsonfixture::tensor(json));
            !failure.empty())
            return failure;
    }
    return {};
}

struct Gradients {
    std::vector<nn::Tensor> outputs;  // one per output port
    std::vector<nn::Tensor> inputs;
};

// A case's values per output port: "outputs"/"grad_outputs" for a kind with several, else the one
// "output"/"grad_output".
std::vector<nn::Tensor> portTensors(const nlohmann::json &c, const std::string &key)
{
    if (const auto ports = c.find(key + "s"); ports != c.end()) {
        std::vector<nn::Tensor> tensors;
        for (const auto &port : *ports)
            tensors.push_back(jsonfixture::tensor(port));
        return tensors;
    }
    return {jsonfixture::tensor(c[key])};
}

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
    nn::Saved saved;
    g.outputs.resize(layer.outputPorts().size());
    std::vector<nn::Tensor *> outs;
    for (auto &y : g.outputs)
        outs.push_back(&y);
    layer.forwardPorts(in, outs, saved, ctx);
    const std::vector<nn::Tensor> dOut = portTensors(c, "grad_output");
    std::vector<const nn::Tensor *> constOuts(outs.begin(), outs.end()), dOuts;
    for (const auto &dy : dOut)
        dOuts.push_back(&dy);
    layer.backwardPorts(in, constOuts, dOuts, saved, dIn, ctx);
    return g;
}

std::string shapeErrorOf(const std::string &kind, const nlohmann::json &settings,
                         const std::vector<nn::Shape> &inputs)
{
    return errorMessage([&] { createLayer(kind, settings)->inferShape(inputs); });
}

// Training-mode normalisation and its gradients in double, written out: value e of x belongs to the
// statistics group groupOf(e) (its channel for BatchNorm, its sample for LayerNorm) and is scaled
// by γ[paramOf(e)] and shifted by β[paramOf(e)].
struct NormReference {
    Eigen::ArrayXd y, dx, dGamma, dBeta;
};

template <typename GroupOf, typename ParamOf>
NormReference normalizeInDouble(const nn::Tensor &x, const nn::Tensor &dy, const nn::Tensor &gamma,
                                const nn::Tensor &beta, double eps, int64_t groups, const GroupOf &groupOf,
                                const ParamOf &paramOf)
{
    const auto zeros = [](int64_t n) -> Eigen::ArrayXd { return Eigen::ArrayXd::Zero(n); };
    Eigen::ArrayXd count = zeros(groups), mean = zeros(groups), var = zeros(groups), sumG = zeros(groups),
                   sumGHat = zeros(groups), xHat = zeros(x.size());
    NormReference r{zeros(x.size()), zeros(x.size()), zeros(gamma.size()), zeros(gamma.size())};
    for (int64_t e = 0; e < x.size(); ++e) {
        count(groupOf(e)) += 1.0;
        mean(groupOf(e)) += x[e];
    }
    mean /= count;
    for (int64_t e = 0; e < x.size(); ++e)
        var(groupOf(e)) += std::pow(x[e] - mean(groupOf(e)), 2);
    const Eigen::ArrayXd rstd = 1.0 / (var / count + eps).sqrt();  // biased variance
    for (int64_t e = 0; e < x.size(); ++e) {
        const int64_t g = groupOf(e), p = paramOf(e);
        xHat(e) = (x[e] - mean(g)) * rstd(g);
        r.y(e) = gamma[p] * xHat(e) + beta[p];
        r.dGamma(p) += dy[e] * xHat(e);
        r.dBeta(p) += dy[e];
        sumG(g) += double(dy[e]) * gamma[p];
        sumGHat(g) += double(dy[e]) * gamma[p] * xHat(e);
    }
    for (int64_t e = 0; e < x.size(); ++e) {
        const int64_t g = groupOf(e);
        r.dx(e) = rstd(g) * (double(dy[e]) * gamma[paramOf(e)] - sumG(g) / count(g) - xHat(e) * sumGHat(g) / count(g));
    }
    return r;
}

// "" when every value of `actual` is close to `expected` (relative above 1), else the first that is not.
std::string compareToDouble(const std::string &what, const nn::Tensor &actual, const Eigen::ArrayXd &expected,
                            double tolerance)
{
    for (int64_t i = 0; i < actual.size(); ++i)
        if (!jsonfixture::close(actual[i], expected(i), tolerance))
            return what + " element " + std::to_string(i) + " is " + std::to_string(actual[i]) + ", expected " +
                   std::to_string(expected(i));
    return {};
}

nn::RunContext trainingContext()
{
    nn::RunContext ctx;
    ctx.training = true;
    return ctx;
}

// MaxPool2D and AvgPool2D (count_include_pad on and off) on a [2, 2, H, W] input against windows
// summed and searched directly in double; "" when all agree.
std::string comparePoolingWithDirectWindows(const nlohmann::json &settings, int64_t height, int64_t width)
{
    const int64_t k = settings["kernel_size"], s = settings["stride"], p = settings["padding"];
    const nn::Shape shape{2, 2, height, width};
    nn::Tensor x = randomTensor(shape, uint64_t(height * 100 + width));
    x.array() = (x.array() * 2.0f).floor();  // -2, -1, 0, 1: many ties
    const int64_t outHeight = (height + 2 * p - k) / s + 1, outWidth = (width + 2 * p - k) / s + 1;
    const nn::Tensor dy = randomTensor({2, 2, outHeight, outWidth}, 5);
    const auto max = layerrun::run(*makeLayer("MaxPool2D", settings, {shape}), x, dy);
    nlohmann::json excluded = settings;
    excluded["count_include_pad"] = false;
    const auto avg = layerrun::run(*makeLayer("AvgPool2D", settings, {shape}), x, dy);
    const auto avgExcluded = layerrun::run(*makeLayer("AvgPool2D", excluded, {shape}), x, dy);
    nn::Tensor maxDx(shape), avgDx(shape), avgExcludedDx(shape);
    for (int64_t plane = 0; plane < 4; ++plane)
        for (int64_t oh = 0; oh < outHeight; ++oh)
            for (int64_t ow = 0; ow < outWidth; ++ow) {
                const int64_t o = (plane * outHeight + oh) * outWidth + ow;
                int64_t best = -1, count = 0;
                double sum = 0.0;
                for (int64_t h = oh * s - p; h < oh * s - p + k; ++h)
                    for (int64_t w = ow * s - p; w < ow * s - p + k; ++w) {
                        if (h < 0 || h >= height || w < 0 || w >= width)
                            continue;
                        const int64_t i = (plane * height + h) * width + w;
                        if (best < 0 || x[i] > x[best])
                            best = i;
                        sum += x[i];
                        ++count;
                    }
                if (max[0][o] != x[best])
                    return "MaxPool2D output " + std::to_string(o) + " is " + std::to_string(max[0][o]);
                maxDx[best] += dy[o];
                if (std::abs(avg[0][o] - sum / double(k * k)) > 1e-6 ||
                    std::abs(avgExcluded[0][o] - sum / double(count)) > 1e-6)
                    return "AvgPool2D output " + std::to_string(o) + " is not the window's mean";
                for (int64_t h = std::max<int64_t>(oh * s - p, 0); h < std::min(oh * s - p + k, height); ++h)
                    for (int64_t w = std::max<int64_t>(ow * s - p, 0); w < std::min(ow * s - p + k, width); ++w) {
                        avgDx[(plane * height + h) * width + w] += dy[o] / float(k * k);
                        avgExcludedDx[(plane * height + h) * width + w] += dy[o] / float(count);
                    }
            }
    if (auto d = jsonfixture::compare(max[1], maxDx, 1e-6); !d.empty())
        return "MaxPool2D dX (the first maximum of each window takes dOut): " + d;
    if (auto d = jsonfixture::compare(avg[1], avgDx, 1e-6); !d.empty())
        return "AvgPool2D dX: " + d;
    if (auto d = jsonfixture::compare(avgExcluded[1], avgExcludedDx, 1e-6); !d.empty())
        return "AvgPool2D dX without the padding: " + d;
    return {};
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data() { fixtureRows(); }

    void matchesPyTorch()
    {
        QFETCH(int, index);
        const nlohmann::json &c = fixture(index);
        std::vector<nn::Tensor> inputs;
        auto layer = layerFrom(c, inputs);
        const Gradients g = runFixture(*layer, inputs, c, 0.0f);
        const std::vector<nn::Tensor> expected = portTensors(c, "output");
        std::string failure = g.outputs.size() == expected.size() ? "" : "the layer has a different number of outputs";
        for (size_t p = 0; failure.empty() && p < expected.size(); ++p)
            failure = compare("output " + std::to_string(p), g.outputs[p], expected[p]);
        for (size_t i = 0; failure.empty() && i < inputs.size(); ++i)
            failure = compare("input " + std::to_string(i) + " gradient", g.inputs[i],
                              jsonfixture::tensor(c["grad_inputs"][i]));
        for (nn::Parameter *p : layer->parameters())
            if (failure.empty())
                failure = compare(p->name + " gradient", p->grad,
                                  jsonfixture::tensor(c["grad_parameters"].at(p->name)));
        if (failure.empty())
            failure = compareBuffers(*layer, c);
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
        nn::Saved saved;
        dropout->forward({&x}, y, saved, evaluation);
        dropout->backward({&x}, y, dy, saved, {&dx}, evaluation);
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
        nn::Saved saved;
        dropout->forward({&x}, y, saved, ctx);
        dropout->backward({&x}, y, dy, saved, {&dx}, ctx);
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
        nn::Saved saved;
        for (int threads : {1, 2, 16})
            outputs.push_back(nn::ThreadArena(threads).run([&] {
                nn::Tensor y;
                dropout->forward({&x}, y, saved, ctx);
                return y;
            }));
        QVERIFY2(bitwiseEqual(outputs[0], outputs[1]) && bitwiseEqual(outputs[0], outputs[2]),
                 "the dropout mask changed with the thread count");
        ctx.step = 1;
        nn::Tensor next;
        dropout->forward({&x}, next, saved, ctx);
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
        const std::string difference = layerrun::threadCountDifference(*dense, x, dy);
        QVERIFY2(difference.empty(), difference.c_str());
    }

    void poolingIsBitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::newRow("MaxPool2D 2") << "MaxPool2D" << R"({"kernel_size": 2})";
        QTest::newRow("MaxPool2D 3 stride 2 padding 1")
            << "MaxPool2D" << R"({"kernel_size": 3, "stride": 2, "padding": 1})";
        QTest::newRow("AvgPool2D 2") << "AvgPool2D" << R"({"kernel_size": 2})";
        QTest::newRow("AvgPool2D 3 stride 1 padding 1 without pad")
            << "AvgPool2D" << R"({"kernel_size": 3, "stride": 1, "padding": 1, "count_include_pad": false})";
        QTest::newRow("GlobalAveragePool") << "GlobalAveragePool" << "{}";
        QTest::newRow("Upsample 2") << "Upsample" << R"({"scale_factor": 2})";
    }

    // A Fashion-MNIST CNN's batch after its first convolution: large enough to split over threads.
    void poolingIsBitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        const nn::Shape shape{64, 32, 26, 26};
        auto layer = makeLayer(kind.toStdString(), nlohmann::json::parse(settings.toStdString()),
                               {{nn::kBatch, 32, 26, 26}});
        const nn::Tensor x = randomTensor(shape, 16);
        const nn::Tensor dy = randomTensor(layer->inferShape({shape}), 17);
        const std::string difference = layerrun::threadCountDifference(*layer, x, dy);
        QVERIFY2(difference.empty(), difference.c_str());
    }

    void imageLayersAskForAReshape_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<QString>("reshape");
        for (const char *kind : {"MaxPool2D", "AvgPool2D", "GlobalAveragePool", "Upsample"}) {
            QTest::addRow("%s [N, 784]", kind) << QString(kind) << nn::Shape{nn::kBatch, 784} << "[1, 28, 28]";
            QTest::addRow("%s [N, 28, 28]", kind) << QString(kind) << nn::Shape{nn::kBatch, 28, 28} << "[1, 28, 28]";
        }
        QTest::newRow("RGB [N, 3072]") << "MaxPool2D" << nn::Shape{nn::kBatch, 3072} << "[3, 32, 32]";
        QTest::newRow("5-D [N, 2, 3, 8, 8]") << "AvgPool2D" << nn::Shape{nn::kBatch, 2, 3, 8, 8} << "[6, 8, 8]";
        QTest::newRow("no square [N, 10]") << "Upsample" << nn::Shape{nn::kBatch, 10} << "[C, H, W] with C·H·W = 10";
    }

    void imageLayersAskForAReshape()
    {
        QFETCH(QString, kind);
        QFETCH(nn::Shape, input);
        QFETCH(QString, reshape);
        const std::string message = shapeErrorOf(kind.toStdString(), {}, {input});
        const std::string expected = kind.toStdString() + " expects images [N, C, H, W] but got " +
                                     nn::toString(input) + "; add a Reshape to " + reshape.toStdString() +
                                     " before it.";
        QCOMPARE(message, expected);
    }

    void poolWindowLargerThanTheImageIsNamed()
    {
        QCOMPARE(shapeErrorOf("MaxPool2D", {{"kernel_size", 3}}, {{nn::kBatch, 8, 2, 2}}),
                 std::string("MaxPool2D's 3×3 window does not fit in the 2×2 input [N, 8, 2, 2]; use a smaller "
                             "kernel_size or more padding."));
        const std::string padded =
            shapeErrorOf("AvgPool2D", {{"kernel_size", 7}, {"padding", 1}}, {{nn::kBatch, 1, 3, 9}});
        QVERIFY2(padded.find("7×7 window") != std::string::npos && padded.find("padded to 5×11") != std::string::npos,
                 padded.c_str());
    }

    void poolPaddingAboveHalfTheKernelIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("MaxPool2D") << "MaxPool2D";
        QTest::newRow("AvgPool2D") << "AvgPool2D";
    }

    void poolPaddingAboveHalfTheKernelIsRefused()
    {
        QFETCH(QString, kind);
        const std::string message =
            shapeErrorOf(kind.toStdString(), {{"kernel_size", 3}, {"padding", 2}}, {{nn::kBatch, 4, 10, 10}});
        QCOMPARE(message, kind.toStdString() + "'s padding 2 is more than half its kernel_size 3; use padding 1 or "
                                               "less, or a larger kernel_size.");
        QVERIFY(shapeErrorOf(kind.toStdString(), {{"kernel_size", 2}, {"padding", 1}}, {{nn::kBatch, 4, 10, 10}})
                    .empty());
    }

    void imageLayerOutputShapes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<nn::Shape>("input");
        QTest::addColumn<nn::Shape>("output");
        const int64_t n = nn::kBatch;
        QTest::newRow("MaxPool 2 on 26×26") << "MaxPool2D" << R"({"kernel_size": 2})" << nn::Shape{n, 32, 26, 26}
                                            << nn::Shape{n, 32, 13, 13};
        QTest::newRow("MaxPool 2 on 27×27 floors") << "MaxPool2D" << R"({"kernel_size": 2})"
                                                   << nn::Shape{n, 8, 27, 27} << nn::Shape{n, 8, 13, 13};
        QTest::newRow("MaxPool 3 stride 2 padding 1 on 5×7")
            << "MaxPool2D" << R"({"kernel_size": 3, "stride": 2, "padding": 1})" << nn::Shape{n, 3, 5, 7}
            << nn::Shape{n, 3, 3, 4};
        QTest::newRow("MaxPool 3 stride 2 on 7×7") << "MaxPool2D" << R"({"kernel_size": 3, "stride": 2})"
                                                   << nn::Shape{n, 2, 7, 7} << nn::Shape{n, 2, 3, 3};
        QTest::newRow("AvgPool 2 stride 1 on 5×5") << "AvgPool2D" << R"({"kernel_size": 2, "stride": 1})"
                                                   << nn::Shape{n, 2, 5, 5} << nn::Shape{n, 2, 4, 4};
        QTest::newRow("AvgPool 3 stride 1 padding 1 keeps the size")
            << "AvgPool2D" << R"({"kernel_size": 3, "stride": 1, "padding": 1})" << nn::Shape{n, 4, 9, 6}
            << nn::Shape{n, 4, 9, 6};
        QTest::newRow("GlobalAveragePool") << "GlobalAveragePool" << "{}" << nn::Shape{n, 64, 7, 7}
                                           << nn::Shape{n, 64};
        QTest::newRow("Upsample 3") << "Upsample" << R"({"scale_factor": 3})" << nn::Shape{n, 2, 4, 5}
                                    << nn::Shape{n, 2, 12, 15};
    }

    void imageLayerOutputShapes()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        QFETCH(nn::Shape, input);
        QFETCH(nn::Shape, output);
        auto layer = makeLayer(kind.toStdString(), nlohmann::json::parse(settings.toStdString()), {input});
        QCOMPARE(layer->inferShape({input}), output);
        nn::Shape concrete = input, concreteOut = output;
        concrete[0] = concreteOut[0] = 2;
        const nn::Tensor x(concrete);
        nn::Tensor y;
        nn::Saved saved;
        layer->forward({&x}, y, saved, {});
        QCOMPARE(y.shape(), concreteOut);
    }

    // The kernels take whole-row passes where windows lie inside the image and clip windows one by
    // one at the padding; both against windows written out directly, over sizes where either path
    // or both run, on values with many ties (four levels) so that the first maximum must win.
    void poolingMatchesDirectWindowsOnEveryGeometry()
    {
        int checked = 0;
        for (int64_t kernel = 1; kernel <= 4; ++kernel)
            for (int64_t stride = 1; stride <= 3; ++stride)
                for (int64_t padding = 0; 2 * padding <= kernel; ++padding)
                    for (int64_t height = 1; height <= 6; ++height)
                        for (int64_t width = 1; width <= 9; width += 2) {
                            if (height + 2 * padding < kernel || width + 2 * padding < kernel)
                                continue;
                            const nlohmann::json settings{
                                {"kernel_size", kernel}, {"stride", stride}, {"padding", padding}};
                            const std::string failure = comparePoolingWithDirectWindows(settings, height, width);
                            QVERIFY2(failure.empty(), (settings.dump() + " on " + std::to_string(height) + "×" +
                                                       std::to_string(width) + ": " + failure).c_str());
                            ++checked;
                        }
        QVERIFY2(checked > 300, qPrintable(QString("only %1 geometries checked").arg(checked)));
    }

    // Of equal values the first in row-major window order wins, as in PyTorch on the CPU.
    void maxPoolTiesGoToTheFirstInTheWindow()
    {
        auto pool = makeLayer("MaxPool2D", {{"kernel_size", 2}}, {{nn::kBatch, 1, 4, 4}});
        const nn::Tensor x({1, 1, 4, 4}, 1.0f), dy({1, 1, 2, 2}, 1.0f);
        const std::vector<nn::Tensor> run = layerrun::run(*pool, x, dy);
        const nn::Tensor expected({1, 1, 4, 4}, {1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0});
        QVERIFY2(bitwiseEqual(run[1], expected), "the gradient should go to each window's top-left value");
    }

    // A NaN wins its window, as in PyTorch, so a diverging network is not hidden behind the pooling;
    // a NaN in no window (the last row of an odd height) changes nothing. Both the 2×2, stride-2
    // path and the general one.
    void maxPoolLetsANaNWinItsWindow()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        for (const nlohmann::json &settings : {nlohmann::json{{"kernel_size", 2}},
                                               nlohmann::json{{"kernel_size", 3}, {"stride", 2}, {"padding", 1}}}) {
            auto pool = makeLayer("MaxPool2D", settings, {{nn::kBatch, 1, 5, 5}});
            nn::Tensor x({1, 1, 5, 5}, 1.0f);
            x[1 * 5 + 2] = nan;  // in the 2×2 window (0, 1); in the 3×3 windows (0, 1) and (1, 1)
            const int64_t side = settings["kernel_size"] == 2 ? 2 : 3;
            const nn::Tensor dy({1, 1, side, side}, 1.0f);
            const std::vector<nn::Tensor> run = layerrun::run(*pool, x, dy);
            for (int64_t o = 0; o < side * side; ++o) {
                const bool nanWindow = side == 2 ? o == 1 : (o == 1 || o == 4);
                QVERIFY2(std::isnan(run[0][o]) == nanWindow, qPrintable(QString("%1, output %2: %3")
                                                                         .arg(QString::fromStdString(settings.dump())).arg(o).arg(run[0][o])));
            }
            QVERIFY2(run[1][1 * 5 + 2] == (side == 2 ? 1.0f : 2.0f), "the NaN's place takes its windows' gradients");
        }
        auto pool = makeLayer("MaxPool2D", {{"kernel_size", 2}}, {{nn::kBatch, 1, 5, 5}});
        nn::Tensor x = randomTensor({1, 1, 5, 5}, 20);
        const nn::Tensor clean = layerrun::run(*pool, x, nn::Tensor({1, 1, 2, 2}, 1.0f))[0];
        x[4 * 5 + 1] = nan;
        QVERIFY(bitwiseEqual(layerrun::run(*pool, x, nn::Tensor({1, 1, 2, 2}, 1.0f))[0], clean));
    }

    // Right after the Input nothing needs ∂L/∂x, so the model never runs these layers' backward; when
    // the input gradient is asked for, it runs it once and hands over what the layer computes alone.
    void imageLayersSkipTheInputGradientWhenNotNeeded()
    {
        for (const char *kind : {"MaxPool2D", "AvgPool2D", "GlobalAveragePool", "Upsample"}) {
            nn::Graph graph;
            const int input = graph.addNode("Input");
            graph.node(input).settings.set("shape", std::vector<int64_t>{2, 4, 4});
            const int image = graph.addNode(kind);
            const int flatten = graph.addNode("Flatten");
            const int dense = graph.addNode("Dense");
            graph.connect(input, image);
            graph.connect(image, flatten);
            graph.connect(flatten, dense);
            nn::Model model(graph, 5);
            model.setTiming(true);
            const nn::Tensor x = randomTensor({3, 2, 4, 4}, 18);
            nn::Pass pass;
            model.forward(pass, {&x}, {});
            const nn::Tensor dOut = randomTensor(pass.output().shape(), 19);
            model.backward(pass, {&dOut});
            const auto calls = [&] {
                for (const nn::LayerTiming &timing : model.timings())
                    if (timing.kind == kind)
                        return timing.backwardCalls;
                return int64_t{-1};
            };
            QVERIFY2(calls() == 0, kind);
            QVERIFY2(model.timings().back().backwardCalls == 1, "the Dense layer should still learn");
            QVERIFY2(pass.gradient(image).empty(), kind);

            model.backward(pass, {&dOut}, true);
            QVERIFY2(calls() == 1, kind);
            auto alone = makeLayer(kind, {}, {{nn::kBatch, 2, 4, 4}});
            nn::Tensor y, dx(x.shape());
            nn::Saved saved;
            alone->forward({&x}, y, saved, {});
            alone->backward({&x}, y, pass.gradient(image), saved, {&dx}, {});
            QVERIFY2(bitwiseEqual(pass.inputGradient(), dx), kind);
        }
    }

    // Products split into several chunks (of batch rows for the output, of feature columns for dW
    // and dX) against sums written out in double.
    void denseMatchesDirectSumsAcrossChunks()
    {
        const int64_t n = 200, features = 300, units = 150;
        auto dense = makeLayer("Dense", {{"units", units}, {"activation", "tanh"}}, {{nn::kBatch, features}});
        const nn::Tensor x = randomTensor({n, features}, 10), dy = randomTensor({n, units}, 11);
        const std::vector<nn::Tensor> run = layerrun::run(*dense, x, dy);
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
        const std::vector<nn::Tensor> withDx = layerrun::run(*dense, x, dy);
        nn::Tensor y;
        for (nn::Parameter *p : dense->parameters())
            p->grad.setZero();
        nn::Saved saved;
        dense->forward({&x}, y, saved, {});
        dense->backward({&x}, y, dy, saved, {nullptr}, {});
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
        QTest::newRow("normal") << "normal" << 0.0 << 1.0;
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

    // The image layers as the Model runs them: the first Dense only learns if every pooling layer's
    // backward passes the gradient on.
    void poolingChainTrainsThroughTheModel()
    {
        const nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {16}}}},
                                                  {"Dense", {{"units", 72}, {"activation", "tanh"}}},
                                                  {"Reshape", {{"shape", {2, 6, 6}}}},
                                                  {"Upsample", {}},
                                                  {"MaxPool2D", {{"kernel_size", 3}, {"stride", 2}, {"padding", 1}}},
                                                  {"AvgPool2D", {}},
                                                  {"GlobalAveragePool", {}},
                                                  {"Dense", {{"units", 3}}}});
        nn::Model model(graph, 7);
        nn::RunContext ctx;
        ctx.training = true;
        const nn::Tensor &y = model.forward(randomTensor({5, 16}, 20), ctx);
        QCOMPARE(y.shape(), (nn::Shape{5, 3}));
        model.backward(randomTensor({5, 3}, 21), ctx);
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

    void batchNormRefusesABatchOfOneWhileTraining()
    {
        auto norm = makeLayer("BatchNorm", {}, {{nn::kBatch, 5}});
        const nn::Tensor one = randomTensor({1, 5}, 20);
        nn::Tensor y;
        nn::Saved saved;
        QVERIFY_THROWS_EXCEPTION(nn::TrainingError, norm->forward({&one}, y, saved, trainingContext()));
        const std::string message = errorMessage([&] { norm->forward({&one}, y, saved, trainingContext()); });
        QVERIFY2(message.find("node1") != std::string::npos &&
                     message.find("at least 2 values per channel") != std::string::npos &&
                     message.find("batch size of 2") != std::string::npos &&
                     message.find("LayerNorm") != std::string::npos,
                 message.c_str());
        QVERIFY2(norm->buffers()[0]->value.array().isZero() && (norm->buffers()[1]->value.array() == 1.0f).all(),
                 "a refused batch changed the running statistics");
        norm->forward({&one}, y, saved, {});  // evaluation needs no batch statistics
        QVERIFY2(y.allFinite(), "evaluation of a single sample failed");
        // One image still has H·W values in each channel.
        auto images = makeLayer("BatchNorm", {}, {{nn::kBatch, 3, 4, 4}});
        const nn::Tensor image = randomTensor({1, 3, 4, 4}, 21);
        images->forward({&image}, y, saved, trainingContext());
        QVERIFY2(y.allFinite(), "training on one image with 16 values per channel failed");
    }

    void normalizationShapeErrorsSayWhatFits()
    {
        const std::string scalars = shapeErrorOf("BatchNorm", {}, {{nn::kBatch}});
        QVERIFY2(scalars.find("got [N]") != std::string::npos && scalars.find("[N, C, H, W]") != std::string::npos,
                 scalars.c_str());
        const std::string volumes = shapeErrorOf("BatchNorm", {}, {{nn::kBatch, 2, 3, 4, 5}});
        QVERIFY2(volumes.find("got [N, 2, 3, 4, 5]") != std::string::npos &&
                     volumes.find("Reshape") != std::string::npos,
                 volumes.c_str());
        const std::string layer = shapeErrorOf("LayerNorm", {}, {{nn::kBatch}});
        QVERIFY2(layer.find("got [N]") != std::string::npos, layer.c_str());
        for (const nn::Shape &shape : {nn::Shape{nn::kBatch, 6}, nn::Shape{nn::kBatch, 3, 7},
                                       nn::Shape{nn::kBatch, 3, 4, 4}}) {
            QCOMPARE(makeLayer("BatchNorm", {}, {shape})->inferShape({shape}), shape);
            QCOMPARE(makeLayer("LayerNorm", {}, {shape})->inferShape({shape}), shape);
        }
    }

    void batchNormStartsAsPyTorchDoes()
    {
        auto norm = makeLayer("BatchNorm", {}, {{nn::kBatch, 4, 3, 3}});
        const auto parameters = norm->parameters();
        const auto buffers = norm->buffers();
        QCOMPARE(parameters.size(), size_t(2));
        QCOMPARE(buffers.size(), size_t(2));
        const std::pair<nn::Parameter *, float> expected[] = {
            {parameters[0], 1.0f}, {parameters[1], 0.0f}, {buffers[0], 0.0f}, {buffers[1], 1.0f}};
        const char *names[] = {"weight", "bias", "running_mean", "running_var"};
        for (size_t i = 0; i < 4; ++i) {
            const auto &[p, value] = expected[i];
            QCOMPARE(p->name, std::string(names[i]));
            QCOMPARE(p->value.shape(), (nn::Shape{4}));
            QVERIFY2((p->value.array() == value).all(), (p->name + " does not start at PyTorch's value").c_str());
            QVERIFY2(!p->decays, (p->name + " must not take weight decay").c_str());
        }
        QVERIFY2(buffers[0]->grad.empty() && buffers[1]->grad.empty(), "buffers have no gradient");
        QVERIFY(makeLayer("BatchNorm", {{"affine", false}}, {{nn::kBatch, 4}})->parameters().empty());
    }

    // In evaluation each channel is (x − running_mean) / √(running_var + eps) · γ + β: the running
    // statistics decide the output, the rest of the batch does not, and nothing is updated.
    void batchNormEvaluationUsesRunningStatistics()
    {
        const float eps = 1e-3f;
        auto norm = makeLayer("BatchNorm", {{"eps", double(eps)}}, {{nn::kBatch, 3, 2, 2}});
        const float mean[] = {0.5f, -1.0f, 2.0f}, var[] = {4.0f, 0.25f, 1.0f};
        const float gamma[] = {2.0f, 1.0f, 0.5f}, beta[] = {0.0f, 1.0f, -1.0f};
        for (int c = 0; c < 3; ++c) {
            norm->buffers()[0]->value[c] = mean[c];
            norm->buffers()[1]->value[c] = var[c];
            norm->parameters()[0]->value[c] = gamma[c];
            norm->parameters()[1]->value[c] = beta[c];
        }
        nn::Tensor x = randomTensor({5, 3, 2, 2}, 22), y;
        nn::Saved saved;
        norm->forward({&x}, y, saved, {});
        for (int64_t i = 0; i < x.size(); ++i) {
            const int64_t c = (i / 4) % 3;
            const double expected = (x[i] - mean[c]) / std::sqrt(double(var[c]) + eps) * gamma[c] + beta[c];
            QVERIFY2(std::abs(y[i] - expected) < 1e-6,
                     qPrintable(QString("value %1 is %2, expected %3").arg(i).arg(y[i]).arg(expected)));
        }
        const nn::Tensor first = y;
        x.array().tail(4 * 12) += 5.0f;  // every sample but the first
        norm->forward({&x}, y, saved, {});
        QVERIFY2(std::memcmp(y.data(), first.data(), 12 * sizeof(float)) == 0,
                 "the first sample's output changed with the other samples in evaluation");
        QVERIFY2(norm->buffers()[0]->value[0] == mean[0] && norm->buffers()[1]->value[0] == var[0],
                 "evaluation changed the running statistics");
        norm->buffers()[0]->value[1] += 1.0f;
        nn::Tensor moved;
        norm->forward({&x}, moved, saved, {});
        QVERIFY2(std::abs(moved[4] - (y[4] - gamma[1] / std::sqrt(var[1] + eps))) < 1e-5,
                 "moving the running mean of channel 1 did not shift its output");
        QVERIFY2(std::memcmp(moved.data(), y.data(), 4 * sizeof(float)) == 0,
                 "moving channel 1's running mean changed channel 0");
    }

    void batchNormRunningStatisticsFollowPyTorchsRule_data()
    {
        QTest::addColumn<nn::Shape>("shape");
        QTest::newRow("[32, 7]") << nn::Shape{32, 7};
        QTest::newRow("[16, 3, 25]") << nn::Shape{16, 3, 25};
        QTest::newRow("[16, 3, 5, 5]") << nn::Shape{16, 3, 5, 5};
    }

    // After several training steps the running statistics are those of a direct double-precision
    // computation: running = (1 − m)·running + m·batch, the variance unbiased (divided by M − 1).
    void batchNormRunningStatisticsFollowPyTorchsRule()
    {
        QFETCH(nn::Shape, shape);
        const double momentum = 0.2;
        nn::Shape symbolic = shape;
        symbolic[0] = nn::kBatch;
        auto norm = makeLayer("BatchNorm", {{"momentum", momentum}}, {symbolic});
        const int64_t n = shape[0], channels = shape[1], size = nn::elementCount(shape) / (n * channels);
        std::vector<double> mean(size_t(channels), 0.0), var(size_t(channels), 1.0);
        for (int step = 0; step < 6; ++step) {
            nn::Tensor x = randomTensor(shape, 30 + uint64_t(step)), y;
            x.array() = x.array() * float(1 + step) + float(step);  // statistics that move from step to step
            nn::Saved saved;
            norm->forward({&x}, y, saved, trainingContext());
            for (int64_t c = 0; c < channels; ++c) {
                double sum = 0.0, squares = 0.0;
                for (int64_t i = 0; i < n; ++i)
                    for (int64_t k = 0; k < size; ++k)
                        sum += x[(i * channels + c) * size + k];
                const double batchMean = sum / double(n * size);
                for (int64_t i = 0; i < n; ++i)
                    for (int64_t k = 0; k < size; ++k)
                        squares += std::pow(x[(i * channels + c) * size + k] - batchMean, 2);
                mean[size_t(c)] = (1.0 - momentum) * mean[size_t(c)] + momentum * batchMean;
                var[size_t(c)] = (1.0 - momentum) * var[size_t(c)] + momentum * squares / double(n * size - 1);
            }
        }
        for (int64_t c = 0; c < channels; ++c) {
            const float gotMean = norm->buffers()[0]->value[c], gotVar = norm->buffers()[1]->value[c];
            QVERIFY2(jsonfixture::close(gotMean, mean[size_t(c)], 1e-6) &&
                         jsonfixture::close(gotVar, var[size_t(c)], 1e-6),
                     qPrintable(QString("channel %1: running mean %2, var %3; expected %4, %5")
                                    .arg(c).arg(gotMean).arg(gotVar).arg(mean[size_t(c)]).arg(var[size_t(c)])));
        }
    }

    void normalizationIsBitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<nn::Shape>("shape");
        QTest::newRow("BatchNorm [64, 32, 26, 26]") << "BatchNorm" << nn::Shape{64, 32, 26, 26};
        QTest::newRow("BatchNorm [64, 16, 100]") << "BatchNorm" << nn::Shape{64, 16, 100};
        QTest::newRow("BatchNorm [256, 300]") << "BatchNorm" << nn::Shape{256, 300};
        QTest::newRow("LayerNorm [64, 32, 26, 26]") << "LayerNorm" << nn::Shape{64, 32, 26, 26};
        QTest::newRow("LayerNorm [256, 300]") << "LayerNorm" << nn::Shape{256, 300};
    }

    // Training forward and backward (output, dX, dγ, dβ and the running statistics) on 1, 2, 16 threads.
    void normalizationIsBitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(nn::Shape, shape);
        nn::Shape symbolic = shape;
        symbolic[0] = nn::kBatch;
        const nn::Tensor x = randomTensor(shape, 23), dy = randomTensor(shape, 24);
        std::vector<std::vector<nn::Tensor>> runs;
        for (int threads : {1, 2, 16}) {
            auto norm = makeLayer(kind.toStdString(), {}, {symbolic});
            for (nn::Parameter *p : norm->parameters())
                p->value = randomTensor(p->value.shape(), 25, 0.5f, 1.5f);
            runs.push_back(layerrun::runOn(threads, *norm, x, dy, trainingContext()));
        }
        const char *names[] = {"output", "dX", "dγ", "dβ", "running_mean", "running_var"};
        for (size_t run = 1; run < runs.size(); ++run)
            for (size_t i = 0; i < runs[0].size(); ++i)
                QVERIFY2(bitwiseEqual(runs[run][i], runs[0][i]),
                         qPrintable(QString("%1 differs between 1 and %2 threads")
                                        .arg(names[i])
                                        .arg(run == 1 ? 2 : 16)));
    }

    void normalizationMatchesDirectSumsAcrossChunks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<nn::Shape>("shape");
        QTest::newRow("BatchNorm [512, 70]: 2 chunks of features") << "BatchNorm" << nn::Shape{512, 70};
        QTest::newRow("BatchNorm [256, 100, 2, 2]: 4 chunks of channels") << "BatchNorm" << nn::Shape{256, 100, 2, 2};
        QTest::newRow("BatchNorm [16, 3, 48, 48]: a chunk per channel") << "BatchNorm" << nn::Shape{16, 3, 48, 48};
        QTest::newRow("LayerNorm [300, 4, 50]: 2 chunks both ways") << "LayerNorm" << nn::Shape{300, 4, 50};
    }

    // Training forward and backward, split into several chunks, against the formulas in double.
    void normalizationMatchesDirectSumsAcrossChunks()
    {
        QFETCH(QString, kind);
        QFETCH(nn::Shape, shape);
        nn::Shape symbolic = shape;
        symbolic[0] = nn::kBatch;
        auto norm = makeLayer(kind.toStdString(), {}, {symbolic});
        nn::Tensor &gamma = norm->parameters()[0]->value, &beta = norm->parameters()[1]->value;
        gamma = randomTensor(gamma.shape(), 40, 0.5f, 1.5f);
        beta = randomTensor(beta.shape(), 41);
        nn::Tensor x = randomTensor(shape, 42), dy = randomTensor(shape, 43);
        x.array() = x.array() * 2.0f + 1.0f;
        const std::vector<nn::Tensor> run = layerrun::run(*norm, x, dy, trainingContext());
        const int64_t channels = shape[1], perSample = nn::featuresPerSample(shape), plane = perSample / channels;
        const NormReference expected =
            kind == "BatchNorm"
                ? normalizeInDouble(x, dy, gamma, beta, 1e-5, channels, [&](int64_t e) { return e / plane % channels; },
                                    [&](int64_t e) { return e / plane % channels; })
                : normalizeInDouble(x, dy, gamma, beta, 1e-5, shape[0], [&](int64_t e) { return e / perSample; },
                                    [&](int64_t e) { return e % perSample; });
        std::string failure = compareToDouble("output", run[0], expected.y, 1e-5);
        if (failure.empty())
            failure = compareToDouble("dX", run[1], expected.dx, 1e-5);
        if (failure.empty())
            failure = compareToDouble("dγ", run[2], expected.dGamma, 1e-5);
        if (failure.empty())
            failure = compareToDouble("dβ", run[3], expected.dBeta, 1e-5);
        QVERIFY2(failure.empty(), failure.c_str());
    }

    void layerNormIsTheSameInTrainingAndEvaluation()
    {
        auto norm = makeLayer("LayerNorm", {}, {{nn::kBatch, 3, 4, 4}});
        QCOMPARE(norm->parameters()[0]->value.shape(), (nn::Shape{3, 4, 4}));
        QCOMPARE(norm->parameters()[1]->value.shape(), (nn::Shape{3, 4, 4}));
        QVERIFY2(norm->buffers().empty(), "LayerNorm keeps no running statistics");
        for (nn::Parameter *p : norm->parameters())
            p->value = randomTensor(p->value.shape(), 26);
        // A batch of one sample: LayerNorm's statistics are per sample, so training needs no more.
        const nn::Tensor x = randomTensor({1, 3, 4, 4}, 27), dy = randomTensor({1, 3, 4, 4}, 28);
        const std::vector<nn::Tensor> evaluation = layerrun::run(*norm, x, dy);
        const std::vector<nn::Tensor> training = layerrun::run(*norm, x, dy, trainingContext());
        for (size_t i = 0; i < training.size(); ++i)
            QVERIFY2(bitwiseEqual(training[i], evaluation[i]),
                     qPrintable(QString("result %1 differs between training and evaluation").arg(i)));
    }

    // Through the Model: both kinds train in a chain, BatchNorm's running statistics move, and
    // resetting the weights (Model::initialize) resets them to PyTorch's zeros and ones.
    void normalizationTrainsInAChainAndResets()
    {
        const nn::Graph graph = nn::Graph::chain({{"Input", {{"shape", {2, 3, 3}}}},
                                                  {"BatchNorm", {}},
                                                  {"Flatten", {}},
                                                  {"Dense", {{"units", 6}, {"activation", "relu"}}},
                                                  {"LayerNorm", {}},
                                                  {"Dense", {{"units", 2}}}});
        nn::Model model(graph, 7);
        const nn::Tensor &y = model.forward(randomTensor({4, 2, 3, 3}, 29, 1.0f, 3.0f), trainingContext());
        QCOMPARE(y.shape(), (nn::Shape{4, 2}));
        model.backward(randomTensor({4, 2}, 30), trainingContext());
        for (const nn::NamedParameter &p : model.parameters())
            QVERIFY2(p.parameter->grad.allFinite() && !p.parameter->grad.array().isZero(),
                     (p.name + " received no gradient").c_str());
        const auto buffers = model.buffers();
        QCOMPARE(buffers.size(), size_t(2));
        QCOMPARE(buffers[0].name, std::string("batchnorm1.running_mean"));
        QCOMPARE(buffers[1].name, std::string("batchnorm1.running_var"));
        QVERIFY2((buffers[0].parameter->value.array() > 0.05f).all(), "the running mean did not follow the batch");
        model.initialize(8);
        QVERIFY2(buffers[0].parameter->value.array().isZero() && (buffers[1].parameter->value.array() == 1.0f).all(),
                 "initialize did not reset the running statistics to 0 and 1");
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
