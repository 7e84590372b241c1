// The sequence layers' behaviours that PyTorch's fixtures cannot vouch for: shape and id messages,
// the padding row, and bitwise-equal results on any thread count.
#include "errormessage.h"
#include "gradcheck.h"
#include "layerrun.h"
#include "nn/error.h"
#include "nn/registry.h"

#include <nlohmann/json.hpp>

#include <QtTest>

namespace {

// A layer of `kind` built for `inputs` (batch dim kBatch), its parameters drawn from Rng(1).
std::unique_ptr<nn::Layer> makeLayer(const std::string &kind, const nlohmann::json &settings,
                                     const std::vector<nn::Shape> &inputs)
{
    const auto &registry = nn::layerRegistry();
    auto layer = registry.create(kind, nn::Settings::fromJson(registry.spec(kind), settings));
    layer->setName("node1");
    nn::Rng rng(1);
    layer->build(inputs, rng);
    return layer;
}

// Whole numbers in [0, below), seeded: token ids.
nn::Tensor ids(const nn::Shape &shape, int64_t below, uint64_t seed)
{
    nn::Tensor t = gradcheck::randomTensor(shape, seed, 0.0f, float(below));
    t.array() = t.array().floor();
    return t;
}

const nlohmann::json kEmbedding = {{"vocabulary_size", 30}, {"dimension", 8}, {"padding_index", 0}};

} // namespace

class TestSequenceLayers : public QObject {
    Q_OBJECT

private slots:
    void embeddingNamesAnIdOutsideTheVocabulary()
    {
        auto embedding = makeLayer("Embedding", kEmbedding, {{nn::kBatch, 4}});
        nn::Tensor x = ids({2, 4}, 30, 3);
        x[5] = 37.0f;
        nn::Tensor y;
        nn::Saved saved;
        const std::string message = errorMessage([&] { embedding->forward({&x}, y, saved, {}); });
        QVERIFY2(message.find("id 37") != std::string::npos && message.find("30 entries") != std::string::npos &&
                     message.find("vocabulary_size") != std::string::npos,
                 message.c_str());
        x[5] = -1.0f;
        QVERIFY2(errorMessage([&] { embedding->forward({&x}, y, saved, {}); }).find("id -1") != std::string::npos,
                 "a negative id is refused too");
        x[5] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY2(!errorMessage([&] { embedding->forward({&x}, y, saved, {}); }).empty(), "NaN is no id");
    }

    void embeddingAsksForIds()
    {
        const auto &registry = nn::layerRegistry();
        auto embedding = registry.create("Embedding", nn::Settings::fromJson(registry.spec("Embedding"), kEmbedding));
        const std::string message = errorMessage([&] { embedding->inferShape({{nn::kBatch, 1, 28, 28}}); });
        QVERIFY2(message.find("Embedding expects token ids [N, T] but got [N, 1, 28, 28]") != std::string::npos,
                 message.c_str());
        QCOMPARE(embedding->inferShape({{nn::kBatch, 16}}), (nn::Shape{nn::kBatch, 16, 8}));
    }

    // The padding row starts at zero and learns nothing, so padded steps stay zero vectors.
    void embeddingPaddingRowStaysZero()
    {
        auto embedding = makeLayer("Embedding", kEmbedding, {{nn::kBatch, 6}});
        const nn::Tensor x = ids({4, 6}, 3, 5);  // many zeros
        const auto run = layerrun::run(*embedding, x, gradcheck::randomTensor({4, 6, 8}, 6));
        const nn::Tensor &table = embedding->parameters()[0]->value;
        const nn::Tensor &grad = run[2];
        QVERIFY(table.matrix().row(0).isZero(0.0f));
        QVERIFY(grad.matrix().row(0).isZero(0.0f));
        QVERIFY2(!grad.matrix().row(1).isZero(0.0f), "the other rows do learn");
        for (int64_t i = 0; i < x.size(); ++i)
            if (x[i] == 0.0f)
                QVERIFY(run[0].matrix(x.size(), 8).row(i).isZero(0.0f));
    }

    void attentionNamesHeadsThatDoNotDivide()
    {
        const auto &registry = nn::layerRegistry();
        auto layer = registry.create("MultiHeadAttention",
                                     nn::Settings::fromJson(registry.spec("MultiHeadAttention"), {{"heads", 3}}));
        const std::string message = errorMessage([&] { layer->inferShape({{nn::kBatch, 16, 32}}); });
        QVERIFY2(message.find("32") != std::string::npos && message.find("3 heads") != std::string::npos, message.c_str());
        QCOMPARE(errorMessage([&] { layer->inferShape({{nn::kBatch, 16}}); }),
                 std::string("MultiHeadAttention expects [N, T, E] but got [N, 16]; add an Embedding or a Reshape before it."));
    }

    // While training, dropout on the attention weights follows the step, not the thread count.
    void attentionDropoutIsBitwiseIdenticalOnAnyThreadCount()
    {
        auto layer = makeLayer("MultiHeadAttention", {{"heads", 4}, {"dropout", 0.2}}, {{nn::kBatch, 16, 32}});
        nn::RunContext ctx;
        ctx.training = true;
        ctx.seed = 5;
        ctx.step = 2;
        const nn::Tensor x = gradcheck::randomTensor({64, 16, 32}, 3);
        const std::string difference =
            layerrun::threadCountDifference(*layer, x, gradcheck::randomTensor({64, 16, 32}, 4), ctx);
        QVERIFY2(difference.empty(), difference.c_str());
        nn::Tensor eval, train;
        nn::Saved saved;
        layer->forward({&x}, eval, saved, {});
        layer->forward({&x}, train, saved, ctx);
        QVERIFY2(!layerrun::bitwiseEqual(eval, train), "dropout changes the training output");
    }

    void recurrentLayersAskForASequence_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"SimpleRNN", "GRU", "LSTM"})
            QTest::newRow(kind) << kind;
    }

    void recurrentLayersAskForASequence()
    {
        QFETCH(QString, kind);
        const std::string name = kind.toStdString();
        const auto &registry = nn::layerRegistry();
        auto layer = registry.create(name, nn::Settings::fromJson(registry.spec(name), nlohmann::json::object()));
        QCOMPARE(errorMessage([&] { layer->inferShape({{nn::kBatch, 16}}); }),
                 name + " expects [N, T, F] but got [N, 16]; add an Embedding or a Reshape before it.");
        const std::string mask = errorMessage([&] { layer->inferShape({{nn::kBatch, 5, 3}, {nn::kBatch, 4}}); });
        QVERIFY2(mask.find("[N, 5]") != std::string::npos && mask.find("[N, 4]") != std::string::npos, mask.c_str());
    }

    // A sample padded from 3 to 6 steps (whatever its padded features hold) gives what its 3 steps
    // alone give: the same last state, the same outputs at its steps and zeros after them, the same
    // gradients for its steps and none for the padding; both directions.
    void paddedStepsChangeNothing_data() { recurrentLayersAskForASequence_data(); }

    void paddedStepsChangeNothing()
    {
        QFETCH(QString, kind);
        for (bool sequences : {false, true}) {
            const nlohmann::json settings = {{"hidden_size", 4}, {"bidirectional", true}, {"return_sequences", sequences}};
            auto padded = makeLayer(kind.toStdString(), settings, {{nn::kBatch, 6, 2}, {nn::kBatch, 6}});
            auto alone = makeLayer(kind.toStdString(), settings, {{nn::kBatch, 3, 2}});
            const nn::Tensor x = gradcheck::randomTensor({1, 6, 2}, 8), tokens({1, 6}, 0.0f);
            nn::Tensor ids = tokens, head({1, 3, 2});
            ids[0] = ids[1] = ids[2] = 5.0f;
            std::copy_n(x.data(), 6, head.data());
            nn::Tensor y, yAlone;
            nn::Saved saved, savedAlone;
            padded->forward({&x, &ids}, y, saved, {});
            alone->forward({&head}, yAlone, savedAlone, {});
            const int64_t units = 8;
            for (int64_t i = 0; i < y.size(); ++i) {
                const float expected = !sequences ? yAlone[i] : i < 3 * units ? yAlone[i] : 0.0f;
                QVERIFY2(std::abs(y[i] - expected) < 1e-6f, qPrintable(QString("output %1: %2, alone %3").arg(i).arg(y[i]).arg(expected)));
            }
            const nn::Tensor dy = gradcheck::randomTensor(y.shape(), 9);
            nn::Tensor dyAlone(yAlone.shape()), dx(x.shape()), dxAlone(head.shape());
            std::copy_n(dy.data(), dyAlone.size(), dyAlone.data());
            padded->backward({&x, &ids}, y, dy, saved, {&dx, nullptr}, {});
            alone->backward({&head}, yAlone, dyAlone, savedAlone, {&dxAlone}, {});
            for (int64_t i = 0; i < dx.size(); ++i) {
                const float expected = i < 6 ? dxAlone[i] : 0.0f;
                QVERIFY2(std::abs(dx[i] - expected) < 1e-6f, qPrintable(QString("dx %1: %2, alone %3").arg(i).arg(dx[i]).arg(expected)));
            }
            for (size_t p = 0; p < padded->parameters().size(); ++p)
                QVERIFY2(padded->parameters()[p]->grad.matrix().isApprox(alone->parameters()[p]->grad.matrix(), 1e-5f),
                         padded->parameters()[p]->name.c_str());
        }
    }

    void sequenceLayersAreBitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("features");
        QTest::newRow("Embedding") << "Embedding" << QString::fromStdString(kEmbedding.dump()) << 16 << 0;
        for (const char *kind : {"SimpleRNN", "GRU", "LSTM"}) {
            const nlohmann::json last = {{"hidden_size", 128}}, both = {{"hidden_size", 64}, {"return_sequences", true},
                                                                       {"bidirectional", true}};
            QTest::newRow((std::string(kind) + " last").c_str()) << kind << QString::fromStdString(last.dump()) << 16 << 32;
            QTest::newRow((std::string(kind) + " all steps bidirectional").c_str())
                << kind << QString::fromStdString(both.dump()) << 16 << 32;
        }
        QTest::newRow("MultiHeadAttention causal") << "MultiHeadAttention" << R"({"heads": 4, "causal": true})" << 16 << 32;
        QTest::newRow("PositionalEncoding learned") << "PositionalEncoding" << R"({"mode": "learned"})" << 16 << 32;
        QTest::newRow("SequencePooling mean") << "SequencePooling" << "{}" << 16 << 32;
    }

    // Forward and backward on 1, 2 and 16 threads, a word-task batch of 64 × 16 steps.
    void sequenceLayersAreBitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        QFETCH(int, steps);
        QFETCH(int, features);
        const nlohmann::json json = nlohmann::json::parse(settings.toStdString());
        const nn::Shape in = features ? nn::Shape{64, steps, features} : nn::Shape{64, steps};
        nn::Shape symbolic = in;
        symbolic[0] = nn::kBatch;
        auto layer = makeLayer(kind.toStdString(), json, {symbolic});
        const nn::Tensor x = features ? gradcheck::randomTensor(in, 2) : ids(in, 30, 2);
        nn::Tensor y;
        nn::Saved saved;
        layer->forward({&x}, y, saved, {});
        const std::string difference = layerrun::threadCountDifference(*layer, x, gradcheck::randomTensor(y.shape(), 4));
        QVERIFY2(difference.empty(), difference.c_str());
    }

    void maskedRecurrentLayersAreBitwiseIdenticalOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        for (const char *kind : {"SimpleRNN", "GRU", "LSTM"}) {
            QTest::newRow((std::string(kind) + " last").c_str()) << kind << R"({"hidden_size": 128})";
            QTest::newRow((std::string(kind) + " all steps bidirectional").c_str())
                << kind << R"({"hidden_size": 64, "return_sequences": true, "bidirectional": true})";
        }
    }

    // The same with the ids' mask: 64 words of 3 to 16 letters padded to 16, whose steps run packed.
    void maskedRecurrentLayersAreBitwiseIdenticalOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        auto layer = makeLayer(kind.toStdString(), nlohmann::json::parse(settings.toStdString()),
                               {{nn::kBatch, 16, 32}, {nn::kBatch, 16}});
        const nn::Tensor x = gradcheck::randomTensor({64, 16, 32}, 2);
        nn::Tensor tokens({64, 16}, 0.0f);
        for (int64_t n = 0; n < 64; ++n)
            for (int64_t t = 0; t < 3 + (n * 7) % 14; ++t)
                tokens[n * 16 + t] = float(1 + (n + t) % 29);
        std::vector<std::vector<nn::Tensor>> runs;
        for (int threads : {1, 2, 16})
            runs.push_back(nn::ThreadArena(threads).run([&] {
                nn::Tensor y, dx(x.shape());
                nn::Saved saved;
                for (nn::Parameter *p : layer->parameters())
                    p->grad.setZero();
                layer->forward({&x, &tokens}, y, saved, {});
                layer->backward({&x, &tokens}, y, gradcheck::randomTensor(y.shape(), 4), saved, {&dx, nullptr}, {});
                std::vector<nn::Tensor> all{y, dx};
                for (nn::Parameter *p : layer->parameters())
                    all.push_back(p->grad);
                return all;
            }));
        for (size_t run = 1; run < runs.size(); ++run)
            for (size_t i = 0; i < runs[0].size(); ++i)
                QVERIFY2(layerrun::bitwiseEqual(runs[run][i], runs[0][i]),
                         qPrintable(QString("result %1 differs between 1 thread and run %2").arg(i).arg(run)));
    }
};

QTEST_GUILESS_MAIN(TestSequenceLayers)
#include "test_sequence_layers.moc"
