// Optimizers, learning-rate schedules, L1/L2 regularization and gradient clipping against PyTorch 1.13
// (tests/fixtures/optimizers.json), and the messages for settings out of range.
#include "errormessage.h"
#include "jsonfixture.h"

#include "nn/error.h"
#include "nn/optimizer.h"
#include "nn/regularization.h"
#include "nn/registry.h"
#include "nn/schedule.h"
#include "nn/threadarena.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

const nlohmann::json &pytorch()
{
    static const nlohmann::json fixture = jsonfixture::load("optimizers.json");
    return fixture;
}

std::unique_ptr<nn::Optimizer> makeOptimizer(const std::string &kind, const nlohmann::json &settings)
{
    return nn::optimizerRegistry().create(kind, nn::Settings::fromJson(nn::optimizerRegistry().spec(kind), settings));
}

// Parameters from [{"name", "shape", "data", "decays"}], with zero gradients.
std::vector<nn::Parameter> parametersFrom(const nlohmann::json &json)
{
    std::vector<nn::Parameter> parameters;
    for (const auto &p : json) {
        nn::Tensor value = jsonfixture::tensor(p);
        nn::Tensor grad(value.shape());
        parameters.push_back({p.at("name"), std::move(value), std::move(grad), p.at("decays")});
    }
    return parameters;
}

std::vector<nn::Parameter *> pointers(std::vector<nn::Parameter> &parameters)
{
    std::vector<nn::Parameter *> result;
    for (auto &p : parameters)
        result.push_back(&p);
    return result;
}

void setGradients(std::vector<nn::Parameter> &parameters, const nlohmann::json &grads)
{
    for (size_t i = 0; i < parameters.size(); ++i)
        parameters[i].grad = jsonfixture::tensor(grads[i]);
}

// Fixture rows of one section, named by their "name".
void addFixtureRows(const char *section)
{
    QTest::addColumn<int>("row");
    const auto &rows = pytorch().at(section);
    for (size_t i = 0; i < rows.size(); ++i)
        QTest::newRow(rows[i].at("name").get<std::string>().c_str()) << int(i);
}

// One row per registered optimizer kind.
void addKindRows()
{
    QTest::addColumn<QString>("kind");
    for (const std::string &kind : nn::optimizerRegistry().kinds())
        QTest::newRow(kind.c_str()) << QString::fromStdString(kind);
}

// Parameters filled with a fixed pattern, big enough to be cut into many parallel chunks.
std::vector<nn::Parameter> largeParameters()
{
    std::vector<nn::Parameter> parameters{{"weight", nn::Tensor({300, 1001}), nn::Tensor({300, 1001}), true},
                                          {"bias", nn::Tensor({1001}), nn::Tensor({1001}), false}};
    for (auto &p : parameters)
        for (int64_t i = 0; i < p.value.size(); ++i) {
            p.value[i] = float((i * 7919) % 1000) / 500.0f - 1.0f;
            p.grad[i] = float((i * 104729) % 997) / 498.5f - 1.0f;
        }
    return parameters;
}

std::string format(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data() { addFixtureRows("optimizers"); }

    // Five steps from fixed parameters with fixed gradients; after each, parameters within 1e-5.
    void matchesPyTorch()
    {
        QFETCH(int, row);
        const auto &c = pytorch().at("optimizers")[size_t(row)];
        const auto optimizer = makeOptimizer(c.at("kind"), c.at("settings"));
        std::vector<nn::Parameter> parameters = parametersFrom(c.at("parameters"));
        const auto &steps = c.at("gradients");
        for (size_t step = 0; step < steps.size(); ++step) {
            setGradients(parameters, steps[step]);
            optimizer->step(pointers(parameters));
            for (size_t p = 0; p < parameters.size(); ++p) {
                const std::string failure =
                    jsonfixture::compare(parameters[p].value, jsonfixture::tensor(c.at("after")[step][p]), 1e-5);
                const std::string where = "after step " + std::to_string(step + 1) + ", " + parameters[p].name;
                QVERIFY2(failure.empty(), (where + " " + failure).c_str());
            }
        }
    }

    void everyOptimizerIsCovered()
    {
        const auto &rows = pytorch().at("optimizers");
        for (const std::string &kind : nn::optimizerRegistry().kinds()) {
            const bool compared =
                std::any_of(rows.begin(), rows.end(), [&](const auto &c) { return c.at("kind") == kind; });
            QVERIFY2(compared,
                     ("optimizer '" + kind + "' has no rows; add them to make_optimizer_fixtures.py").c_str());
            const nn::ComponentSpec &spec = nn::optimizerRegistry().spec(kind);
            QVERIFY2(spec.category == "Optimizer" && !spec.summary.empty(),
                     ("optimizer '" + kind + "' needs category Optimizer and a summary").c_str());
            for (const auto &setting : spec.settings)
                QVERIFY2(!setting.help.empty(), (kind + " setting '" + setting.name + "' has no help text").c_str());
        }
    }

    void settingOutOfRangeIsNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<double>("value");
        QTest::newRow("SGD lr -1") << "SGD" << "lr" << -1.0;
        QTest::newRow("SGD momentum -0.5") << "SGD" << "momentum" << -0.5;
        QTest::newRow("Adam lr -1") << "Adam" << "lr" << -1.0;
        QTest::newRow("Adam beta1 1.5") << "Adam" << "beta1" << 1.5;
        QTest::newRow("AdamW beta2 1") << "AdamW" << "beta2" << 1.0;
        QTest::newRow("RMSprop alpha 2") << "RMSprop" << "alpha" << 2.0;
        QTest::newRow("Adagrad eps -1") << "Adagrad" << "eps" << -1.0;
        QTest::newRow("Adagrad lr 100") << "Adagrad" << "lr" << 100.0;
    }

    void settingOutOfRangeIsNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, setting);
        QFETCH(double, value);
        const nn::ComponentSpec &spec = nn::optimizerRegistry().spec(kind.toStdString());
        const nn::SettingSpec *declared = spec.find(setting.toStdString());
        QVERIFY2(declared, "the setting is not declared");
        QVERIFY(value < declared->min || value > declared->max);
        nn::Settings settings(spec);
        QVERIFY_THROWS_EXCEPTION(nn::SettingError, settings.set(setting.toStdString(), value));
        const QString error = QString::fromStdString(errorMessage([&] { settings.set(setting.toStdString(), value); }));
        const QString range = QString::fromStdString("'" + declared->name + "' must be between " +
                                                     format(declared->min) + " and " + format(declared->max));
        QVERIFY2(error.contains(range), qPrintable("the message was: " + error));
    }

    void nesterovNeedsMomentumWithoutDampening_data()
    {
        QTest::addColumn<double>("momentum");
        QTest::addColumn<double>("dampening");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("no momentum") << 0.0 << 0.0 << false;
        QTest::newRow("dampening") << 0.9 << 0.5 << false;
        QTest::newRow("momentum, no dampening") << 0.9 << 0.0 << true;
    }

    void nesterovNeedsMomentumWithoutDampening()
    {
        QFETCH(double, momentum);
        QFETCH(double, dampening);
        QFETCH(bool, accepted);
        const nlohmann::json settings{{"nesterov", true}, {"momentum", momentum}, {"dampening", dampening}};
        const QString error = QString::fromStdString(errorMessage([&] { makeOptimizer("SGD", settings); }));
        if (accepted)
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains("'nesterov' needs a momentum above 0 and a dampening of 0"),
                     qPrintable("the message was: " + error));
    }

    void learningRateReplacesTheSetting_data() { addKindRows(); }

    // A schedule's rate, set with setLearningRate, steps exactly as the same rate given as the setting.
    void learningRateReplacesTheSetting()
    {
        QFETCH(QString, kind);
        const auto &c = pytorch().at("optimizers")[0];
        const auto scheduled = makeOptimizer(kind.toStdString(), {{"lr", 0.1}});
        const auto fixed = makeOptimizer(kind.toStdString(), {{"lr", 0.05}});
        scheduled->setLearningRate(0.05);
        QCOMPARE(scheduled->baseLearningRate(), 0.1);
        std::vector<nn::Parameter> a = parametersFrom(c.at("parameters")), b = a;
        for (int step = 0; step < 2; ++step) {
            setGradients(a, c.at("gradients")[size_t(step)]);
            setGradients(b, c.at("gradients")[size_t(step)]);
            scheduled->step(pointers(a));
            fixed->step(pointers(b));
        }
        for (size_t p = 0; p < a.size(); ++p)
            QVERIFY2(jsonfixture::compare(a[p].value, b[p].value, 0.0).empty(),
                     qPrintable(kind + " did not use the rate set by setLearningRate"));
    }

    void resetForgetsTheState_data() { addKindRows(); }

    // Two steps, a reset and a step from the start again: the same as one step of a new optimizer.
    void resetForgetsTheState()
    {
        QFETCH(QString, kind);
        const auto &c = pytorch().at("optimizers")[0];
        const nlohmann::json settings = kind == "SGD" ? nlohmann::json{{"momentum", 0.9}} : nlohmann::json::object();
        const auto used = makeOptimizer(kind.toStdString(), settings);
        const auto fresh = makeOptimizer(kind.toStdString(), settings);
        std::vector<nn::Parameter> a = parametersFrom(c.at("parameters")), b = a;
        setGradients(a, c.at("gradients")[0]);
        setGradients(b, c.at("gradients")[0]);
        used->step(pointers(a));
        used->step(pointers(a));
        used->reset();
        a = parametersFrom(c.at("parameters"));
        setGradients(a, c.at("gradients")[0]);
        used->step(pointers(a));
        fresh->step(pointers(b));
        for (size_t p = 0; p < a.size(); ++p)
            QVERIFY2(jsonfixture::compare(a[p].value, b[p].value, 0.0).empty(), qPrintable(kind + " kept state"));
    }

    void otherParametersAreRefused()
    {
        const auto optimizer = makeOptimizer("Adam", nlohmann::json::object());
        std::vector<nn::Parameter> parameters = parametersFrom(pytorch().at("optimizers")[0].at("parameters"));
        optimizer->step(pointers(parameters));
        std::vector<nn::Parameter *> fewer{&parameters[0]};
        const QString error = QString::fromStdString(errorMessage([&] { optimizer->step(fewer); }));
        QVERIFY2(error.contains("reset the optimizer"), qPrintable("the message was: " + error));
    }

    void sameResultOnAnyThreadCount_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("settings");
        QTest::newRow("Adam amsgrad") << "Adam" << R"({"amsgrad": true, "weight_decay": 0.1})";
        QTest::newRow("AdamW") << "AdamW" << "{}";
        QTest::newRow("RMSprop centered momentum") << "RMSprop" << R"({"centered": true, "momentum": 0.9})";
        QTest::newRow("SGD nesterov") << "SGD" << R"({"momentum": 0.9, "nesterov": true})";
        QTest::newRow("Adagrad") << "Adagrad" << R"({"lr_decay": 0.1})";
    }

    void sameResultOnAnyThreadCount()
    {
        QFETCH(QString, kind);
        QFETCH(QString, settings);
        const auto run = [&](int threads) {
            return nn::ThreadArena(threads).run([&] {
                const auto optimizer = makeOptimizer(kind.toStdString(), nlohmann::json::parse(settings.toStdString()));
                std::vector<nn::Parameter> parameters = largeParameters();
                for (int step = 0; step < 3; ++step)
                    optimizer->step(pointers(parameters));
                return parameters;
            });
        };
        const std::vector<nn::Parameter> one = run(1), all = run(0);
        for (size_t p = 0; p < one.size(); ++p)
            QVERIFY2(std::memcmp(one[p].value.data(), all[p].value.data(),
                                 size_t(one[p].value.size()) * sizeof(float)) == 0,
                     qPrintable(kind + " differs between 1 thread and all threads in " +
                                QString::fromStdString(one[p].name)));
    }

    void scheduleMatchesPyTorch_data() { addFixtureRows("schedules"); }

    void scheduleMatchesPyTorch()
    {
        QFETCH(int, row);
        const auto &c = pytorch().at("schedules")[size_t(row)];
        const auto &json = c.at("schedule");
        nn::ScheduleConfig schedule;
        schedule.kind = json.at("kind");
        schedule.stepSize = json.value("stepSize", schedule.stepSize);
        schedule.gamma = json.value("gamma", schedule.gamma);
        schedule.minLearningRate = json.value("minLearningRate", schedule.minLearningRate);
        const int epochs = c.at("epochs");
        for (int epoch = 0; epoch < epochs; ++epoch) {
            const double rate = nn::learningRateAt(schedule, c.at("base"), epoch, epochs);
            const double expected = c.at("rates")[size_t(epoch)];
            QVERIFY2(std::abs(rate - expected) <= 1e-12, qPrintable(QString("epoch %1: rate %2, PyTorch %3")
                                                                       .arg(epoch)
                                                                       .arg(rate, 0, 'g', 17)
                                                                       .arg(expected, 0, 'g', 17)));
        }
    }

    void unknownScheduleListsTheKnownOnes()
    {
        nn::ScheduleConfig schedule;
        schedule.kind = "linear";
        QVERIFY_THROWS_EXCEPTION(nn::SettingError, nn::learningRateAt(schedule, 0.1, 0, 10));
        const QString error = QString::fromStdString(errorMessage([&] { nn::learningRateAt(schedule, 0.1, 0, 10); }));
        QVERIFY2(error.contains("'linear'") && error.contains("constant, step, cosine"), qPrintable(error));
    }

    void clipGradientNormMatchesPyTorch_data() { addFixtureRows("clipping"); }

    void clipGradientNormMatchesPyTorch()
    {
        QFETCH(int, row);
        const auto &c = pytorch().at("clipping")[size_t(row)];
        std::vector<nn::Parameter> parameters;
        for (const auto &grad : c.at("gradients")) {
            nn::Tensor g = jsonfixture::tensor(grad);
            parameters.push_back({"p", nn::Tensor(g.shape()), g, true});
        }
        const double total = nn::clipGradientNorm(pointers(parameters), c.at("maxNorm"));
        QVERIFY2(jsonfixture::close(total, c.at("total"), 1e-5),
                 qPrintable(QString("total norm %1, PyTorch %2").arg(total).arg(c.at("total").get<double>())));
        for (size_t p = 0; p < parameters.size(); ++p) {
            const nn::Tensor expected = jsonfixture::tensor(c.at("clipped")[p]);
            const std::string failure = jsonfixture::compare(parameters[p].grad, expected, 1e-5);
            QVERIFY2(failure.empty(), ("gradient " + std::to_string(p) + " " + failure).c_str());
        }
    }

    void regularizationMatchesAutograd_data() { addFixtureRows("regularization"); }

    // Penalty and gradient against torch autograd of l1·Σ|w| + l2·Σw² over the decaying parameters.
    void regularizationMatchesAutograd()
    {
        QFETCH(int, row);
        const auto &c = pytorch().at("regularization")[size_t(row)];
        std::vector<nn::Parameter> parameters = parametersFrom(c.at("parameters"));
        setGradients(parameters, c.at("gradients"));
        const double penalty = nn::applyRegularization(pointers(parameters), c.at("l1"), c.at("l2"));
        const double expected = c.at("penalty");
        QVERIFY2(jsonfixture::close(penalty, expected, 1e-6),
                 qPrintable(QString("penalty %1, PyTorch %2").arg(penalty, 0, 'g', 12).arg(expected, 0, 'g', 12)));
        for (size_t p = 0; p < parameters.size(); ++p) {
            const nn::Tensor expected = jsonfixture::tensor(c.at("after")[p]);
            const std::string failure = jsonfixture::compare(parameters[p].grad, expected, 1e-5);
            QVERIFY2(failure.empty(), (parameters[p].name + " gradient " + failure).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"
