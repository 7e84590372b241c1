// The backprop stepper's engine side: traceBackprop records exactly what Model::forward/backward and
// the optimizer compute, and Optimizer::explainUpdate spells out the very update step() makes
// (SGD, momentum, Nesterov, RMSprop, Adam with its bias correction, AdamW, Adagrad), with terms
// checked against values worked out by hand.
#include "gradcheck.h"
#include "layerrun.h"

#include "nn/backproptrace.h"
#include "nn/error.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "nn/registry.h"

#include <QtTest>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

Q_DECLARE_METATYPE(nn::Graph)

using gradcheck::randomTensor;
using layerrun::bitwiseEqual;

namespace {

int add(nn::Graph &graph, const std::string &kind, const std::string &name, const nlohmann::json &settings,
        int from = -1)
{
    const int id = graph.addNode(kind, name);
    graph.node(id).settings = nn::Settings::fromJson(nn::layerRegistry().spec(kind), settings);
    if (from >= 0)
        graph.connect(from, id);
    return id;
}

// The spiral's shape: 2 → Dense(5, tanh) → Dense(5, relu) → Dense(3).
nn::Graph mlp()
{
    nn::Graph graph;
    const int x = add(graph, "Input", "x", {{"shape", {2}}});
    const int h1 = add(graph, "Dense", "hidden1", {{"units", 5}, {"activation", "tanh"}}, x);
    const int h2 = add(graph, "Dense", "hidden2", {{"units", 5}, {"activation", "relu"}}, h1);
    add(graph, "Dense", "out", {{"units", 3}}, h2);
    return graph;
}

// [1, 6, 6] → Conv2D(2, 3×3, relu) → MaxPool(2) → Flatten → Dense(3).
nn::Graph cnn()
{
    nn::Graph graph;
    const int x = add(graph, "Input", "x", {{"shape", {1, 6, 6}}});
    const int c = add(graph, "Conv2D", "conv", {{"filters", 2}, {"kernel_size", 3}, {"activation", "relu"}}, x);
    const int p = add(graph, "MaxPool2D", "pool", {{"kernel_size", 2}}, c);
    const int f = add(graph, "Flatten", "flat", nlohmann::json::object(), p);
    add(graph, "Dense", "out", {{"units", 3}}, f);
    return graph;
}

std::unique_ptr<nn::Optimizer> makeOptimizer(const std::string &kind, const nlohmann::json &settings)
{
    return nn::optimizerRegistry().create(kind, nn::Settings::fromJson(nn::optimizerRegistry().spec(kind), settings));
}

nn::Tensor classes(int64_t n)
{
    nn::Tensor y({n});
    for (int64_t i = 0; i < n; ++i)
        y[i] = float(i % 3);
    return y;
}

double term(const nn::UpdateExplanation &e, const std::string &symbol)
{
    const nn::UpdateTerm *t = e.term(symbol);
    if (!t)
        qFatal("the explanation has no term %s", symbol.c_str());
    return t->value;
}

} // namespace

class TestBackpropTrace : public QObject {
    Q_OBJECT

private slots:
    void traceEqualsModelAndOptimizer_data();
    void traceEqualsModelAndOptimizer();
    void traceRefusesAnUnknownParameter();
    void explanationIsTheStep_data();
    void explanationIsTheStep();
    void sgdByHand();
    void momentumByHand();
    void adamBiasCorrectionByHand();
};

void TestBackpropTrace::traceEqualsModelAndOptimizer_data()
{
    QTest::addColumn<nn::Graph>("graph");
    QTest::addColumn<QString>("sampleShape");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("mlp") << mlp() << "2" << "hidden2.weight";
    QTest::newRow("cnn") << cnn() << "1,6,6" << "conv.weight";
}

// Every tensor of the trace is bitwise the one a separate forward, backward and Adam step compute.
void TestBackpropTrace::traceEqualsModelAndOptimizer()
{
    QFETCH(nn::Graph, graph);
    QFETCH(QString, sampleShape);
    QFETCH(QString, parameter);
    nn::Shape shape = {4};
    for (const QString &d : sampleShape.split(','))
        shape.push_back(d.toLongLong());
    const nn::Tensor x = randomTensor(shape, 7);
    const nn::Tensor y = classes(4);
    nn::TrainingConfig config;
    config.optimizer = "Adam";
    config.seed = 3;

    nn::Model source(graph, 11);
    // A run two steps in: the optimizer's moments are not zero.
    auto runOptimizer = makeOptimizer("Adam", nlohmann::json::object());
    auto loss = nn::lossRegistry().create("CrossEntropy");
    nn::Tensor dOut;
    for (int i = 0; i < 2; ++i) {
        source.zeroGrad();
        const nn::Tensor &out = source.forward(randomTensor(shape, 20 + uint64_t(i)), {true, 3, uint64_t(i)});
        loss->backward(out, y, dOut);
        source.backward(dOut, {true, 3, uint64_t(i)});
        runOptimizer->step(source.parameterList());
    }
    const nn::OptimizerState state = runOptimizer->state();
    std::vector<nn::Tensor> weightsBefore;
    for (const auto &w : source.weights())
        weightsBefore.push_back(*w.second);

    const nn::BackpropTrace trace = nn::traceBackprop(source, config, x, y, &state, 2, {parameter.toStdString(), 1});

    for (size_t i = 0; i < weightsBefore.size(); ++i)
        QVERIFY2(bitwiseEqual(*source.weights()[i].second, weightsBefore[i]), "the traced model was changed");
    // The same step, separately.
    source.zeroGrad();
    nn::Pass pass;
    source.forward(pass, {&x}, {true, 3, 2});
    QCOMPARE(trace.lossValue, loss->forward(pass.output(), y));
    loss->backward(pass.output(), y, dOut);
    QVERIFY(bitwiseEqual(trace.dOutput, dOut));
    source.backward(pass, {&dOut}, true);
    QCOMPARE(trace.nodes.size(), source.graph().topologicalOrder().size());
    for (const nn::TraceNode &node : trace.nodes) {
        const QByteArray name = QByteArray::fromStdString(node.name);
        QVERIFY2(bitwiseEqual(node.output, pass.activation(node.nodeId)), name);
        QVERIFY2(bitwiseEqual(node.dOutput, pass.gradient(node.nodeId)), name);
        for (size_t i = 0; i < node.inputs.size(); ++i) {
            QVERIFY2(bitwiseEqual(node.inputs[i], pass.activation(node.inputNodes[i])), name);
            QVERIFY2(bitwiseEqual(node.dInputs[i], pass.gradient(node.inputNodes[i])), name);
        }
    }
    QVERIFY(bitwiseEqual(trace.nodes.front().output, x));
    QVERIFY(bitwiseEqual(trace.nodes[1].dInputs.at(0), pass.inputGradient()));
    size_t p = 0;
    std::vector<nn::Parameter *> parameters = source.parameterList();
    for (const nn::TraceNode &node : trace.nodes)
        for (const nn::TraceParameter &traced : node.parameters) {
            QVERIFY2(bitwiseEqual(traced.grad, parameters[p]->grad), traced.name.c_str());
            QVERIFY2(bitwiseEqual(traced.value, parameters[p]->value), traced.name.c_str());
            ++p;
        }
    QCOMPARE(p, parameters.size());
    runOptimizer->step(parameters);
    const auto names = source.parameters();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i].name == parameter.toStdString()) {
            QVERIFY(bitwiseEqual(trace.updatedValue, names[i].parameter->value));
            QCOMPARE(trace.update.after, names[i].parameter->value[1]);
            QCOMPARE(trace.update.gradient, parameters[i]->grad[1]);
        }
    QCOMPARE(trace.update.step, int64_t(3));
}

void TestBackpropTrace::traceRefusesAnUnknownParameter()
{
    nn::Model model(mlp(), 1);
    const nn::Tensor x = randomTensor({2, 2}, 1);
    try {
        nn::traceBackprop(model, {}, x, classes(2), nullptr, 0, {"nowhere.weight", 0});
        QFAIL("a parameter the network does not have was traced");
    } catch (const nn::SettingError &error) {
        QVERIFY2(std::string(error.what()).find("nowhere.weight") != std::string::npos, error.what());
    }
    try {
        nn::traceBackprop(model, {}, x, classes(2), nullptr, 0, {"out.bias", 3});
        QFAIL("an element past the parameter's end was explained");
    } catch (const nn::SettingError &) {
    }
}

void TestBackpropTrace::explanationIsTheStep_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("settings");
    QTest::newRow("sgd") << "SGD" << R"({"lr": 0.1})";
    QTest::newRow("sgd weight decay") << "SGD" << R"({"lr": 0.1, "weight_decay": 0.01})";
    QTest::newRow("momentum") << "SGD" << R"({"lr": 0.1, "momentum": 0.9, "dampening": 0.1})";
    QTest::newRow("nesterov") << "SGD" << R"({"lr": 0.1, "momentum": 0.9, "nesterov": true})";
    QTest::newRow("rmsprop") << "RMSprop" << R"({"lr": 0.01})";
    QTest::newRow("rmsprop centered momentum") << "RMSprop" << R"({"centered": true, "momentum": 0.5})";
    QTest::newRow("adam") << "Adam" << R"({"lr": 0.01})";
    QTest::newRow("adam amsgrad decay") << "Adam" << R"({"amsgrad": true, "weight_decay": 0.1})";
    QTest::newRow("adamw") << "AdamW" << R"({"lr": 0.01, "weight_decay": 0.1})";
    QTest::newRow("adagrad") << "Adagrad" << R"({"lr_decay": 0.1, "weight_decay": 0.01})";
}

// Over three steps of a parameter of several chunks, each explained element's `after` is bitwise what
// step() writes, and explaining changes nothing of the optimizer (a twin that never explains agrees).
void TestBackpropTrace::explanationIsTheStep()
{
    QFETCH(QString, kind);
    QFETCH(QString, settings);
    const nlohmann::json json = nlohmann::json::parse(settings.toStdString());
    auto explained = makeOptimizer(kind.toStdString(), json), twin = makeOptimizer(kind.toStdString(), json);
    const int64_t size = 20000;
    nn::Parameter a{"weight", randomTensor({size}, 1), nn::Tensor({size}), true};
    nn::Parameter b{"bias", randomTensor({3}, 2), nn::Tensor({3}), false};
    nn::Parameter twinA = a, twinB = b;
    const std::vector<nn::Parameter *> parameters{&a, &b}, twins{&twinA, &twinB};
    for (int step = 0; step < 3; ++step) {
        a.grad = twinA.grad = randomTensor({size}, 10 + uint64_t(step));
        b.grad = twinB.grad = randomTensor({3}, 20 + uint64_t(step));
        std::vector<nn::UpdateExplanation> explanations;
        for (int64_t element : {int64_t(0), int64_t(5), int64_t(8191), int64_t(8197), size - 1})
            explanations.push_back(explained->explainUpdate(parameters, 0, element));
        explanations.push_back(explained->explainUpdate(parameters, 1, 2));
        explained->step(parameters);
        twin->step(twins);
        QVERIFY2(bitwiseEqual(a.value, twinA.value), "explaining changed the optimizer's steps");
        QVERIFY2(bitwiseEqual(b.value, twinB.value), "explaining changed the optimizer's steps");
        for (const nn::UpdateExplanation &e : explanations) {
            const nn::Parameter &p = e.parameter == "weight" ? a : b;
            QCOMPARE(e.step, int64_t(step + 1));
            QCOMPARE(e.after, p.value[e.element]);
            QVERIFY2(!e.lines.empty() && e.lines.back().find(nn::formatNumber(e.after)) != std::string::npos,
                     e.lines.empty() ? "no lines" : e.lines.back().c_str());
        }
    }
}

void TestBackpropTrace::sgdByHand()
{
    auto sgd = makeOptimizer("SGD", {{"lr", 0.1}});
    nn::Parameter w{"weight", nn::Tensor({2}, {0.5f, -1.0f}), nn::Tensor({2}, {0.2f, 0.4f}), true};
    const nn::UpdateExplanation e = sgd->explainUpdate({&w}, 0, 1);
    QCOMPARE(e.before, -1.0f);
    QCOMPARE(e.gradient, 0.4f);
    QCOMPARE(term(e, "α"), double(0.1f));
    QCOMPARE(e.after, -1.0f - 0.1f * 0.4f);
    QCOMPARE(QString::fromStdString(e.lines.back()), QStringLiteral("w ← w − α·g = -1 − 0.1·0.4 = -1.04"));
}

// b = g on the first step, then b = μ·b + g; w moves by α·b.
void TestBackpropTrace::momentumByHand()
{
    auto sgd = makeOptimizer("SGD", {{"lr", 0.1}, {"momentum", 0.9}});
    nn::Parameter w{"weight", nn::Tensor({1}, {1.0f}), nn::Tensor({1}, {0.5f}), true};
    QCOMPARE(term(sgd->explainUpdate({&w}, 0, 0), "b'"), 0.5);
    sgd->step({&w});  // w = 1 − 0.05 = 0.95
    w.grad[0] = -0.25f;
    const nn::UpdateExplanation e = sgd->explainUpdate({&w}, 0, 0);
    QCOMPARE(term(e, "b"), 0.5);
    QVERIFY(std::abs(term(e, "b'") - (0.9 * 0.5 - 0.25)) < 1e-7);
    QVERIFY(std::abs(e.after - (0.95 - 0.1 * 0.2)) < 1e-6);
}

// Adam's first two steps by hand: m̂ and v̂ undo the moments' start at 0, so the first step moves w by
// about α·sign(g) whatever g's size.
void TestBackpropTrace::adamBiasCorrectionByHand()
{
    auto adam = makeOptimizer("Adam", {{"lr", 0.01}});
    const double g1 = 0.003, g2 = -0.001;
    nn::Parameter w{"weight", nn::Tensor({1}, {0.2f}), nn::Tensor({1}, {float(g1)}), true};
    const nn::UpdateExplanation first = adam->explainUpdate({&w}, 0, 0);
    // The update runs in float, as PyTorch's: 1 − β2 is 0.00099998713 there, 1.3e-5 from 0.001.
    const double m1 = 0.1 * g1, v1 = 0.001 * g1 * g1;
    QVERIFY(std::abs(term(first, "m'") - m1) < 1e-9);
    QVERIFY(std::abs(term(first, "v'") - v1) / v1 < 1e-4);
    QVERIFY(std::abs(term(first, "m̂") - g1) / g1 < 1e-5);
    QVERIFY(std::abs(term(first, "v̂") - g1 * g1) / (g1 * g1) < 1e-4);
    QVERIFY(std::abs(first.after - (0.2 - 0.01)) < 1e-6);  // w − α·g/|g|
    adam->step({&w});
    w.grad[0] = float(g2);
    const nn::UpdateExplanation second = adam->explainUpdate({&w}, 0, 0);
    const double m2 = 0.9 * m1 + 0.1 * g2, v2 = 0.999 * v1 + 0.001 * g2 * g2;
    const double mHat = m2 / (1 - 0.81), vHat = v2 / (1 - 0.999 * 0.999);
    QCOMPARE(term(second, "t"), 2.0);
    QVERIFY(std::abs(term(second, "m̂") - mHat) / std::abs(mHat) < 1e-5);
    QVERIFY(std::abs(term(second, "v̂") - vHat) / vHat < 1e-4);
    QVERIFY(std::abs(second.after - (first.after - 0.01 * mHat / (std::sqrt(vHat) + 1e-8))) < 1e-6);
}

QTEST_APPLESS_MAIN(TestBackpropTrace)
#include "test_backprop_trace.moc"
