// The optimizer race: each run is bitwise the single run with its settings, the loss surface's
// slice at the origin is the model's loss, the plane's directions and projection are what Li et al.
// describe, a step on a classic function is the optimizer's update formula, and `layerlab-cli race`.
#include "datasets/experiment.h"
#include "datasets/optimizerrace.h"
#include "nn/classicfunctions.h"
#include "nn/error.h"
#include "nn/losssurface.h"
#include "nn/racesetting.h"
#include "nn/registry.h"

#include <tbb/task_arena.h>  // before Qt, whose emit macro its headers use as a name

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstring>

namespace {

nn::Project raceProject(int epochs)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath("optimizer-race"));
    project.training.epochs = epochs;
    return project;
}

std::vector<nn::RaceSetting> settingsOf(const std::vector<std::string> &texts)
{
    std::vector<nn::RaceSetting> settings;
    for (const std::string &text : texts)
        settings.push_back(nn::RaceSetting::parse(text));
    return settings;
}

// Keeps each epoch's training loss of a single run.
class EpochLosses : public nn::TrainingObserver {
public:
    void epochFinished(const nn::EpochReport &report) override { losses.push_back(report.trainLoss); }
    std::vector<double> losses;
};

bool sameBits(const nn::Tensor &a, const nn::Tensor &b)
{
    return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

// Samples `indices` of another source: the race's probe samples as a source Trainer::evaluate reads.
class SubsetSource : public nn::BatchSource {
public:
    SubsetSource(const nn::BatchSource &all, std::vector<int64_t> indices) : all_(all), indices_(std::move(indices)) {}
    int64_t size() const override { return int64_t(indices_.size()); }
    nn::Shape sampleShape() const override { return all_.sampleShape(); }
    nn::Shape targetShape() const override { return all_.targetShape(); }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        std::vector<int64_t> mapped;
        for (int64_t i : indices)
            mapped.push_back(indices_[size_t(i)]);
        all_.gather(mapped, x, y);
    }

private:
    const nn::BatchSource &all_;
    std::vector<int64_t> indices_;
};

std::vector<const nn::Tensor *> valuesOf(nn::Model &model)
{
    std::vector<const nn::Tensor *> values;
    for (nn::Parameter *parameter : model.parameterList())
        values.push_back(&parameter->value);
    return values;
}

struct CliResult {
    int exitCode = -1;
    QString out, err;
};

CliResult runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(LAYERLAB_CLI, arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestRace : public QObject {
    Q_OBJECT

private slots:
    // Every run of a race ends with bitwise the weights, and every epoch with bitwise the loss, of a
    // single run with the same settings: same initial weights, same data order, nothing shared.
    void raceRunsAreSingleRuns()
    {
        const nn::Project project = raceProject(3);
        const auto settings = settingsOf({"sgd:0.05", "nesterov:0.05", "adam:0.01", "rmsprop:0.01@1"});
        datasets::OptimizerRace race(project, settings);
        race.runToEnd();
        for (size_t i = 0; i < settings.size(); ++i) {
            nn::Project single = project;
            single.training = settings[i].applyTo(project.training);
            datasets::Experiment experiment(single);
            auto trainer = experiment.makeTrainer();
            EpochLosses losses;
            trainer->setObserver(&losses);
            trainer->run();
            const std::string label = settings[i].label();
            QCOMPARE(race.run(i).outcome, std::string("completed"));
            QVERIFY2(race.run(i).epochLosses == losses.losses, label.c_str());
            const auto raced = race.model(i).parametersAndBuffers(), alone = experiment.model().parametersAndBuffers();
            QCOMPARE(raced.size(), alone.size());
            for (size_t p = 0; p < raced.size(); ++p)
                QVERIFY2(sameBits(raced[p].parameter->value, alone[p].parameter->value),
                         qPrintable(QString::fromStdString(label + ": " + raced[p].name + " differs from the single run's")));
        }
        // The runs really differ (the comparison above would pass for four copies of one run).
        QVERIFY(race.run(0).epochLosses.back() != race.run(2).epochLosses.back());
    }

    // Every run starts at the same weights: the same probe loss at the plane's origin.
    void runsStartTogether()
    {
        datasets::OptimizerRace race(raceProject(1), settingsOf({"sgd:0.05", "adam:0.01"}));
        for (size_t i = 0; i < race.size(); ++i) {
            const datasets::RaceCheckpoint &start = race.run(i).checkpoints.front();
            QCOMPARE(start.step, int64_t(0));
            QCOMPARE(start.a, 0.0);
            QCOMPARE(start.b, 0.0);
            QCOMPARE(start.loss, race.run(0).checkpoints.front().loss);
        }
    }

    // Batch GD, mini-batch and batch 1 on equal compute: the same samples per epoch, different steps.
    void batchModesSeeEqualSamples()
    {
        datasets::OptimizerRace race(raceProject(2), settingsOf({"sgd:0.1@full", "sgd:0.1@16", "sgd:0.01@1"}));
        race.runToEnd();
        const int64_t samples = 2 * race.trainSamples();
        for (size_t i = 0; i < race.size(); ++i) {
            QCOMPARE(race.run(i).samples, samples);
            QCOMPARE(race.run(i).checkpoints.back().samples, samples);
            QCOMPARE(race.run(i).checkpoints.back().epoch, 2.0);
        }
        QCOMPARE(race.run(0).checkpoints.back().step, int64_t(2));
        QCOMPARE(race.run(2).checkpoints.back().step, samples);
    }

    // The slice at (0, 0) is the model's loss on the probe samples, as Trainer::evaluate computes it;
    // a point off the origin is the loss of origin + a·first + b·second.
    void surfaceOriginIsModelLoss()
    {
        const nn::Project project = raceProject(1);
        datasets::OptimizerRace race(project, settingsOf({"adam:0.01"}));
        const nn::SurfaceGrid grid = race.surface(0.5, 0.25, 5);
        QCOMPARE(grid.a(2), 0.0);
        QCOMPARE(grid.b(2), 0.0);

        datasets::Experiment experiment(project);
        const nn::BatchSource &train = experiment.split("train");
        const int64_t count = std::min<int64_t>(datasets::OptimizerRace::kProbeSamples, train.size());
        std::vector<int64_t> indices;
        for (int64_t i = 0; i < count; ++i)
            indices.push_back(i * train.size() / count);
        const SubsetSource probe(train, indices);
        const double evaluated = experiment.makeTrainer()->evaluate(probe).loss;
        QVERIFY2(std::abs(grid.at(2, 2) - evaluated) <= 1e-12 * std::abs(evaluated),
                 qPrintable(QString("surface at the origin %1, Trainer::evaluate %2").arg(grid.at(2, 2), 0, 'g', 17).arg(evaluated, 0, 'g', 17)));

        std::vector<nn::Tensor *> weights;
        for (nn::Parameter *parameter : experiment.model().parameterList())
            weights.push_back(&parameter->value);
        race.plane().place(grid.a(4), grid.b(1), weights);
        const double placed = race.probeLoss(experiment.model());
        QCOMPARE(grid.at(4, 1), placed);
        QVERIFY2(std::abs(placed - evaluated) > 1e-3, "a step of half the weights' norm should change the loss");
    }

    // The grid is the same on one thread as on several.
    void surfaceIndependentOfThreads()
    {
        datasets::OptimizerRace race(raceProject(1), settingsOf({"adam:0.01"}));
        nn::SurfaceGrid one, two;
        tbb::task_arena(1).execute([&] { one = race.surface(1.0, 1.0, 7); });
        tbb::task_arena(2).execute([&] { two = race.surface(1.0, 1.0, 7); });
        QVERIFY(one.loss == two.loss);
    }

    // Li et al.'s filter normalisation: each row of a direction has the norm of that row of the
    // weights; biases get no direction.
    void directionsAreFilterNormalised()
    {
        nn::Project project = raceProject(1);
        nn::Model model(project.graph, 7);
        const nn::SurfacePlane plane = nn::SurfacePlane::through(valuesOf(model), 3);
        const auto parameters = model.parameterList();
        for (size_t p = 0; p < parameters.size(); ++p) {
            const nn::Tensor &weights = parameters[p]->value;
            for (const nn::Tensor *direction : {&plane.first()[p], &plane.second()[p]}) {
                if (weights.rank() < 2) {
                    QVERIFY2(direction->array().abs().maxCoeff() == 0.0f, "a bias has a direction");
                    continue;
                }
                for (int64_t r = 0; r < weights.dim(0); ++r) {
                    const double want = weights.matrix().row(r).norm(), got = direction->matrix().row(r).norm();
                    QVERIFY2(std::abs(want - got) <= 1e-5 * want, qPrintable(QString("row %1: %2 vs %3").arg(r).arg(got).arg(want)));
                }
            }
        }
        QVERIFY2(!plane.first()[0].vector().isApprox(plane.second()[0].vector()), "the two directions are the same");
    }

    // Weights origin + a·first + b·second project back onto (a, b).
    void projectionRecoversCoordinates()
    {
        nn::Model model(raceProject(1).graph, 7);
        const nn::SurfacePlane plane = nn::SurfacePlane::through(valuesOf(model), 3);
        std::vector<nn::Tensor *> weights;
        for (nn::Parameter *parameter : model.parameterList())
            weights.push_back(&parameter->value);
        plane.place(0.3, -0.2, weights);
        const auto [a, b] = plane.project(valuesOf(model));
        QVERIFY2(std::abs(a - 0.3) < 1e-5 && std::abs(b + 0.2) < 1e-5, qPrintable(QString("(%1, %2)").arg(a).arg(b)));
    }

    // Each classic function's gradient matches central differences.
    void classicGradients()
    {
        for (const nn::ClassicFunction &f : nn::classicFunctions())
            for (const nn::Point2 &at : {nn::Point2{-1.3, 0.7}, nn::Point2{0.4, -1.1}, f.start}) {
                const double h = 1e-6;
                const nn::Point2 g = f.gradient(at[0], at[1]);
                const double dx = (f.value(at[0] + h, at[1]) - f.value(at[0] - h, at[1])) / (2 * h);
                const double dy = (f.value(at[0], at[1] + h) - f.value(at[0], at[1] - h)) / (2 * h);
                QVERIFY2(std::abs(g[0] - dx) <= 1e-5 * std::max(1.0, std::abs(dx)) &&
                             std::abs(g[1] - dy) <= 1e-5 * std::max(1.0, std::abs(dy)),
                         qPrintable(QString::fromStdString(f.name) + QString(" at (%1, %2): (%3, %4) vs (%5, %6)")
                                        .arg(at[0]).arg(at[1]).arg(g[0]).arg(g[1]).arg(dx).arg(dy)));
            }
    }

    // Three steps on Rosenbrock are the update formulas written out here, in double.
    void classicStepIsUpdateFormula_data()
    {
        QTest::addColumn<QString>("setting");
        for (const char *text : {"sgd:0.0005", "momentum:0.0005", "nesterov:0.0005", "rmsprop:0.01", "adam:0.05", "adamw:0.05", "adagrad:0.1"})
            QTest::newRow(text) << text;
    }
    void classicStepIsUpdateFormula()
    {
        QFETCH(QString, setting);
        const nn::RaceSetting race = nn::RaceSetting::parse(setting.toStdString());
        const nn::ClassicFunction &f = nn::classicFunction("rosenbrock");
        nn::ClassicDescent descent(f, race);
        const double lr = race.learningRate;
        nn::Point2 w = {float(f.start[0]), float(f.start[1])}, b{}, m{}, v{};
        for (int t = 1; t <= 3; ++t) {
            descent.step();
            const nn::Point2 grad = f.gradient(w[0], w[1]);
            for (size_t k = 0; k < 2; ++k) {
                const double g = float(grad[k]);
                if (race.preset == "sgd") {
                    w[k] -= lr * g;
                } else if (race.preset == "momentum" || race.preset == "nesterov") {
                    b[k] = t == 1 ? g : 0.9 * b[k] + g;
                    w[k] -= lr * (race.preset == "nesterov" ? g + 0.9 * b[k] : b[k]);
                } else if (race.preset == "rmsprop") {
                    v[k] = 0.99 * v[k] + 0.01 * g * g;
                    w[k] -= lr * g / (std::sqrt(v[k]) + 1e-8);
                } else if (race.preset == "adagrad") {
                    v[k] += g * g;
                    w[k] -= lr * g / (std::sqrt(v[k]) + 1e-10);
                } else {  // adam, adamw (no weight decay on a point)
                    m[k] = 0.9 * m[k] + 0.1 * g;
                    v[k] = 0.999 * v[k] + 0.001 * g * g;
                    const double mHat = m[k] / (1 - std::pow(0.9, t)), vHat = v[k] / (1 - std::pow(0.999, t));
                    w[k] -= lr * mHat / (std::sqrt(vHat) + 1e-8);
                }
            }
            const nn::Point2 got = descent.path()[size_t(t)];
            for (size_t k = 0; k < 2; ++k)
                QVERIFY2(std::abs(got[k] - w[k]) <= 2e-6 * std::max(1.0, std::abs(w[k])),
                         qPrintable(setting + QString(" step %1, coordinate %2: optimizer %3, formula %4").arg(t).arg(k).arg(got[k], 0, 'g', 9).arg(w[k], 0, 'g', 9)));
        }
    }

    // Each classic function's suggested settings move towards its minimum (or off the saddle).
    void classicSuggestionsDescend()
    {
        for (const nn::ClassicFunction &f : nn::classicFunctions())
            for (const nn::RaceSetting &setting : f.suggested) {
                nn::ClassicDescent descent(f, setting);
                for (int i = 0; i < f.steps; ++i)
                    descent.step();
                QVERIFY2(descent.value() < f.value(f.start[0], f.start[1]),
                         qPrintable(QString::fromStdString(f.name + " under " + setting.label() + " went uphill")));
            }
    }

    void settingText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::newRow("adam") << "adam:0.01" << "Adam 0.01";
        QTest::newRow("upper case") << "SGD:0.1" << "SGD 0.1";
        QTest::newRow("full batch") << "sgd:0.1@full" << "SGD 0.1 · full batch";
        QTest::newRow("batch 1") << "momentum:0.05@1" << "Momentum 0.05 · batch 1";
        QTest::newRow("batch 8") << "adagrad:0.1@8" << "Adagrad 0.1 · batch 8";
    }
    void settingText()
    {
        QFETCH(QString, text);
        QFETCH(QString, label);
        const nn::RaceSetting setting = nn::RaceSetting::parse(text.toStdString());
        QCOMPARE(QString::fromStdString(setting.label()), label);
        QCOMPARE(nn::RaceSetting::parse(setting.text()).label(), setting.label());
    }

    void badSettingText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no rate") << "adam" << "has no learning rate";
        QTest::newRow("unknown") << "lbfgs:0.1" << "choose one of: sgd, momentum";
        QTest::newRow("not a number") << "sgd:fast" << "is not a number";
        QTest::newRow("zero rate") << "sgd:0" << "must lie in (0, 10]";
        QTest::newRow("bad batch") << "sgd:0.1@0" << "whole number of at least 1";
    }
    void badSettingText()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QVERIFY_THROWS_EXCEPTION(nn::SettingError, nn::RaceSetting::parse(text.toStdString()));
        try {
            nn::RaceSetting::parse(text.toStdString());
        } catch (const nn::SettingError &error) {
            QVERIFY2(QString(error.what()).contains(expected), error.what());
        }
    }

    // `layerlab-cli race` prints the losses of `train` with the same settings.
    void cliRaceMatchesTrain()
    {
        const CliResult raced = runCli({"race", "optimizer-race", "--optimizers", "sgd:0.05,adam:0.01", "--epochs", "2", "--json"});
        QVERIFY2(raced.exitCode == 0, qPrintable(raced.err));
        const QJsonArray runs = QJsonDocument::fromJson(raced.out.toUtf8()).object()["runs"].toArray();
        QCOMPARE(runs.size(), 2);
        QTemporaryDir dir;
        const CliResult trained = runCli({"train", "optimizer-race", "--optimizer", "Adam", "--lr", "0.01", "--epochs", "2",
                                          "--json", "--out", dir.filePath("adam.layerlab.json")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVector<double> trainLosses;
        for (const QString &line : trained.out.split('\n', Qt::SkipEmptyParts))
            if (const QJsonObject epoch = QJsonDocument::fromJson(line.toUtf8()).object(); epoch.contains("train_loss"))
                trainLosses.push_back(epoch["train_loss"].toDouble());
        const QJsonArray adam = runs[1].toObject()["epoch_loss"].toArray();
        QCOMPARE(adam.size(), 2);
        QCOMPARE(trainLosses.size(), 2);
        for (int e = 0; e < 2; ++e)
            QCOMPARE(adam[e].toDouble(), trainLosses[e]);

        const CliResult table = runCli({"race", "optimizer-race", "--optimizers", "sgd:0.05,momentum:0.05", "--epochs", "2"});
        QVERIFY2(table.exitCode == 0 && table.out.contains("Momentum 0.05") && table.out.split('\n', Qt::SkipEmptyParts).size() == 4,
                 qPrintable(table.out + table.err));

        const CliResult bad = runCli({"race", "optimizer-race", "--optimizers", "adam"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("has no learning rate"), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestRace)
#include "test_race.moc"
