// Models as GANs, sequences and the views inside a network use them: a layer called several times
// in one step, several models, several inputs and outputs, input gradients, frozen parameters and
// random streams keyed by model. Gradients are held against central differences and against
// PyTorch (tests/fixtures/models.json, from tests/make_model_fixtures.py).
#include "gradcheck.h"
#include "jsonfixture.h"
#include "layerrun.h"
#include "nn/adversarialstep.h"
#include "nn/error.h"
#include "nn/graph.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "nn/registry.h"
#include "nn/runstate.h"
#include "nn/taps.h"
#include "nn/trainer.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <memory>

using gradcheck::randomTensor;
using layerrun::bitwiseEqual;

namespace {

// Adds a node of `kind` named `name` with `settings`, fed by `from` (none when -1).
int add(nn::Graph &graph, const std::string &kind, const std::string &name, const nlohmann::json &settings,
        int from = -1)
{
    const int id = graph.addNode(kind, name);
    nn::Node &node = graph.node(id);
    node.settings = nn::Settings::fromJson(nn::layerRegistry().spec(kind), settings);
    if (from >= 0)
        graph.connect(from, id);
    return id;
}

// Input [features] → "hidden" Dense(hidden, activation) → "out" Dense(outputs).
nn::Graph perceptron(int64_t features, int64_t hidden, const std::string &activation, int64_t outputs)
{
    nn::Graph graph;
    const int x = add(graph, "Input", "x", {{"shape", {features}}});
    const int h = add(graph, "Dense", "hidden", {{"units", hidden}, {"activation", activation}}, x);
    add(graph, "Dense", "out", {{"units", outputs}}, h);
    return graph;
}

// Copies each fixture tensor into the model parameter of the same name.
void load(nn::Model &model, const nlohmann::json &parameters)
{
    for (const nn::NamedParameter &p : model.parameters())
        p.parameter->value = jsonfixture::tensor(parameters.at(p.name));
}

std::unique_ptr<nn::Loss> loss(const std::string &kind) { return nn::lossRegistry().create(kind); }

// "" when each parameter's gradient matches the fixture's.
std::string compareGradients(nn::Model &model, const nlohmann::json &expected, double tolerance)
{
    for (const nn::NamedParameter &p : model.parameters())
        if (auto difference = jsonfixture::compare(p.parameter->grad, jsonfixture::tensor(expected.at(p.name)), tolerance);
            !difference.empty())
            return p.name + ": " + difference;
    return {};
}

// "" when every parameter's gradient agrees with central differences of `value`.
std::string checkParameters(nn::Model &model, const std::function<double()> &value, const gradcheck::Tolerance &tol)
{
    for (const nn::NamedParameter &p : model.parameters())
        if (auto failure = gradcheck::compare(p.name, p.parameter->value, p.parameter->grad, value, tol);
            !failure.empty())
            return failure;
    return {};
}

double weighted(const nn::Tensor &output, const nn::Tensor &weights)
{
    return (output.vector().cast<double>().array() * weights.vector().cast<double>().array()).sum();
}

// The 1-D GAN's training: Adam with β₁ 0.5, as GANs are usually trained, batches of 64.
nn::TrainingConfig ganConfig(int epochs)
{
    nn::TrainingConfig config;
    config.optimizer = "Adam";
    config.optimizerSettings = {{"lr", 0.01}, {"beta1", 0.5}};
    config.batchMode = "minibatch";
    config.batchSize = 64;
    config.epochs = epochs;
    config.seed = 8;
    return config;
}

constexpr double kFixtureTolerance = 1e-5;

// Samples of one value each, from N(mean, stddev), without targets: a GAN's real data.
class GaussianSamples : public nn::BatchSource {
public:
    GaussianSamples(int64_t count, float mean, float stddev) : values_({count})
    {
        nn::Rng rng(17);
        for (int64_t i = 0; i < count; ++i)
            values_[i] = rng.normal(mean, stddev);
    }
    int64_t size() const override { return values_.size(); }
    nn::Shape sampleShape() const override { return {1}; }
    nn::Shape targetShape() const override { return {}; }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        x.resize({int64_t(indices.size()), 1});
        y.resize({int64_t(indices.size())});
        for (size_t i = 0; i < indices.size(); ++i)
            x[int64_t(i)] = values_[indices[i]];
        y.setZero();
    }

private:
    nn::Tensor values_;
};

// Sequences of T positions with F features each, and a class per position: the class is which of
// the features is largest. A per-token problem for the supervised step.
class TokenClasses : public nn::BatchSource {
public:
    static constexpr int64_t kT = 5, kF = 3;
    explicit TokenClasses(int64_t count) : x_({count, kT, kF}), y_({count, kT})
    {
        nn::Rng rng(23);
        for (int64_t i = 0; i < x_.size(); ++i)
            x_[i] = rng.uniform(-1.0f, 1.0f);
        for (int64_t p = 0; p < count * kT; ++p)
            y_[p] = float(std::max_element(x_.data() + p * kF, x_.data() + (p + 1) * kF) - (x_.data() + p * kF));
    }
    int64_t size() const override { return x_.dim(0); }
    nn::Shape sampleShape() const override { return {kT, kF}; }
    nn::Shape targetShape() const override { return {kT}; }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        x.resize({int64_t(indices.size()), kT, kF});
        y.resize({int64_t(indices.size()), kT});
        for (size_t i = 0; i < indices.size(); ++i) {
            std::copy_n(x_.data() + indices[i] * kT * kF, kT * kF, x.data() + int64_t(i) * kT * kF);
            std::copy_n(y_.data() + indices[i] * kT, kT, y.data() + int64_t(i) * kT);
        }
    }

private:
    nn::Tensor x_, y_;
};

// Records every step's named losses.
class LossLog : public nn::TrainingObserver {
public:
    void stepFinished(const nn::StepReport &report) override { steps.push_back(report.losses); }
    std::vector<nn::Measures> steps;
};

} // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    // One model runs on two batches before either backward (a discriminator on real and fake
    // images). Each call keeps its own dropout mask and batch statistics, so both backwards are
    // right, whatever the order: L = Σ ra ⊙ model(a) + Σ rb ⊙ model(b).
    void aLayerCalledTwiceInOneStepGetsBothGradients()
    {
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {6}}});
        const int h = add(graph, "Dense", "hidden", {{"units", 8}, {"activation", "tanh"}}, x);
        const int norm = add(graph, "BatchNorm", "norm", nlohmann::json::object(), h);
        const int drop = add(graph, "Dropout", "drop", {{"rate", 0.3}}, norm);
        add(graph, "Dense", "out", {{"units", 3}}, drop);
        nn::Model model(graph, 11);
        const nn::Tensor a = randomTensor({5, 6}, 1), b = randomTensor({4, 6}, 2);
        const nn::Tensor ra = randomTensor({5, 3}, 3), rb = randomTensor({4, 3}, 4);
        const nn::RunContext first{true, 9, 7, 0}, second{true, 9, 7, 1};

        nn::Pass passA, passB;
        model.zeroGrad();
        model.forward(passA, {&a}, first);
        model.forward(passB, {&b}, second);
        model.backward(passA, {&ra});  // after b's forward, which would have overwritten a layer's own state
        model.backward(passB, {&rb});
        QVERIFY2(!bitwiseEqual(passA.activation(drop), passB.activation(drop)), "the two calls ran alike");

        const auto value = [&] {
            nn::Pass p, q;
            model.forward(p, {&a}, first);
            model.forward(q, {&b}, second);
            return weighted(p.output(), ra) + weighted(q.output(), rb);
        };
        const std::string failure = checkParameters(model, value, {});
        QVERIFY2(failure.empty(), failure.c_str());
    }

    // A pass's masks are keyed by which pass of the step it is: the same batch twice gets two masks.
    void eachPassOfAStepDrawsItsOwnDropoutMask()
    {
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {40}}});
        add(graph, "Dropout", "drop", {{"rate", 0.5}}, x);
        nn::Model model(graph, 1);
        const nn::Tensor batch = randomTensor({4, 40}, 5, 1.0f, 2.0f);
        nn::Pass zero, one, again;
        model.forward(zero, {&batch}, {true, 3, 2, 0});
        model.forward(one, {&batch}, {true, 3, 2, 1});
        model.forward(again, {&batch}, {true, 3, 2, 0});
        QVERIFY(!bitwiseEqual(zero.output(), one.output()));
        QVERIFY(bitwiseEqual(zero.output(), again.output()));
    }

    // Masks were keyed step·N + row, so step 1 of a batch of 4 replayed rows 4…7 of step 0 with 8.
    void dropoutStreamsDoNotCollideWhenTheBatchSizeChanges()
    {
        auto dropout = nn::layerRegistry().create("Dropout");
        nn::Rng rng(0);
        dropout->build({{nn::kBatch, 64}}, rng);
        const nn::Tensor eight = randomTensor({8, 64}, 6, 1.0f, 2.0f);
        const nn::Tensor four = randomTensor({4, 64}, 6, 1.0f, 2.0f);
        nn::Tensor y8, y4;
        nn::Saved s8, s4;
        dropout->forward({&eight}, y8, s8, {true, 1, 0, 0});
        dropout->forward({&four}, y4, s4, {true, 1, 1, 0});
        for (int64_t row = 0; row < 4; ++row) {
            bool same = true;
            for (int64_t j = 0; j < 64; ++j)
                same = same && (s8.tensors[0][(4 + row) * 64 + j] == s4.tensors[0][row * 64 + j]);
            QVERIFY2(!same, qPrintable(QString("step 1 row %1 replays step 0 row %2").arg(row).arg(4 + row)));
        }
    }

    // Initialization is keyed by the model's key and the node: a generator and a discriminator
    // with the same node names do not start equal; a project's model (no key) keeps its weights.
    void modelsWithTheSameNodeNamesStartDifferently()
    {
        const nn::Graph graph = perceptron(4, 8, "relu", 4);
        nn::Model plain(graph, 3), again(graph, 3, ""), generator(graph, 3, "generator"),
            discriminator(graph, 3, "discriminator");
        const auto weight = [](nn::Model &model) { return model.parameters().front().parameter->value; };
        QVERIFY(bitwiseEqual(weight(plain), weight(again)));
        QVERIFY(!bitwiseEqual(weight(generator), weight(discriminator)));
        QVERIFY(!bitwiseEqual(weight(plain), weight(generator)));
        QCOMPARE(generator.key(), std::string("generator"));
    }

    // The GAN's generator step: D is frozen, G's output goes through D, and G learns from the
    // gradient D hands back for its input. Against PyTorch and against central differences.
    void aGeneratorLearnsThroughAFrozenDiscriminator()
    {
        const nlohmann::json fixture = jsonfixture::load("models.json").at("two_models");
        nn::Model generator(perceptron(4, 8, "tanh", 2), 1, "generator");
        nn::Model discriminator(perceptron(2, 8, "relu", 1), 1, "discriminator");
        load(generator, fixture.at("generator"));
        load(discriminator, fixture.at("discriminator"));
        discriminator.setFrozen(true);
        const auto bce = loss("BinaryCrossEntropy");
        nn::Tensor z = jsonfixture::tensor(fixture.at("z"));
        const nn::Tensor real({6, 1}, 1.0f);  // G wants D to call its samples real

        nn::Pass g, d;
        const auto generatorLoss = [&] {
            generator.forward(g, {&z}, {true, 0, 0, 0});
            discriminator.forward(d, {&g.output()}, {true, 0, 0, 0});
            return bce->forward(d.output(), real);
        };
        generator.zeroGrad();
        discriminator.zeroGrad();
        const double value = generatorLoss();
        nn::Tensor dLogits;
        bce->backward(d.output(), real, dLogits);
        discriminator.backward(d, {&dLogits}, true);
        const nn::Tensor dFake = d.inputGradient();
        generator.backward(g, {&dFake});

        QVERIFY(jsonfixture::close(value, fixture.at("loss").get<double>(), kFixtureTolerance));
        const std::string fake = jsonfixture::compare(dFake, jsonfixture::tensor(fixture.at("grad_fake")), kFixtureTolerance);
        QVERIFY2(fake.empty(), fake.c_str());
        const std::string g2 = compareGradients(generator, fixture.at("grad_generator"), kFixtureTolerance);
        QVERIFY2(g2.empty(), g2.c_str());
        for (const nn::NamedParameter &p : discriminator.parameters())
            QVERIFY2(p.parameter->grad.vector().isZero(), p.name.c_str());
        const std::string numeric = checkParameters(generator, generatorLoss, {});
        QVERIFY2(numeric.empty(), numeric.c_str());
    }

    // A trunk with two heads, each under its own loss; the gradients of the sum reach the trunk
    // through both. Against PyTorch and against central differences.
    void aModelWithTwoOutputsLearnsFromTwoLosses()
    {
        const nlohmann::json fixture = jsonfixture::load("models.json").at("two_heads");
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {3}}});
        const int trunk = add(graph, "Dense", "trunk", {{"units", 6}, {"activation", "relu"}}, x);
        add(graph, "Dense", "values", {{"units", 2}}, trunk);
        add(graph, "Dense", "classes", {{"units", 4}}, trunk);
        nn::Model model(graph, 1);
        QCOMPARE(model.outputNames(), (std::vector<std::string>{"values", "classes"}));
        load(model, fixture.at("parameters"));
        const auto mse = loss("MSE"), crossEntropy = loss("CrossEntropy");
        const nn::Tensor input = jsonfixture::tensor(fixture.at("x"));
        const nn::Tensor values = jsonfixture::tensor(fixture.at("values_target"));
        const nn::Tensor classes = jsonfixture::tensor(fixture.at("class_target"));

        nn::Pass pass;
        const auto both = [&] {
            model.forward(pass, {&input}, {});
            return mse->forward(pass.output(0), values) + crossEntropy->forward(pass.output(1), classes);
        };
        model.zeroGrad();
        both();
        QVERIFY(jsonfixture::close(mse->forward(pass.output(0), values), fixture.at("mse").get<double>(), kFixtureTolerance));
        QVERIFY(jsonfixture::close(crossEntropy->forward(pass.output(1), classes),
                                   fixture.at("cross_entropy").get<double>(), kFixtureTolerance));
        nn::Tensor dValues, dClasses;
        mse->backward(pass.output(0), values, dValues);
        crossEntropy->backward(pass.output(1), classes, dClasses);
        model.backward(pass, {&dValues, &dClasses});
        const std::string torch = compareGradients(model, fixture.at("grad_parameters"), kFixtureTolerance);
        QVERIFY2(torch.empty(), torch.c_str());
        const std::string numeric = checkParameters(model, both, {});
        QVERIFY2(numeric.empty(), numeric.c_str());

        // One head alone: the other output's gradient is left out (nullptr).
        model.zeroGrad();
        both();
        model.backward(pass, {nullptr, &dClasses});
        QVERIFY(model.parameters()[2].parameter->grad.vector().isZero());  // values.weight
        QVERIFY(!model.parameters()[4].parameter->grad.vector().isZero());  // classes.weight
    }

    // Two named inputs joined by Concat; ∂L/∂input for each, against central differences.
    void aModelWithTwoInputsGivesBothInputGradients()
    {
        nn::Graph graph;
        const int left = add(graph, "Input", "left", {{"shape", {3}}});
        const int right = add(graph, "Input", "right", {{"shape", {2}}});
        const int join = graph.addNode("Concat", "join");
        graph.connect(left, join, 0);
        graph.connect(right, join, 1);
        add(graph, "Dense", "out", {{"units", 2}, {"activation", "tanh"}}, join);
        nn::Model model(graph, 4);
        QCOMPARE(model.inputNames(), (std::vector<std::string>{"left", "right"}));
        QCOMPARE(model.inputShape(1), (nn::Shape{2}));
        nn::Tensor a = randomTensor({4, 3}, 7), b = randomTensor({4, 2}, 8);
        const nn::Tensor r = randomTensor({4, 2}, 9);
        nn::Pass pass;
        model.forward(pass, {&a, &b}, {});
        model.backward(pass, {&r}, true);
        const auto value = [&] {
            nn::Pass p;
            model.forward(p, {&a, &b}, {});
            return weighted(p.output(), r);
        };
        for (auto [input, index] : {std::pair{&a, 0}, std::pair{&b, 1}}) {
            const std::string failure =
                gradcheck::compare("input " + std::to_string(index), *input, pass.inputGradient(size_t(index)), value, {});
            QVERIFY2(failure.empty(), failure.c_str());
        }
        const auto onlyTheLeft = [&] { model.forward(pass, {&a}, {}); };
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, onlyTheLeft());
    }

    // MaxPool2D writes its input's gradient without the model zeroing it first when it is the first
    // layer of the backward pass to write it, and adds into it otherwise: an image read by a MaxPool2D
    // and an AvgPool2D in either order gets the same input gradient as central differences, and a
    // second backward over the same pass gives the same gradient, not twice it.
    void aPoolingThatOverwritesItsInputGradientLeavesTheOtherReadersTerms()
    {
        for (const bool maxFirst : {true, false}) {
            nn::Graph graph;
            const int image = add(graph, "Input", "image", {{"shape", {2, 4, 4}}});
            const int sum = graph.addNode("Add", "sum");
            for (const char *kind : maxFirst ? std::vector{"MaxPool2D", "AvgPool2D"} : std::vector{"AvgPool2D", "MaxPool2D"})
                graph.connect(add(graph, kind, kind, {{"kernel_size", 2}}, image), sum, kind == std::string("MaxPool2D") ? 0 : 1);
            add(graph, "Dense", "out", {{"units", 3}}, add(graph, "Flatten", "flat", nlohmann::json::object(), sum));
            nn::Model model(graph, 12);
            nn::Tensor x = randomTensor({2, 2, 4, 4}, 13);
            const nn::Tensor r = randomTensor({2, 3}, 14);
            nn::Pass pass;
            model.forward(pass, {&x}, {});
            model.backward(pass, {&r}, true);
            const nn::Tensor first = pass.inputGradient(0);
            const std::string failure = gradcheck::compare(maxFirst ? "max, then average" : "average, then max", x, first,
                                                           [&] {
                                                               nn::Pass p;
                                                               model.forward(p, {&x}, {});
                                                               return weighted(p.output(), r);
                                                           },
                                                           {});
            QVERIFY2(failure.empty(), failure.c_str());
            model.backward(pass, {&r}, true);
            QVERIFY2(bitwiseEqual(pass.inputGradient(0), first), "a second backward added to the first one's gradient");
        }
    }

    // A node with two output ports: Split's halves go through their own Dense each and meet again.
    // Both ports' gradients reach the input (central differences); the pass shows each port.
    void aNodeWithTwoOutputPortsBackPropagatesThroughBoth()
    {
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {6}}});
        const int split = add(graph, "Split", "halves", {}, x);
        const int left = add(graph, "Dense", "left", {{"units", 2}, {"activation", "tanh"}}, split);
        const int right = graph.addNode("Dense", "right");
        graph.connect(split, right, 0, 1);
        const int join = graph.addNode("Concat", "join");
        graph.connect(left, join, 0);
        graph.connect(right, join, 1);
        add(graph, "Dense", "out", {{"units", 3}}, join);
        QCOMPARE(graph.inferShapes().at(split).outputs, (std::vector<nn::Shape>{{nn::kBatch, 3}, {nn::kBatch, 3}}));
        nn::Model model(graph, 2);
        nn::Tensor input = randomTensor({4, 6}, 3);
        const nn::Tensor r = randomTensor({4, 3}, 4);
        nn::Pass pass;
        model.forward(pass, {&input}, {});
        QCOMPARE(pass.activation(split, 1).shape(), (nn::Shape{4, 3}));
        QCOMPARE(pass.activation(split, 1)[0], input[3]);  // the second half of the first row
        model.zeroGrad();
        model.backward(pass, {&r}, true);
        QVERIFY(!pass.gradient(split, 0).vector().isZero() && !pass.gradient(split, 1).vector().isZero());
        const auto value = [&] {
            nn::Pass p;
            model.forward(p, {&input}, {});
            return weighted(p.output(), r);
        };
        const std::string inputs = gradcheck::compare("input", input, pass.inputGradient(0), value, {});
        QVERIFY2(inputs.empty(), inputs.c_str());
        const std::string parameters = checkParameters(model, value, {});
        QVERIFY2(parameters.empty(), parameters.c_str());
    }

    // A frozen parameter gets no gradient and the optimizer leaves it where it is; thawed, it learns.
    void frozenParametersNeitherLearnNorMove()
    {
        nn::Model model(perceptron(3, 5, "tanh", 2), 2);
        const nn::Tensor x = randomTensor({6, 3}, 10), r = randomTensor({6, 2}, 11);
        auto optimizer = nn::optimizerRegistry().create("Adam");
        const auto step = [&] {
            model.zeroGrad();
            nn::Pass pass;
            model.forward(pass, {&x}, {true, 0, 0, 0});
            model.backward(pass, {&r});
            optimizer->step(model.parameterList());
        };
        nn::Parameter &hidden = *model.parameters()[0].parameter;
        hidden.frozen = true;
        const nn::Tensor before = hidden.value;
        step();
        QVERIFY(hidden.grad.vector().isZero());
        QVERIFY(bitwiseEqual(hidden.value, before));
        QVERIFY(!model.parameters()[2].parameter->grad.vector().isZero());  // out.weight learns
        model.setFrozen(false);
        step();
        QVERIFY(!bitwiseEqual(hidden.value, before));
        model.setFrozen(true);
        model.zeroGrad();
        nn::Pass pass;
        model.forward(pass, {&x}, {});
        model.backward(pass, {&r}, true);  // a frozen model still hands back its input gradient
        QVERIFY(!pass.inputGradient().vector().isZero());
        for (const nn::NamedParameter &p : model.parameters())
            QVERIFY2(p.parameter->grad.vector().isZero(), p.name.c_str());
    }

    // A GAN trains in the same Trainer loop as every other network, through the adversarial step:
    // from noise around 0 its generator learns to draw samples around the real data's mean, 3.
    void aGanLearnsTheMeanOfItsDataInTheTrainersLoop()
    {
        nn::Model generator(perceptron(2, 16, "tanh", 1), 5, "generator");
        nn::Model discriminator(perceptron(1, 16, "tanh", 1), 5, "discriminator");
        const nn::TrainingConfig config = ganConfig(40);
        const GaussianSamples real(1024, 3.0f, 0.5f);
        auto step = std::make_unique<nn::AdversarialStep>(generator, discriminator, config);
        nn::AdversarialStep &adversarial = *step;
        const auto meanOf = [](const nn::Tensor &samples) { return samples.vector().mean(); };
        const float before = meanOf(adversarial.generate(2000, 1));
        nn::Trainer trainer(std::move(step), config, real, nullptr, 0);
        LossLog log;
        trainer.setObserver(&log);
        const nn::FinishReport result = trainer.run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Completed));
        QCOMPARE(log.steps.front().size(), size_t(4));  // d_loss, g_loss, then D's verdicts d_real and d_fake
        QCOMPARE(log.steps.front()[0].first, std::string("d_loss"));
        QCOMPARE(log.steps.front()[1].first, std::string("g_loss"));
        const float after = meanOf(adversarial.generate(2000, 1));
        QVERIFY2(std::abs(before - 3.0f) > 1.5f, qPrintable(QString("the generator started at %1").arg(before)));
        QVERIFY2(std::abs(after - 3.0f) < 0.3f, qPrintable(QString("the generator's samples average %1").arg(after)));
    }

    // A GAN's run continues exactly: 2 epochs, the run state of both models saved and read into fresh
    // models, then 2 more, give bitwise the weights of 4 epochs straight.
    void aGanRunContinuesBitwiseFromItsSavedRunState()
    {
        const nn::TrainingConfig config = ganConfig(4);
        const GaussianSamples real(256, 3.0f, 0.5f);
        const auto models = [] {
            return std::pair{std::make_unique<nn::Model>(perceptron(2, 8, "tanh", 1), 5, "generator"),
                             std::make_unique<nn::Model>(perceptron(1, 8, "tanh", 1), 5, "discriminator")};
        };
        const auto trainer = [&](nn::Model &g, nn::Model &d, int epochs) {
            nn::TrainingConfig c = config;
            c.epochs = epochs;
            return std::make_unique<nn::Trainer>(std::make_unique<nn::AdversarialStep>(g, d, c), c, real, nullptr, 0);
        };
        auto [g, d] = models();
        QCOMPARE(int(trainer(*g, *d, 4)->run().reason), int(nn::FinishReport::Reason::Completed));

        QTemporaryDir dir;
        const std::string path = dir.filePath("gan.run.safetensors").toStdString();
        auto [g1, d1] = models();
        {
            auto first = trainer(*g1, *d1, 2);
            first->run();
            nn::saveRunState({d1.get(), g1.get()}, first->runState(), path);  // in optimizer order
        }
        auto [g2, d2] = models();
        for (auto [from, to] : {std::pair{g1.get(), g2.get()}, std::pair{d1.get(), d2.get()}}) {
            const auto source = from->parametersAndBuffers(), target = to->parametersAndBuffers();
            for (size_t i = 0; i < source.size(); ++i)
                target[i].parameter->value = source[i].parameter->value;
        }
        auto continued = trainer(*g2, *d2, 4);
        const nn::RunState state = nn::loadRunState({d2.get(), g2.get()}, path);
        QCOMPARE(state.optimizers.size(), size_t(2));
        QVERIFY(continued->continueFrom(state).empty());
        QCOMPARE(int(continued->run().reason), int(nn::FinishReport::Reason::Completed));
        for (auto [straight, resumed] : {std::pair{g.get(), g2.get()}, std::pair{d.get(), d2.get()}}) {
            const auto a = straight->parameters(), b = resumed->parameters();
            for (size_t i = 0; i < a.size(); ++i)
                QVERIFY2(bitwiseEqual(a[i].parameter->value, b[i].parameter->value), a[i].name.c_str());
        }
        nn::Model &resumedGenerator = *g2;  // clang 14 cannot capture a structured binding
        const auto oneModel = [&] { nn::loadRunState(resumedGenerator, path); };
        QVERIFY_THROWS_EXCEPTION(nn::FileError, oneModel());
    }

    // A per-token model ([N, T, F] → [N, T, K] scores against [N, T] classes) trains in the same
    // supervised step and loop; accuracy counts positions, not samples.
    void aPerTokenModelTrainsInTheSameLoop()
    {
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {TokenClasses::kT, TokenClasses::kF}}});
        const int h = add(graph, "Dense", "hidden", {{"units", 16}, {"activation", "relu"}}, x);
        const int norm = add(graph, "LayerNorm", "norm", {{"normalized_dims", 1}}, h);
        add(graph, "Dense", "scores", {{"units", 3}}, norm);
        nn::Model model(graph, 2);
        QCOMPARE(model.parameters()[2].parameter->value.shape(), (nn::Shape{16}));  // norm.weight: one position
        nn::TrainingConfig config;
        config.loss = "CrossEntropy";
        config.optimizer = "Adam";
        config.optimizerSettings = {{"lr", 0.01}};
        config.epochs = 15;
        const TokenClasses train(512), validation(128);
        nn::Trainer trainer(model, config, train, &validation, 3);
        std::vector<nn::EpochReport> epochs;
        class Epochs : public nn::TrainingObserver {
        public:
            explicit Epochs(std::vector<nn::EpochReport> &into) : into_(into) {}
            void epochFinished(const nn::EpochReport &report) override { into_.push_back(report); }

        private:
            std::vector<nn::EpochReport> &into_;
        } observer(epochs);
        trainer.setObserver(&observer);
        QCOMPARE(int(trainer.run().reason), int(nn::FinishReport::Reason::Completed));
        const nn::ClassificationMetrics &metrics = *epochs.back().validation.classification;
        QCOMPARE(epochs.back().validation.samples, int64_t(128));
        int64_t positions = 0;
        for (const auto &row : metrics.confusion)
            for (int64_t count : row)
                positions += count;
        QCOMPARE(positions, 128 * TokenClasses::kT);
        QVERIFY2(metrics.accuracy > 0.9, qPrintable(QString("validation accuracy %1").arg(metrics.accuracy)));
        QVERIFY2(epochs.back().trainAccuracy > 0.85 && epochs.back().trainAccuracy <= 1.0,
                 qPrintable(QString("train accuracy %1").arg(epochs.back().trainAccuracy)));
    }

    // A tap's summary of activations: exact statistics, dead and saturated fractions, a histogram
    // over [low, high] that counts every value (or every stride-th of a large tensor).
    void tapSummariesCountWhatTheySay()
    {
        const nn::Tensor a({2, 4}, {0.0f, 0.0f, 0.99f, -0.98f, 0.5f, -0.5f, 0.25f, 0.0f});
        const nn::ActivationSummary tanh = nn::summarizeActivations(a, "tanh");
        QVERIFY(std::abs(tanh.mean - 0.26 / 8.0) < 1e-7);
        QCOMPARE(tanh.zeros, 3.0 / 8.0);
        QCOMPARE(tanh.saturated, 2.0 / 8.0);
        QCOMPARE(tanh.low, -0.98f);
        QCOMPARE(tanh.high, 0.99f);
        QCOMPARE(tanh.histogram.front(), int64_t(1));  // -0.98
        QCOMPARE(tanh.histogram.back(), int64_t(1));   // 0.99
        int64_t counted = 0;
        for (int64_t bin : tanh.histogram)
            counted += bin;
        QCOMPARE(counted, int64_t(8));
        QVERIFY(std::isnan(nn::summarizeActivations(a, "").saturated));
        QCOMPARE(nn::summarizeActivations(a, "sigmoid").saturated, 6.0 / 8.0);  // all but 0.5 and 0.25
        const nn::Tensor large({1 << 18}, 1.0f);
        const nn::ActivationSummary big = nn::summarizeActivations(large, "");
        QCOMPARE(big.mean, 1.0);
        QVERIFY(big.stride > 1);
        QCOMPARE(big.histogram.front(), ((int64_t{1} << 18) + big.stride - 1) / big.stride);
    }

    // A tap carries what attention and recurrent layers computed inside for the chosen sample, equal
    // to the same forward computed here from their weights: softmax(QKᵀ/√d) per head, and the LSTM
    // (both directions) and GRU equations step by step.
    void tapsCarryTheInsidesOfSequenceLayers()
    {
        const int64_t T = 4, E = 6, heads = 2, d = E / heads, sample = 1;
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {T, E}}});
        const int attention = add(graph, "MultiHeadAttention", "attention", {{"heads", heads}}, x);
        const int lstm = add(graph, "LSTM", "lstm", {{"hidden_size", 3}, {"bidirectional", true}, {"return_sequences", true}}, attention);
        const int gru = add(graph, "GRU", "gru", {{"hidden_size", 2}, {"return_sequences", true}}, lstm);
        nn::Model model(graph, 5);
        const nn::Tensor input = randomTensor({3, T, E}, 21);
        nn::Pass pass;
        model.forward(pass, {&input}, {});
        const auto weights = model.weights();
        const auto weight = [&](const std::string &name) -> Eigen::MatrixXd {
            for (const auto &[n, w] : weights)
                if (n == name)
                    return w->rank() == 1 ? Eigen::MatrixXd(w->vector().cast<double>())
                                          : Eigen::MatrixXd(w->matrix().cast<double>());
            return {};
        };
        const auto sampleOf = [&](int node) { return Eigen::MatrixXd(nn::itemOf(pass.activation(node), sample).matrix().cast<double>()); };
        const auto close = [](const nn::Tensor &got, const Eigen::MatrixXd &want, int64_t offset) {
            for (Eigen::Index i = 0; i < want.rows(); ++i)
                for (Eigen::Index j = 0; j < want.cols(); ++j)
                    if (std::abs(got[offset + i * want.cols() + j] - want(i, j)) > 1e-5)
                        return false;
            return true;
        };
        // Attention: P = softmax(Q_h K_hᵀ / √d) per head.
        const auto attentionInside = pass.internals(attention, sample);
        QCOMPARE(attentionInside.size(), size_t(1));
        QCOMPARE(attentionInside[0].name, std::string("attention"));
        QCOMPARE(attentionInside[0].value.shape(), (nn::Shape{heads, T, T}));
        Eigen::MatrixXd qkv = sampleOf(x) * weight("attention.in_proj_weight").transpose();
        qkv.rowwise() += weight("attention.in_proj_bias").col(0).transpose();
        for (int64_t h = 0; h < heads; ++h) {
            const Eigen::MatrixXd scores = qkv.middleCols(h * d, d) * qkv.middleCols(E + h * d, d).transpose() / std::sqrt(double(d));
            Eigen::MatrixXd p = (scores.colwise() - scores.rowwise().maxCoeff()).array().exp().matrix();
            p = (p.array().colwise() / p.rowwise().sum().array()).matrix();
            QVERIFY2(close(attentionInside[0].value, p, h * T * T), qPrintable(QString("head %1").arg(h)));
        }
        QVERIFY(pass.internals(attention, 3).empty());  // the batch has samples 0 to 2
        // LSTM, both directions: i, f, g, o from x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh.
        const auto sigmoid = [](const Eigen::ArrayXd &v) -> Eigen::ArrayXd { return 1.0 / (1.0 + (-v).exp()); };
        const auto lstmInside = pass.internals(lstm, sample);
        QCOMPARE(lstmInside.size(), size_t(4));
        const Eigen::MatrixXd lstmIn = sampleOf(attention);
        for (int direction = 0; direction < 2; ++direction) {
            const std::string suffix = direction == 0 ? "_l0" : "_l0_reverse";
            const Eigen::MatrixXd wIh = weight("lstm.weight_ih" + suffix), wHh = weight("lstm.weight_hh" + suffix);
            const Eigen::VectorXd b = weight("lstm.bias_ih" + suffix).col(0) + weight("lstm.bias_hh" + suffix).col(0);
            Eigen::VectorXd h = Eigen::VectorXd::Zero(3), c = Eigen::VectorXd::Zero(3);
            Eigen::MatrixXd hs(T, 3), cs(T, 3);
            for (int64_t s = 0; s < T; ++s) {
                const int64_t t = direction == 0 ? s : T - 1 - s;
                const Eigen::ArrayXd z = (wIh * lstmIn.row(t).transpose() + wHh * h + b).array();
                const Eigen::ArrayXd i = sigmoid(z.segment(0, 3)), f = sigmoid(z.segment(3, 3)), o = sigmoid(z.segment(9, 3));
                c = (f * c.array() + i * z.segment(6, 3).tanh()).matrix();
                h = (o * c.array().tanh()).matrix();
                hs.row(t) = h.transpose();
                cs.row(t) = c.transpose();
            }
            const size_t first = size_t(direction) * 2;
            QCOMPARE(lstmInside[first].name, std::string(direction == 0 ? "hidden" : "hidden_reverse"));
            QCOMPARE(lstmInside[first + 1].name, std::string(direction == 0 ? "cell" : "cell_reverse"));
            QCOMPARE(lstmInside[first].value.shape(), (nn::Shape{T, 3}));
            QVERIFY2(close(lstmInside[first].value, hs, 0), suffix.c_str());
            QVERIFY2(close(lstmInside[first + 1].value, cs, 0), suffix.c_str());
        }
        // GRU: r, z, n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
        const auto gruInside = pass.internals(gru, sample);
        QCOMPARE(gruInside.size(), size_t(1));
        const Eigen::MatrixXd gruIn = sampleOf(lstm);
        const Eigen::MatrixXd wIh = weight("gru.weight_ih_l0"), wHh = weight("gru.weight_hh_l0");
        const Eigen::VectorXd bIh = weight("gru.bias_ih_l0").col(0), bHh = weight("gru.bias_hh_l0").col(0);
        Eigen::VectorXd h = Eigen::VectorXd::Zero(2);
        Eigen::MatrixXd hs(T, 2);
        for (int64_t t = 0; t < T; ++t) {
            const Eigen::ArrayXd gi = (wIh * gruIn.row(t).transpose() + bIh).array(), gh = (wHh * h + bHh).array();
            const Eigen::ArrayXd r = sigmoid(gi.segment(0, 2) + gh.segment(0, 2)), z = sigmoid(gi.segment(2, 2) + gh.segment(2, 2));
            const Eigen::ArrayXd n = (gi.segment(4, 2) + r * gh.segment(4, 2)).tanh();
            h = ((1.0 - z) * n + z * h.array()).matrix();
            hs.row(t) = h.transpose();
        }
        QVERIFY(close(gruInside[0].value, hs, 0));
        // recordTaps hands them over for the requested sample, and nothing without one.
        const nn::TapRecord record = nn::recordTaps(model, pass, {}, nn::TapRequest{sample, ""}, 1);
        QVERIFY(bitwiseEqual(record.nodes[1].internals.at(0).value, attentionInside[0].value));
        QCOMPARE(record.nodes[2].internals.size(), size_t(4));
        QVERIFY(nn::recordTaps(model, pass, {}, nn::TapRequest{}, 1).nodes[1].internals.empty());
    }

    // A model with a class per step gets the chosen sample's targets and each step's loss: the
    // cross-entropy −log softmax(z_t)[y_t] of that step alone.
    void tapsCarryTheLossOfEachStep()
    {
        const nn::Tensor output = randomTensor({2, 3, 4}, 8);
        const nn::Tensor target({2, 3}, {0.0f, 1.0f, 2.0f, 3.0f, 0.0f, 1.0f});
        nn::TapRecord record;
        record.sample = 1;
        nn::recordStepLosses(record, *loss("CrossEntropy"), output, target);
        QVERIFY(bitwiseEqual(record.sampleTarget, nn::Tensor({3}, {3.0f, 0.0f, 1.0f})));
        QCOMPARE(record.stepLosses.size(), size_t(3));
        for (int64_t t = 0; t < 3; ++t) {
            const Eigen::ArrayXd z = Eigen::Map<const Eigen::ArrayXf>(output.data() + (3 + t) * 4, 4).cast<double>();
            const double expected = std::log(z.exp().sum()) - z(Eigen::Index(record.sampleTarget[t]));
            QVERIFY(std::abs(record.stepLosses[size_t(t)] - expected) < 1e-6);
        }
        nn::TapRecord regression;
        regression.sample = 1;
        nn::recordStepLosses(regression, *loss("MSE"), output, target);
        QVERIFY(regression.stepLosses.empty() && regression.sampleTarget.empty());
    }

    // Dense acts on the last axis, as nn.Linear: [N, T, F] → [N, T, units], each position alike.
    void denseActsOnTheLastAxis()
    {
        nn::Graph graph;
        const int x = add(graph, "Input", "x", {{"shape", {3, 4}}});
        add(graph, "Dense", "out", {{"units", 2}, {"activation", "gelu"}}, x);
        nn::Model model(graph, 6);
        QCOMPARE(model.outputShape(), (nn::Shape{nn::kBatch, 3, 2}));
        nn::Tensor sequence = randomTensor({5, 3, 4}, 12);
        const nn::Tensor r = randomTensor({5, 3, 2}, 13);
        nn::Pass pass;
        model.forward(pass, {&sequence}, {});
        model.backward(pass, {&r}, true);
        // Position t of sample n equals the model run on the flat row [n·T + t].
        nn::Graph flatGraph;
        const int flatInput = add(flatGraph, "Input", "x", {{"shape", {4}}});
        add(flatGraph, "Dense", "out", {{"units", 2}, {"activation", "gelu"}}, flatInput);
        nn::Model flat(flatGraph, 6);
        nn::Tensor rows = sequence;
        rows.reshape({15, 4});
        nn::Pass flatPass;
        flat.forward(flatPass, {&rows}, {});
        nn::Tensor expected = flatPass.output();
        expected.reshape({5, 3, 2});
        QVERIFY(bitwiseEqual(pass.output(), expected));
        const auto value = [&] {
            nn::Pass p;
            model.forward(p, {&sequence}, {});
            return weighted(p.output(), r);
        };
        const std::string inputs = gradcheck::compare("input", sequence, pass.inputGradient(), value, {});
        QVERIFY2(inputs.empty(), inputs.c_str());
        const std::string parameters = checkParameters(model, value, {});
        QVERIFY2(parameters.empty(), parameters.c_str());
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "test_models.moc"
