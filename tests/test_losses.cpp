// Losses: finite-difference gradients, PyTorch 1.13's values on fixed inputs, and the messages a
// student sees when outputs and targets do not fit.
#include "errormessage.h"
#include "gradcheck.h"
#include "jsonfixture.h"

#include "nn/error.h"
#include "nn/loss.h"
#include "nn/registry.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace {

std::unique_ptr<nn::Loss> makeLoss(const std::string &kind, const nlohmann::json &settings)
{
    return nn::lossRegistry().create(kind, nn::Settings::fromJson(nn::lossRegistry().spec(kind), settings));
}

// One gradient-check row: a loss with settings, and the shape and range of its predictions.
struct GradientCase {
    std::string name;
    std::string kind;
    nlohmann::json settings;
    nn::Shape prediction;
    float low;
    float high;
};

const std::vector<GradientCase> &gradientCases()
{
    using J = nlohmann::json;
    static const std::vector<GradientCase> cases{
        {"MSE 4x3", "MSE", J::object(), {4, 3}, -1, 1},
        {"MSE 6x1", "MSE", J::object(), {6, 1}, -3, 3},
        {"MSE images 2x3x2x2", "MSE", J::object(), {2, 3, 2, 2}, 0, 1},
        {"MAE 4x3", "MAE", J::object(), {4, 3}, -1, 1},
        {"MAE 5x2", "MAE", J::object(), {5, 2}, -3, 3},
        {"SmoothL1 beta 1", "SmoothL1", {{"beta", 1.0}}, {6, 4}, -3, 3},
        {"SmoothL1 beta 0.5", "SmoothL1", {{"beta", 0.5}}, {6, 4}, -2, 2},
        {"SmoothL1 beta 2", "SmoothL1", {{"beta", 2.0}}, {6, 4}, -4, 4},
        {"SmoothL1 beta 0", "SmoothL1", {{"beta", 0.0}}, {4, 3}, -2, 2},
        {"BCE 4x3", "BinaryCrossEntropy", J::object(), {4, 3}, -4, 4},
        {"BCE 8x1", "BinaryCrossEntropy", J::object(), {8, 1}, -2, 2},
        {"CE 2 classes", "CrossEntropy", J::object(), {5, 2}, -3, 3},
        {"CE 3 classes", "CrossEntropy", J::object(), {6, 3}, -3, 3},
        {"CE 10 classes", "CrossEntropy", J::object(), {8, 10}, -3, 3},
        {"CE 2 classes smoothed", "CrossEntropy", {{"label_smoothing", 0.1}}, {5, 2}, -3, 3},
        {"CE 3 classes smoothed", "CrossEntropy", {{"label_smoothing", 0.2}}, {6, 3}, -3, 3},
        {"CE 10 classes smoothed", "CrossEntropy", {{"label_smoothing", 0.5}}, {8, 10}, -3, 3},
    };
    return cases;
}

// Targets of the loss's kind. Values stay ≥ 0.05 from the predictions, so that no central difference
// (step 0.01) straddles the kink of |p − t| at 0.
nn::Tensor targetsFor(const nn::Loss &loss, const nn::Tensor &prediction, uint64_t seed)
{
    nn::Rng rng(seed);
    if (loss.targetKind() == nn::TargetKind::ClassIndex) {
        nn::Tensor labels({prediction.dim(0)});
        for (int64_t i = 0; i < labels.size(); ++i)
            labels[i] = float(rng.below(uint64_t(prediction.dim(1))));
        return labels;
    }
    nn::Tensor target(prediction.shape());
    for (int64_t i = 0; i < target.size(); ++i) {
        if (loss.targetKind() == nn::TargetKind::Binary) {
            target[i] = float(rng.below(2));
            continue;
        }
        target[i] = rng.uniform(-1.0f, 1.0f);
        if (std::abs(target[i] - prediction[i]) < 0.05f)
            target[i] = prediction[i] - 0.1f;
    }
    return target;
}

const nlohmann::json &pytorch()
{
    static const nlohmann::json fixture = jsonfixture::load("losses.json");
    return fixture;
}

} // namespace

class TestLosses : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("row");
        for (size_t i = 0; i < gradientCases().size(); ++i)
            QTest::newRow(gradientCases()[i].name.c_str()) << int(i);
    }

    void gradientMatchesFiniteDifferences()
    {
        QFETCH(int, row);
        const GradientCase &c = gradientCases()[size_t(row)];
        const auto loss = makeLoss(c.kind, c.settings);
        const nn::Tensor prediction = gradcheck::randomTensor(c.prediction, 7 + uint64_t(row), c.low, c.high);
        const nn::Tensor target = targetsFor(*loss, prediction, 100 + uint64_t(row));
        if (c.kind == "SmoothL1" && c.settings.at("beta").get<double>() > 0.0) {
            const double beta = c.settings.at("beta");
            const auto distance = (prediction.array() - target.array()).abs();
            QVERIFY2(distance.minCoeff() < beta && distance.maxCoeff() > beta,
                     "the row must hold errors both below and above beta, to check both branches");
        }
        const std::string failure = gradcheck::checkLoss(*loss, prediction, target);
        QVERIFY2(failure.empty(), (c.name + ": " + failure).c_str());
    }

    void everyLossIsCovered()
    {
        for (const std::string &kind : nn::lossRegistry().kinds()) {
            const auto &cases = gradientCases();
            const bool checked = std::any_of(cases.begin(), cases.end(), [&](const auto &c) { return c.kind == kind; });
            QVERIFY2(checked, ("loss '" + kind + "' has no gradient-check rows in gradientCases()").c_str());
            const auto &fixture = pytorch().at("cases");
            const bool compared =
                std::any_of(fixture.begin(), fixture.end(), [&](const auto &c) { return c.at("kind") == kind; });
            QVERIFY2(compared, ("loss '" + kind + "' has no PyTorch rows; add them to make_loss_fixtures.py").c_str());
            const nn::ComponentSpec &spec = nn::lossRegistry().spec(kind);
            QVERIFY2(spec.category == "Loss" && !spec.summary.empty(),
                     ("loss '" + kind + "' needs category Loss and a summary").c_str());
        }
    }

    // What prediction, the views and the exports read: the output activation the loss declares.
    void probabilitiesApplyTheDeclaredOutputActivation()
    {
        const nn::Tensor logits = gradcheck::randomTensor({3, 4}, 9);
        for (const std::string &kind : nn::lossRegistry().kinds()) {
            const auto loss = makeLoss(kind, nlohmann::json::object());
            const std::string &activation = loss->spec().outputActivation;
            QCOMPARE(nn::outputActivationForLoss(kind), activation);
            nn::Tensor probabilities;
            loss->probabilities(logits, probabilities);
            for (int64_t row = 0; row < 3; ++row) {
                double sum = 0.0;
                for (int64_t column = 0; column < 4; ++column)
                    sum += std::exp(double(logits[row * 4 + column]));
                for (int64_t column = 0; column < 4; ++column) {
                    const double z = logits[row * 4 + column];
                    const double expected = activation == "softmax"   ? std::exp(z) / sum
                                            : activation == "sigmoid" ? 1.0 / (1.0 + std::exp(-z))
                                                                      : z;
                    QVERIFY2(std::abs(probabilities[row * 4 + column] - expected) < 1e-6,
                             (kind + " (" + activation + "): " + std::to_string(probabilities[row * 4 + column]) +
                              " instead of " + std::to_string(expected)).c_str());
                }
            }
        }
        QCOMPARE(nn::outputActivationForLoss("NoSuchLoss"), std::string("none"));
    }

    void matchesPyTorch_data()
    {
        QTest::addColumn<int>("row");
        const auto &cases = pytorch().at("cases");
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].at("name").get<std::string>().c_str()) << int(i);
    }

    // Value and gradient within 1e-5 (relative where they exceed 1) of torch.nn.functional's.
    void matchesPyTorch()
    {
        QFETCH(int, row);
        const auto &c = pytorch().at("cases")[size_t(row)];
        const auto loss = makeLoss(c.at("kind"), c.at("settings"));
        const nn::Tensor prediction = jsonfixture::tensor(c.at("prediction"));
        const nn::Tensor target = jsonfixture::tensor(c.at("target"));
        const double value = loss->forward(prediction, target);
        const double expected = c.at("loss");
        QVERIFY2(jsonfixture::close(value, expected, 1e-5),
                 qPrintable(QString("loss %1, PyTorch %2").arg(value, 0, 'g', 10).arg(expected, 0, 'g', 10)));
        nn::Tensor dPrediction;
        loss->backward(prediction, target, dPrediction);
        const std::string failure = jsonfixture::compare(dPrediction, jsonfixture::tensor(c.at("gradient")), 1e-5);
        QVERIFY2(failure.empty(), ("gradient " + failure).c_str());
    }

    void backwardOverwritesItsOutput()
    {
        for (const std::string &kind : nn::lossRegistry().kinds()) {
            const auto loss = makeLoss(kind, nlohmann::json::object());
            const nn::Tensor prediction = gradcheck::randomTensor({3, 4}, 5);
            const nn::Tensor target = targetsFor(*loss, prediction, 6);
            nn::Tensor fresh, reused(prediction.shape(), 123.0f);
            loss->backward(prediction, target, fresh);
            loss->backward(prediction, target, reused);
            QVERIFY2(jsonfixture::compare(reused, fresh, 0.0).empty(),
                     (kind + ": backward must write (=) its gradient, not add to it").c_str());
        }
    }

    void shapeMismatchIsExplained_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<nn::Shape>("prediction");
        QTest::addColumn<nn::Shape>("target");
        QTest::addColumn<QString>("message");
        const int64_t N = nn::kBatch;
        QTest::newRow("MSE 3 outputs, 1 target") << "MSE" << nn::Shape{N, 3} << nn::Shape{N, 1}
            << "MSE needs the network's output [N, 3] to match the targets [N, 1]; end the network in a Dense "
               "layer with 1 unit(s).";
        QTest::newRow("BCE 2 outputs, 3 targets") << "BinaryCrossEntropy" << nn::Shape{N, 2} << nn::Shape{N, 3}
            << "end the network in a Dense layer with 3 unit(s).";
        QTest::newRow("CE on images") << "CrossEntropy" << nn::Shape{N, 1, 28, 28} << nn::Shape{N}
            << "CrossEntropy compares class scores [N, classes] with class numbers, but the network outputs "
               "[N, 1, 28, 28]; end the network in a Dense layer with one unit per class.";
        QTest::newRow("CE with one-hot targets") << "CrossEntropy" << nn::Shape{N, 3} << nn::Shape{N, 3}
            << "end the network in a Dense layer with one unit per class.";
    }

    void shapeMismatchIsExplained()
    {
        QFETCH(QString, kind);
        QFETCH(nn::Shape, prediction);
        QFETCH(nn::Shape, target);
        QFETCH(QString, message);
        const auto loss = makeLoss(kind.toStdString(), nlohmann::json::object());
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, loss->checkShapes(prediction, target));
        const QString error = QString::fromStdString(errorMessage([&] { loss->checkShapes(prediction, target); }));
        QVERIFY2(error.contains(message), qPrintable("the message was: " + error));
    }

    void batchSizeMismatchIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<nn::Shape>("target");
        QTest::newRow("MSE") << "MSE" << nn::Shape{5, 3};
        QTest::newRow("SmoothL1") << "SmoothL1" << nn::Shape{3, 3};
        QTest::newRow("CrossEntropy") << "CrossEntropy" << nn::Shape{3};
    }

    void batchSizeMismatchIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(nn::Shape, target);
        const auto loss = makeLoss(kind.toStdString(), nlohmann::json::object());
        const nn::Tensor prediction({4, 3});
        nn::Tensor dPrediction;
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, loss->forward(prediction, nn::Tensor(target)));
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, loss->backward(prediction, nn::Tensor(target), dPrediction));
    }

    void labelOutOfRangeIsNamed_data()
    {
        QTest::addColumn<float>("label");
        QTest::addColumn<int>("classes");
        QTest::addColumn<QString>("message");
        QTest::newRow("label = K") << 3.0f << 3 << "class label 3 for sample 1, but the network outputs 3 classes";
        QTest::newRow("negative") << -1.0f << 3 << "class label -1 for sample 1";
        QTest::newRow("fraction") << 1.5f << 3 << "class label 1.5 for sample 1";
        QTest::newRow("beyond 10 classes") << 12.0f << 10 << "outputs 10 classes, so labels must be whole numbers "
                                                             "from 0 to 9";
    }

    void labelOutOfRangeIsNamed()
    {
        QFETCH(float, label);
        QFETCH(int, classes);
        QFETCH(QString, message);
        const auto loss = makeLoss("CrossEntropy", nlohmann::json::object());
        const nn::Tensor logits({2, classes});
        const nn::Tensor labels({2}, {0.0f, label});
        const QString forwardError = QString::fromStdString(errorMessage([&] { loss->forward(logits, labels); }));
        QVERIFY2(forwardError.contains(message), qPrintable("forward's message was: " + forwardError));
        nn::Tensor dLogits;
        const QString backwardError =
            QString::fromStdString(errorMessage([&] { loss->backward(logits, labels, dLogits); }));
        QVERIFY2(backwardError.contains(message), qPrintable("backward's message was: " + backwardError));
    }

    void labelSmoothingOutOfRangeIsRefused()
    {
        nn::Settings settings(nn::lossRegistry().spec("CrossEntropy"));
        QVERIFY_THROWS_EXCEPTION(nn::SettingError, settings.set("label_smoothing", 1.0));
        const QString error = QString::fromStdString(errorMessage([&] { settings.set("label_smoothing", 1.0); }));
        QVERIFY2(error.contains("'label_smoothing' must be between 0 and 0.99"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "test_losses.moc"
