// Finite-difference gradient checks for every layer kind, over small random shapes and settings.
#include "gradcheck.h"
#include "nn/registry.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <set>
#include <utility>

namespace {

// One gradient check: a layer kind with settings, the shapes of its inputs, and how to run it.
struct GradientCase {
    std::string label;
    std::string kind;
    nlohmann::json settings;
    std::vector<nn::Shape> inputs;
    bool training = false;
    // ReLU, LeakyReLU and ELU(α ≠ 1) have a kink at 0 where a central difference straddling it
    // measures the average of two slopes: keep the values they act on at least kKinkMargin away.
    bool kinked = false;
    // Max pooling's output jumps where two values of a window swap rank: give it distinct values at
    // least kSeparation apart, so no step of ε changes which one wins.
    bool separated = false;
    gradcheck::Tolerance tolerance{};
    // Parameters and buffers drawn from [0.5, 1.5) instead of their starting values (γ = 1, β = 0,
    // running mean 0 and variance 1), so that each of them visibly shapes the gradients.
    bool randomState = false;
    // Token ids: input 0 holds whole numbers drawn from [0, idsBelow) instead of real values.
    int64_t idsBelow = 0;
    // Input 1 holds token ids padded at the end with 0: sample n has max(T − 2n, 1) steps.
    bool paddedIds = false;
};

constexpr float kKinkMargin = 0.05f;  // five steps of the default ε = 1e-2
constexpr float kSeparation = 0.05f;  // likewise five steps of ε between any two values

bool hasKink(const std::string &activation)
{
    return activation == "relu" || activation == "leaky_relu" || activation == "elu";
}

void addDenseCases(std::vector<GradientCase> &cases)
{
    for (const std::string activation : {"linear", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softmax"})
        for (bool bias : {true, false})
            cases.push_back({"Dense " + activation + (bias ? " bias" : " no bias"), "Dense",
                             {{"units", 5}, {"activation", activation}, {"use_bias", bias}}, {{3, 4}}, false,
                             hasKink(activation)});
    cases.push_back({"Dense wide relu", "Dense", {{"units", 9}, {"activation", "relu"}}, {{6, 11}}, false, true});
    cases.push_back({"Dense single unit", "Dense", {{"units", 1}, {"activation", "sigmoid"}}, {{4, 3}}});
}

void addActivationCases(std::vector<GradientCase> &cases)
{
    const std::vector<std::pair<std::string, nlohmann::json>> kinds{
        {"ReLU", {}},      {"LeakyReLU", {}},  {"LeakyReLU", {{"negative_slope", 0.3}}},
        {"ELU", {}},       {"ELU", {{"alpha", 0.5}}}, {"GELU", {}},
        {"Sigmoid", {}},   {"Tanh", {}},       {"Softmax", {}},
        {"Linear", {}}};
    for (const auto &[kind, settings] : kinds)
        for (const nn::Shape &shape : {nn::Shape{3, 5}, nn::Shape{2, 3, 4, 4}})
            cases.push_back({kind + (settings.is_null() ? "" : " " + settings.dump()) + " " + nn::toString(shape), kind,
                             settings, {shape}, false, kind == "ReLU" || kind == "LeakyReLU" || kind == "ELU"});
}

void addShapeAndMergeCases(std::vector<GradientCase> &cases)
{
    cases.push_back({"Flatten [2, 3, 4, 4]", "Flatten", {}, {{2, 3, 4, 4}}});
    cases.push_back({"Flatten [3, 5]", "Flatten", {}, {{3, 5}}});
    cases.push_back({"Reshape [2, 12] to [3, -1]", "Reshape", {{"shape", {3, -1}}}, {{2, 12}}});
    cases.push_back({"Reshape [2, 2, 3, 4] to [4, 6]", "Reshape", {{"shape", {4, 6}}}, {{2, 2, 3, 4}}});
    cases.push_back({"Dropout 0.5 training [4, 6]", "Dropout", {{"rate", 0.5}}, {{4, 6}}, true});
    cases.push_back({"Dropout 0.3 training [2, 3, 4, 4]", "Dropout", {{"rate", 0.3}}, {{2, 3, 4, 4}}, true});
    cases.push_back({"Dropout evaluation [3, 5]", "Dropout", {{"rate", 0.5}}, {{3, 5}}});
    cases.push_back({"Add two [3, 4]", "Add", {}, {{3, 4}, {3, 4}}});
    cases.push_back({"Add three [2, 3, 4, 4]", "Add", {}, {{2, 3, 4, 4}, {2, 3, 4, 4}, {2, 3, 4, 4}}});
    cases.push_back({"Concat last axis", "Concat", {}, {{2, 3}, {2, 5}}});
    cases.push_back({"Concat axis 1", "Concat", {{"axis", 1}}, {{2, 3, 4}, {2, 2, 4}}});
    cases.push_back({"Concat axis 2 of three", "Concat", {{"axis", 2}}, {{2, 3, 2, 4}, {2, 3, 3, 4}, {2, 3, 1, 4}}});
    cases.push_back({"Concat axis 3 named", "Concat", {{"axis", 3}}, {{2, 2, 3, 2}, {2, 2, 3, 3}}});
    cases.push_back({"Split last axis in two", "Split", {}, {{3, 8}}});
    cases.push_back({"Split channels in three", "Split", {{"parts", 3}, {"axis", 1}}, {{2, 6, 2, 3}}});
    cases.push_back({"Split time steps in four", "Split", {{"parts", 4}, {"axis", 1}}, {{2, 8, 3}}});
}

void addConvolutionCases(std::vector<GradientCase> &cases)
{
    const auto conv = [&](std::string label, nlohmann::json settings, nn::Shape input, bool kinked = false) {
        cases.push_back({"Conv2D " + label, "Conv2D", std::move(settings), {std::move(input)}, false, kinked});
    };
    conv("3x3 valid tanh", {{"filters", 3}, {"kernel_size", 3}, {"activation", "tanh"}}, {2, 2, 5, 4});
    conv("stride 2 explicit padding", {{"filters", 2}, {"stride", 2}, {"padding", "explicit"}, {"padding_size", 1}},
         {2, 2, 5, 6});
    conv("same, even kernel", {{"filters", 2}, {"kernel_size", 2}, {"padding", "same"}}, {1, 2, 4, 5});
    conv("dilation 2 gelu", {{"filters", 2}, {"dilation", 2}, {"padding", "same"}, {"activation", "gelu"}},
         {1, 2, 6, 6});
    conv("groups 2 no bias", {{"filters", 4}, {"groups", 2}, {"use_bias", false}}, {2, 4, 4, 4});
    conv("1x1", {{"filters", 3}, {"kernel_size", 1}, {"activation", "sigmoid"}}, {2, 2, 3, 3});
    conv("relu", {{"filters", 2}, {"activation", "relu"}}, {1, 2, 4, 4}, true);
    const auto transposed = [&](std::string label, nlohmann::json settings, nn::Shape input, bool kinked = false) {
        cases.push_back(
            {"ConvTranspose2D " + label, "ConvTranspose2D", std::move(settings), {std::move(input)}, false, kinked});
    };
    transposed("doubling 4/2/1", {{"filters", 2}}, {2, 2, 3, 3});
    transposed("stride 1 tanh", {{"filters", 2}, {"kernel_size", 3}, {"stride", 1}, {"padding", 0},
                                 {"activation", "tanh"}}, {1, 2, 3, 4});
    transposed("output padding", {{"filters", 2}, {"kernel_size", 3}, {"padding", 1}, {"output_padding", 1}},
               {1, 2, 3, 3});
    transposed("groups 2 dilation 2", {{"filters", 2}, {"kernel_size", 3}, {"stride", 1}, {"dilation", 2},
                                       {"groups", 2}, {"use_bias", false}}, {1, 4, 3, 3});
    transposed("1x1 gelu", {{"filters", 3}, {"kernel_size", 1}, {"stride", 1}, {"padding", 0},
                            {"activation", "gelu"}}, {2, 2, 3, 3});
    transposed("relu", {{"filters", 1}, {"kernel_size", 3}, {"stride", 1}, {"padding", 0}, {"activation", "relu"}},
               {1, 2, 2, 2}, true);
}

void addPoolingCases(std::vector<GradientCase> &cases)
{
    const std::vector<std::pair<nlohmann::json, nn::Shape>> windows{
        {{{"kernel_size", 2}}, {2, 3, 6, 6}},
        {{{"kernel_size", 3}, {"stride", 2}}, {2, 2, 7, 7}},  // overlapping windows
        {{{"kernel_size", 2}, {"stride", 1}}, {2, 2, 5, 5}},
        {{{"kernel_size", 3}, {"stride", 1}, {"padding", 1}}, {2, 2, 5, 5}},
        {{{"kernel_size", 3}, {"stride", 2}, {"padding", 1}}, {2, 3, 5, 7}},  // non-square
    };
    for (const auto &[settings, shape] : windows) {
        const std::string label = settings.dump() + " " + nn::toString(shape);
        cases.push_back({.label = "MaxPool2D " + label, .kind = "MaxPool2D", .settings = settings,
                         .inputs = {shape}, .separated = true});
        cases.push_back({.label = "AvgPool2D " + label, .kind = "AvgPool2D", .settings = settings, .inputs = {shape}});
        if (settings.contains("padding")) {
            nlohmann::json excluded = settings;
            excluded["count_include_pad"] = false;
            cases.push_back({.label = "AvgPool2D " + excluded.dump() + " " + nn::toString(shape), .kind = "AvgPool2D",
                             .settings = excluded, .inputs = {shape}});
        }
    }
    cases.push_back({"GlobalAveragePool [2, 3, 4, 5]", "GlobalAveragePool", {}, {{2, 3, 4, 5}}});
    cases.push_back({"Upsample 2 [2, 3, 3, 4]", "Upsample", {{"scale_factor", 2}}, {{2, 3, 3, 4}}});
    cases.push_back({"Upsample 3 [2, 2, 2, 3]", "Upsample", {{"scale_factor", 3}}, {{2, 2, 2, 3}}});
}

// BatchNorm through its batch statistics (training) and its running ones (evaluation); LayerNorm.
// Their worst element is off by about 2e-4 (the ε = 1e-2 step's truncation error through 1/√var),
// which is 1e-3 relative or less: this tolerance, a quarter to a tenth of the default, leaves 6× room.
void addNormalizationCases(std::vector<GradientCase> &cases)
{
    const gradcheck::Tolerance tight{1e-2, 5e-4, 2e-3};
    const auto add = [&](std::string label, std::string kind, nlohmann::json settings, nn::Shape shape, bool training,
                         bool randomState) {
        cases.push_back({.label = std::move(label), .kind = std::move(kind), .settings = std::move(settings),
                         .inputs = {std::move(shape)}, .training = training, .tolerance = tight,
                         .randomState = randomState});
    };
    for (const nn::Shape &shape : {nn::Shape{4, 5}, nn::Shape{3, 2, 3, 3}, nn::Shape{2, 3, 5}})
        for (bool affine : {true, false})
            add("BatchNorm training " + nn::toString(shape) + (affine ? "" : " no affine"), "BatchNorm",
                {{"affine", affine}}, shape, true, affine);
    add("BatchNorm training momentum 0.5 eps 1e-3 [6, 2, 2, 2]", "BatchNorm", {{"momentum", 0.5}, {"eps", 1e-3}},
        {6, 2, 2, 2}, true, true);
    for (const nn::Shape &shape : {nn::Shape{4, 5}, nn::Shape{2, 3, 4, 4}, nn::Shape{2, 3, 5}})
        add("BatchNorm evaluation " + nn::toString(shape), "BatchNorm", {}, shape, false, true);
    add("BatchNorm evaluation no affine [3, 2, 2, 2]", "BatchNorm", {{"affine", false}}, {3, 2, 2, 2}, false, true);
    for (const nn::Shape &shape : {nn::Shape{3, 5}, nn::Shape{2, 3, 4, 4}, nn::Shape{2, 3, 5}})
        add("LayerNorm " + nn::toString(shape), "LayerNorm", {}, shape, false, true);
    add("LayerNorm no affine [2, 3, 4, 4]", "LayerNorm", {{"affine", false}}, {2, 3, 4, 4}, false, false);
    add("LayerNorm training eps 1e-3 [4, 6]", "LayerNorm", {{"eps", 1e-3}}, {4, 6}, true, true);
}

// Sequence layers. Embedding: the table rows (ids get no gradient: a step of ε rounds to the same id).
// Its padding row is read but learns nothing, on purpose, so finite differences cannot vouch for it:
// the PyTorch fixtures and test_layers' paddingRowStaysZero do.
void addSequenceCases(std::vector<GradientCase> &cases)
{
    const auto embedding = [&](std::string label, nlohmann::json settings, nn::Shape ids) {
        cases.push_back({.label = "Embedding " + std::move(label), .kind = "Embedding", .settings = std::move(settings),
                         .inputs = {std::move(ids)}, .idsBelow = 5});
    };
    embedding("[3, 4] → 3", {{"vocabulary_size", 5}, {"dimension", 3}}, {3, 4});
    embedding("[2, 7] → 6", {{"vocabulary_size", 5}, {"dimension", 6}}, {2, 7});
    // Recurrent kinds: every combination of return_sequences, bidirectional and the padding mask.
    for (const std::string kind : {"SimpleRNN", "GRU", "LSTM"})
        for (bool sequences : {false, true})
            for (bool bidirectional : {false, true})
                for (bool padded : {false, true}) {
                    const std::string label = kind + (sequences ? " sequences" : " last") +
                                              (bidirectional ? " bidirectional" : "") + (padded ? " padded" : "");
                    std::vector<nn::Shape> inputs{{3, 4, 3}};
                    if (padded)
                        inputs.push_back({3, 4});
                    cases.push_back({.label = label, .kind = kind,
                                     .settings = {{"hidden_size", 3}, {"return_sequences", sequences},
                                                  {"bidirectional", bidirectional}},
                                     .inputs = inputs, .paddedIds = padded});
                }
    for (const std::string mode : {"mean", "last"})
        for (bool padded : {false, true}) {
            std::vector<nn::Shape> inputs{{3, 5, 2}};
            if (padded)
                inputs.push_back({3, 5});
            cases.push_back({.label = "SequencePooling " + mode + (padded ? " padded" : ""), .kind = "SequencePooling",
                             .settings = {{"mode", mode}}, .inputs = inputs, .paddedIds = padded});
        }
    for (int heads : {1, 2})
        for (bool causal : {false, true})
            for (bool padded : {false, true}) {
                std::vector<nn::Shape> inputs{{2, 4, 4}};
                if (padded)
                    inputs.push_back({2, 4});
                cases.push_back({.label = "MultiHeadAttention " + std::to_string(heads) + " heads" +
                                          (causal ? " causal" : "") + (padded ? " padded" : ""),
                                 .kind = "MultiHeadAttention", .settings = {{"heads", heads}, {"causal", causal}},
                                 .inputs = inputs, .paddedIds = padded});
            }
    cases.push_back({.label = "MultiHeadAttention dropout 0.3 training", .kind = "MultiHeadAttention",
                     .settings = {{"heads", 2}, {"dropout", 0.3}}, .inputs = {{2, 5, 4}}, .training = true});
    cases.push_back({"PositionalEncoding sinusoidal [2, 4, 6]", "PositionalEncoding", {}, {{2, 4, 6}}});
    cases.push_back({"PositionalEncoding learned [2, 4, 5]", "PositionalEncoding", {{"mode", "learned"}, {"max_length", 7}},
                     {{2, 4, 5}}});
}

const std::vector<GradientCase> &gradientCases()
{
    static const std::vector<GradientCase> cases = [] {
        std::vector<GradientCase> all;
        addDenseCases(all);
        addActivationCases(all);
        addShapeAndMergeCases(all);
        addConvolutionCases(all);
        addPoolingCases(all);
        addNormalizationCases(all);
        addSequenceCases(all);
        return all;
    }();
    return cases;
}

// Uniform in ±[kKinkMargin·4, 1]: no value near an activation's kink.
nn::Tensor kinkFreeTensor(const nn::Shape &shape, uint64_t seed)
{
    nn::Tensor t = gradcheck::randomTensor(shape, seed);
    t.array() = t.array().sign() * (4.0f * kKinkMargin + (1.0f - 4.0f * kKinkMargin) * t.array().abs());
    return t;
}

// Whole numbers in [0, below), seeded: token ids.
nn::Tensor idTensor(const nn::Shape &shape, int64_t below, uint64_t seed)
{
    nn::Rng rng(seed);
    nn::Tensor t(shape);
    for (int64_t i = 0; i < t.size(); ++i)
        t[i] = float(rng.below(uint64_t(below)));
    return t;
}

// Token ids [N, T] padded at the end: sample n has max(T − 2n, 1) ids from 1 to 3, then zeros.
nn::Tensor paddedIdTensor(const nn::Shape &shape)
{
    nn::Tensor t(shape);
    for (int64_t n = 0; n < shape[0]; ++n)
        for (int64_t step = 0; step < std::max<int64_t>(shape[1] - 2 * n, 1); ++step)
            t[n * shape[1] + step] = float(1 + (n + step) % 3);
    return t;
}

// A seeded random permutation of the values (i − size/2)·kSeparation: all distinct, kSeparation apart.
nn::Tensor separatedTensor(const nn::Shape &shape, uint64_t seed)
{
    nn::Tensor t(shape);
    for (int64_t i = 0; i < t.size(); ++i)
        t[i] = float(i - t.size() / 2) * kSeparation;
    nn::Rng rng(seed);
    for (int64_t i = t.size() - 1; i > 0; --i)  // Fisher–Yates
        std::swap(t[i], t[int64_t(rng.below(uint64_t(i + 1)))]);
    return t;
}

// An input for which every pre-activation (x·Wᵀ + b, or the convolution plus bias) of a built layer
// with a fused activation is clear of the kink; they come from a linear twin holding the same parameters.
nn::Tensor kinkFreeFusedInput(nn::Layer &layer, const nn::Shape &shape)
{
    nlohmann::json settings = layer.settings().toJson();
    settings["activation"] = "linear";
    auto twin = nn::layerRegistry().create(layer.spec().kind, nn::Settings::fromJson(layer.spec(), settings));
    nn::Rng rng(0);
    nn::Shape symbolic = shape;
    symbolic[0] = nn::kBatch;
    twin->build({symbolic}, rng);
    for (size_t i = 0; i < layer.parameters().size(); ++i)
        twin->parameters()[i]->value = layer.parameters()[i]->value;
    for (uint64_t seed = 1; seed < 10000; ++seed) {
        const nn::Tensor x = gradcheck::randomTensor(shape, seed);
        nn::Tensor z;
        nn::Saved saved;
        twin->forward({&x}, z, saved, {});
        if ((z.array().abs() > kKinkMargin).all())
            return x;
    }
    qFatal("no kink-free input found for %s", nn::toString(shape).c_str());
}

std::vector<nn::Tensor> inputsFor(const GradientCase &c, nn::Layer &layer)
{
    std::vector<nn::Tensor> inputs;
    for (size_t i = 0; i < c.inputs.size(); ++i) {
        if (i == 1 && c.paddedIds)
            inputs.push_back(paddedIdTensor(c.inputs[i]));
        else if (i == 0 && c.idsBelow > 0)
            inputs.push_back(idTensor(c.inputs[i], c.idsBelow, 100 + i));
        else if (c.separated)
            inputs.push_back(separatedTensor(c.inputs[i], 100 + i));
        else if (c.kinked && layer.spec().find("activation"))
            inputs.push_back(kinkFreeFusedInput(layer, c.inputs[i]));
        else if (c.kinked)
            inputs.push_back(kinkFreeTensor(c.inputs[i], 100 + i));
        else
            inputs.push_back(gradcheck::randomTensor(c.inputs[i], 100 + i));
    }
    return inputs;
}

} // namespace

class TestLayerGradients : public QObject {
    Q_OBJECT

private slots:
    void matchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("index");
        const auto &cases = gradientCases();
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].label.c_str()) << int(i);
    }

    void matchesFiniteDifferences()
    {
        QFETCH(int, index);
        const GradientCase &c = gradientCases()[size_t(index)];
        const auto &registry = nn::layerRegistry();
        auto layer = registry.create(c.kind, nn::Settings::fromJson(registry.spec(c.kind), c.settings));
        layer->setName("node1");
        std::vector<nn::Shape> symbolic = c.inputs;
        for (auto &shape : symbolic)
            shape[0] = nn::kBatch;
        nn::Rng rng(11);
        layer->build(symbolic, rng);
        if (c.randomState) {
            uint64_t seed = 200;
            for (nn::Parameter *p : layer->parameters())
                p->value = gradcheck::randomTensor(p->value.shape(), seed++, 0.5f, 1.5f);
            for (nn::Parameter *b : layer->buffers())
                b->value = gradcheck::randomTensor(b->value.shape(), seed++, 0.5f, 1.5f);
        }
        nn::RunContext ctx;
        ctx.training = c.training;
        ctx.seed = 7;
        ctx.step = 3;
        const std::string failure = gradcheck::checkLayer(*layer, inputsFor(c, *layer), ctx, c.tolerance);
        QVERIFY2(failure.empty(), (c.label + ": " + failure).c_str());
    }

    // A new layer kind cannot skip its gradient check: it needs a row in gradientCases().
    void everyKindHasAGradientCheck()
    {
        std::set<std::string> covered;
        for (const auto &c : gradientCases())
            covered.insert(c.kind);
        for (const nn::LayerSpec *spec : nn::layerRegistry().specs()) {
            if (spec->maxInputs == 0)
                continue;  // a data source (Input) has nothing to differentiate
            QVERIFY2(covered.count(spec->kind),
                     (spec->kind + " has no gradient-check row; add one to gradientCases()").c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestLayerGradients)
#include "test_layer_gradients.moc"
