// The trainer as a specification: it learns, it is deterministic across thread counts, it trains
// on its own threads, it stops, pauses and steps when told, stops early, and survives a diverging
// run with its weights intact.
#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/project.h"
#include "nn/runstate.h"
#include "nn/safetensors.h"
#include "nn/weights.h"
#include "nn/trainer.h"

#include <nlohmann/json.hpp>
// oneTBB before any Qt header: its profiling header names a parameter `emit`, Qt's keyword macro.
#include <tbb/task_arena.h>

#include <QtTest>

#include <atomic>
#include <cstring>
#include <limits>
#include <numeric>
#include <set>
#include <thread>

namespace {

nn::Project example(const std::string &name)
{
    return nn::loadProject(datasets::resolveProjectPath(name));
}

// Counts what the trainer reports, and can stop or pause it from inside a step.
class Recorder : public nn::TrainingObserver {
public:
    std::atomic<int> steps{0};
    std::vector<double> epochLosses;
    std::function<void(int)> onStep;
    void stepFinished(const nn::StepReport &) override
    {
        const int count = ++steps;
        if (onStep)
            onStep(count);
    }
    void epochFinished(const nn::EpochReport &report) override { epochLosses.push_back(report.trainLoss); }
};

// Every parameter and buffer (running statistics) of the model, in order.
std::vector<float> weights(nn::Model &model)
{
    std::vector<float> all;
    for (const auto &named : model.parametersAndBuffers())
        all.insert(all.end(), named.parameter->value.data(), named.parameter->value.data() + named.parameter->value.size());
    return all;
}

// A split that notes the concurrency of the arena each batch is gathered in: the number of threads
// the step or the evaluation that reads it may use.
class ArenaWitness : public nn::BatchSource {
public:
    explicit ArenaWitness(const nn::BatchSource &source) : source_(source) {}
    int64_t size() const override { return source_.size(); }
    nn::Shape sampleShape() const override { return source_.sampleShape(); }
    nn::Shape targetShape() const override { return source_.targetShape(); }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        concurrency.insert(tbb::this_task_arena::max_concurrency());
        source_.gather(indices, x, y);
    }
    mutable std::set<int> concurrency;  // gathered from one thread at a time: the trainer's

private:
    const nn::BatchSource &source_;
};

// Digits, 2 epochs in batches of 64, through `network`: [["Kind", {settings}], …] as JSON text.
nn::Project digitsProject(const std::string &network, int threads)
{
    nn::Project project = example("iris");
    project.data.source = "digits";
    std::vector<std::pair<std::string, nlohmann::json>> chain;
    for (const auto &layer : nlohmann::json::parse(network))
        chain.emplace_back(layer[0], layer[1]);
    project.graph = nn::Graph::chain(chain);
    project.training.epochs = 2;
    project.training.batchSize = 64;
    project.training.threads = threads;
    return project;
}

// An MLP whose first Dense layer splits its batches over threads.
nn::Project digitsMlp(int threads)
{
    return digitsProject(R"([["Input", {"shape": [64]}], ["Dense", {"units": 256, "activation": "relu"}],
                             ["Dropout", {"rate": 0.2}], ["Dense", {"units": 10}]])",
                         threads);
}

QString concurrencyText(const std::set<int> &values)
{
    QStringList list;
    for (int value : values)
        list << QString::number(value);
    return "{" + list.join(", ") + "}";
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

private slots:
    void spiralReachesNinetySevenPercentTrainingAccuracy()
    {
        datasets::Experiment experiment(example("spiral"));
        auto trainer = experiment.makeTrainer();
        const nn::FinishReport result = trainer->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Completed));
        const double accuracy = trainer->evaluate(experiment.split("train")).classification->accuracy;
        QVERIFY2(accuracy >= 0.97, qPrintable(QString("spiral training accuracy %1 < 0.97").arg(accuracy)));
    }

    void sineRegressionFitsTheCurve()
    {
        datasets::Experiment experiment(example("sine-regression"));
        auto trainer = experiment.makeTrainer();
        trainer->run();
        const nn::Evaluation test = trainer->evaluate(experiment.split("test"));
        QVERIFY2(test.regression->r2 > 0.9, qPrintable(QString("sine test R² %1 <= 0.9").arg(test.regression->r2)));
    }

    // Digits (8×8 images) through networks big enough that every layer splits its work over threads.
    void sameSeedGivesBitwiseIdenticalRunsOnOneTwoAndSixteenThreads_data()
    {
        QTest::addColumn<QString>("network");
        QTest::newRow("MLP with dropout") << R"([
            ["Input", {"shape": [64]}], ["Dense", {"units": 256, "activation": "relu"}],
            ["Dropout", {"rate": 0.2}], ["Dense", {"units": 10}]])";
        QTest::newRow("CNN with batch norm, pooling and dropout") << R"([
            ["Input", {"shape": [1, 8, 8]}], ["Conv2D", {"filters": 32, "padding": "same"}], ["BatchNorm", {}],
            ["ReLU", {}], ["MaxPool2D", {}], ["Conv2D", {"filters": 64, "activation": "relu"}],
            ["Dropout", {"rate": 0.2}], ["GlobalAveragePool", {}], ["LayerNorm", {}], ["Dense", {"units": 10}]])";
        QTest::newRow("upsampling and transposed convolution") << R"([
            ["Input", {"shape": [1, 8, 8]}], ["Conv2D", {"filters": 16, "stride": 2, "activation": "relu"}],
            ["ConvTranspose2D", {"filters": 16, "activation": "gelu"}], ["Upsample", {}],
            ["AvgPool2D", {"kernel_size": 4}], ["Flatten", {}], ["Dense", {"units": 10}]])";
    }

    void sameSeedGivesBitwiseIdenticalRunsOnOneTwoAndSixteenThreads()
    {
        QFETCH(QString, network);
        nn::Project project = digitsProject(network.toStdString(), 1);
        std::vector<std::vector<float>> results;
        std::vector<std::vector<double>> losses;
        for (int threads : {1, 2, 16}) {
            project.training.threads = threads;
            datasets::Experiment experiment(project);
            auto trainer = experiment.makeTrainer();
            Recorder recorder;
            trainer->setObserver(&recorder);
            trainer->run();
            results.push_back(weights(experiment.model()));
            losses.push_back(recorder.epochLosses);
        }
        for (size_t i = 1; i < results.size(); ++i) {
            QVERIFY2(results[i].size() == results[0].size(), "parameter counts differ");
            QVERIFY2(std::memcmp(results[i].data(), results[0].data(), results[0].size() * sizeof(float)) == 0,
                     qPrintable(QString("weights after training differ between 1 and %1 threads").arg(i == 1 ? 2 : 16)));
            QVERIFY2(losses[i] == losses[0], "epoch losses differ between thread counts");
        }
    }

    // step(), run() and evaluate() all execute in the trainer's arena of config.threads threads
    // (at most the machine's cores), not in the process's default arena of all cores.
    void aTrainerRunsOnItsOwnNumberOfThreads()
    {
        const int cores = tbb::this_task_arena::max_concurrency();
        for (int threads : {1, 2, 3}) {
            datasets::Experiment experiment(digitsMlp(threads));
            const ArenaWitness train(*experiment.data().train), validation(*experiment.data().validation);
            nn::Trainer trainer(experiment.model(), experiment.project().training, train, &validation,
                                experiment.classes());
            const int expected = std::min(threads, cores);
            QCOMPARE(trainer.arena().threads(), expected);
            trainer.step();
            trainer.run();
            const ArenaWitness test(*experiment.data().test);
            trainer.evaluate(test);
            for (const ArenaWitness *split : {&train, &validation, &test})
                QVERIFY2(split->concurrency == std::set<int>{expected},
                         qPrintable(QString("a trainer of %1 thread(s) read its data in arenas of %2 threads")
                                        .arg(expected)
                                        .arg(concurrencyText(split->concurrency))));
        }
    }

    // A run of 1 thread trains on a std::thread while an arena of 2 threads evaluates another model
    // on this one: each keeps its own threads, and both give bitwise what they give alone.
    void twoArenasWorkAtOnceAndGiveWhatTheyGiveAlone()
    {
        const auto train = [](datasets::Experiment &experiment, const std::function<void()> &atFirstStep) {
            const ArenaWitness split(*experiment.data().train);
            nn::Trainer trainer(experiment.model(), experiment.project().training, split, nullptr, experiment.classes());
            Recorder recorder;
            recorder.onStep = [&](int step) {
                if (step == 1)
                    atFirstStep();
            };
            trainer.setObserver(&recorder);
            trainer.run();
            return std::pair(weights(experiment.model()), split.concurrency);
        };
        datasets::Experiment trainedAlone(digitsMlp(1)), evaluatedAlone(digitsMlp(2));
        const auto [aloneWeights, aloneConcurrency] = train(trainedAlone, [] {});
        const double aloneLoss = evaluatedAlone.makeTrainer()->evaluate(evaluatedAlone.split("train")).loss;

        datasets::Experiment trained(digitsMlp(1)), evaluated(digitsMlp(2));
        std::atomic<bool> evaluating{false}, trainingDone{false};
        std::pair<std::vector<float>, std::set<int>> together;
        std::thread trainingThread([&] {
            together = train(trained, [&] {  // the run waits in its first step until the evaluation is under way
                while (!evaluating)
                    std::this_thread::yield();
            });
            trainingDone = true;
        });
        const ArenaWitness split(evaluated.split("train"));
        const auto evaluator = evaluated.makeTrainer();
        std::vector<double> losses;
        while (!trainingDone || losses.empty()) {
            evaluating = true;
            losses.push_back(evaluator->evaluate(split).loss);
        }
        trainingThread.join();

        QVERIFY2(aloneConcurrency == std::set<int>{1} && together.second == std::set<int>{1},
                 qPrintable("the run of 1 thread trained in arenas of " + concurrencyText(together.second) + " threads"));
        QVERIFY2(split.concurrency == std::set<int>{evaluator->arena().threads()},
                 qPrintable("the evaluation's arena of " + QString::number(evaluator->arena().threads()) +
                            " threads evaluated in arenas of " + concurrencyText(split.concurrency) + " threads"));
        QVERIFY2(together.first == aloneWeights, "the run's weights differ from those it reaches alone");
        for (double loss : losses)
            QVERIFY2(loss == aloneLoss, qPrintable(QString("the evaluation gave loss %1 beside the run, %2 alone")
                                                       .arg(loss, 0, 'g', 17)
                                                       .arg(aloneLoss, 0, 'g', 17)));
    }

    void aStoppedSavedAndReopenedRunContinuesBitwise_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("stopAfterSteps");
        // digits: 1,437 training samples, 23 batches of 64 per epoch.
        QTest::newRow("Adam, constant, mid-epoch") << "Adam" << "constant" << 30;
        QTest::newRow("Adam, cosine, at an epoch's end") << "Adam" << "cosine" << 46;
        QTest::newRow("SGD with momentum, step") << "SGD" << "step" << 51;
        QTest::newRow("RMSprop, cosine, first batch") << "RMSprop" << "cosine" << 1;
    }

    // Four epochs straight, or stopped after some steps, saved to files, loaded into a new model and
    // trainer, and continued: the same weights, bit for bit, and the same epoch losses.
    void aStoppedSavedAndReopenedRunContinuesBitwise()
    {
        QFETCH(QString, optimizer);
        QFETCH(QString, schedule);
        QFETCH(int, stopAfterSteps);
        nn::Project project = example("iris");
        project.data.source = "digits";
        project.graph = nn::Graph::chain({{"Input", {{"shape", {64}}}},
                                          {"Dense", {{"units", 64}}},
                                          {"BatchNorm", nlohmann::json::object()},
                                          {"ReLU", nlohmann::json::object()},
                                          {"Dropout", {{"rate", 0.3}}},
                                          {"Dense", {{"units", 10}}}});
        project.training.epochs = 4;
        project.training.batchSize = 64;
        project.training.optimizer = optimizer.toStdString();
        project.training.optimizerSettings = optimizer == "SGD" ? nlohmann::json{{"lr", 0.05}, {"momentum", 0.9}}
                                                                : nlohmann::json{{"lr", 0.003}};
        project.training.schedule.kind = schedule.toStdString();
        project.training.schedule.stepSize = 2;

        datasets::Experiment straight(project);
        auto unbroken = straight.makeTrainer();
        Recorder straightRecorder;
        unbroken->setObserver(&straightRecorder);
        unbroken->run();

        QTemporaryDir dir;
        const std::string projectPath = dir.filePath("run.layerlab.json").toStdString();
        {
            datasets::Experiment first(project);
            auto trainer = first.makeTrainer();
            for (int step = 0; step < stopAfterSteps; ++step)
                QVERIFY(trainer->step());
            nn::saveWeights(first.model(), nn::weightsPathFor(projectPath));
            nn::saveRunState(first.model(), trainer->runState(), nn::runStatePathFor(projectPath));
        }
        datasets::Experiment reopened(project);
        nn::loadWeights(reopened.model(), nn::weightsPathFor(projectPath));
        auto continued = reopened.makeTrainer();
        const auto changes = continued->continueFrom(nn::loadRunState(reopened.model(), nn::runStatePathFor(projectPath)));
        QVERIFY2(changes.empty(), changes.empty() ? "" : changes.front().c_str());
        Recorder continuedRecorder;
        continued->setObserver(&continuedRecorder);
        const nn::FinishReport report = continued->run();
        QCOMPARE(report.reason, nn::FinishReport::Reason::Completed);
        QCOMPARE(report.epochsRun, 4);

        const std::vector<float> expected = weights(straight.model()), got = weights(reopened.model());
        QCOMPARE(got.size(), expected.size());
        QVERIFY2(std::memcmp(got.data(), expected.data(), got.size() * sizeof(float)) == 0,
                 "the continued run's weights differ from the unbroken run's");
        const std::vector<double> lastEpochs(straightRecorder.epochLosses.end() - continuedRecorder.epochLosses.size(),
                                             straightRecorder.epochLosses.end());
        QCOMPARE(continuedRecorder.epochLosses, lastEpochs);
    }

    void continuingWithChangedSettingsSaysWhatChanged()
    {
        nn::Project project = example("iris");
        project.training.epochs = 4;
        datasets::Experiment first(project);
        auto trainer = first.makeTrainer();
        QVERIFY(trainer->step());
        const nn::RunState state = trainer->runState();

        project.training.optimizerSettings["lr"] = 0.5;
        project.training.optimizer = "SGD";
        datasets::Experiment second(project);
        const auto changes = second.makeTrainer()->continueFrom(state);
        const QString all = QString::fromStdString(std::accumulate(changes.begin(), changes.end(), std::string(),
                                                                   [](std::string a, const std::string &b) { return a + b + "; "; }));
        QVERIFY2(all.contains("optimizer changed from \"Adam\" to \"SGD\""), qPrintable(all));
        QVERIFY2(all.contains("starts without moments"), qPrintable(all));
    }

    // Files saved before runs had several optimizers (format 1: one "loss_sum", "optimizer_steps" and
    // "optimizer_buffers") still continue: read back, they give the state format 2 holds.
    void aRunStateOfFormatOneStillLoads()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("old.run.safetensors").toStdString();
        datasets::Experiment experiment(example("iris"));
        auto trainer = experiment.makeTrainer();
        QVERIFY(trainer->step() && trainer->step());
        nn::saveRunState(experiment.model(), trainer->runState(), path);
        const nn::RunState now = nn::loadRunState(experiment.model(), path);

        nn::SafetensorsFile file = nn::loadSafetensors(path);
        nlohmann::json run = nlohmann::json::parse(file.metadata.at("layerlab.run"));
        QCOMPARE(run["format_version"].get<int>(), 2);
        run["format_version"] = 1;
        run["loss_sum"] = run["loss_sums"][0];
        run["optimizer_steps"] = run["optimizers"][0]["steps"];
        run["optimizer_buffers"] = run["optimizers"][0]["buffers"];
        run.erase("loss_sums");
        run.erase("optimizers");
        nn::saveSafetensors(path, file.tensors, {{"layerlab.run", run.dump()}});
        const nn::RunState old = nn::loadRunState(experiment.model(), path);
        QCOMPARE(old.lossSums, now.lossSums);
        QCOMPARE(old.optimizers.size(), size_t(1));
        QCOMPARE(old.optimizers[0].steps, now.optimizers[0].steps);
        QCOMPARE(old.optimizers[0].buffers.size(), now.optimizers[0].buffers.size());
        QCOMPARE(old.globalStep, now.globalStep);
        QVERIFY(experiment.makeTrainer()->continueFrom(old).empty());
    }

    void aRunStateOfAnotherNetworkIsRefusedByName()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("other.run.safetensors").toStdString();
        nn::Project project = example("iris");
        {
            datasets::Experiment first(project);
            auto trainer = first.makeTrainer();
            QVERIFY(trainer->step());
            nn::saveRunState(first.model(), trainer->runState(), path);
        }
        project.graph = nn::Graph::chain({{"Input", {{"shape", {4}}}}, {"Dense", {{"units", 7}}}, {"Dense", {{"units", 3}}}});
        datasets::Experiment other(project);
        try {
            nn::loadRunState(other.model(), path);
            QFAIL("a run state of another network was accepted");
        } catch (const nn::FileError &error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("other.run.safetensors") && message.contains("another network") &&
                         message.contains("Delete it"),
                     qPrintable(message));
        }
    }

    void batchModesSetTheBatchesPerEpoch_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("size");
        QTest::addColumn<qint64>("expected");  // for iris: 120 training samples minus 15% validation = 102
        QTest::newRow("full batch") << "full" << 32 << qint64(1);
        QTest::newRow("mini-batch of 32") << "minibatch" << 32 << qint64(4);
        QTest::newRow("stochastic") << "stochastic" << 32 << qint64(102);
        QTest::newRow("a lone last sample joins the batch before it") << "minibatch" << 101 << qint64(1);
        QTest::newRow("mini-batch of 17, no remainder") << "minibatch" << 17 << qint64(6);
    }
    void batchModesSetTheBatchesPerEpoch()
    {
        QFETCH(QString, mode);
        QFETCH(int, size);
        QFETCH(qint64, expected);
        nn::Project project = example("iris");
        project.training.batchMode = mode.toStdString();
        project.training.batchSize = size;
        datasets::Experiment experiment(project);
        QCOMPARE(experiment.data().train->size(), qint64(102));
        QCOMPARE(qint64(experiment.makeTrainer()->batchesPerEpoch()), expected);
    }

    // 102 samples in batches of 101 would leave one sample alone, which BatchNorm cannot normalise.
    void batchNormTrainsWhenTheLastBatchWouldHoldOneSample()
    {
        nn::Project project = example("iris");
        project.graph = nn::Graph::chain({{"Input", {{"shape", {4}}}},
                                          {"Dense", {{"units", 16}}},
                                          {"BatchNorm", {}},
                                          {"ReLU", {}},
                                          {"Dense", {{"units", 3}}}});
        project.training.batchMode = "minibatch";
        project.training.batchSize = 101;
        project.training.epochs = 3;
        datasets::Experiment experiment(project);
        auto trainer = experiment.makeTrainer();
        Recorder recorder;
        trainer->setObserver(&recorder);
        const nn::FinishReport result = trainer->run();
        QVERIFY2(result.reason == nn::FinishReport::Reason::Completed, result.message.c_str());
        QCOMPARE(recorder.steps.load(), 3);
    }

    void stopTakesEffectWithinOneBatch()
    {
        nn::Project project = example("iris");
        project.training.epochs = 1000;
        datasets::Experiment experiment(project);
        auto trainer = experiment.makeTrainer();
        Recorder recorder;
        recorder.onStep = [&](int count) { if (count == 5) trainer->requestStop(); };
        trainer->setObserver(&recorder);
        const nn::FinishReport result = trainer->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Stopped));
        QCOMPARE(recorder.steps.load(), 5);
        QVERIFY2(!weights(experiment.model()).empty(), "the stopped run keeps its weights");
    }

    void pausedTrainingStepsOneBatchAtATime()
    {
        datasets::Experiment experiment(example("iris"));
        auto trainer = experiment.makeTrainer();
        Recorder recorder;
        trainer->setObserver(&recorder);
        trainer->setPaused(true);
        std::thread worker([&] { trainer->run(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(recorder.steps.load(), 0);
        trainer->stepOnce();
        trainer->stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.steps.load(), 2, 2000);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(recorder.steps.load(), 2);
        trainer->requestStop();
        worker.join();
        QCOMPARE(int(trainer->result()->reason), int(nn::FinishReport::Reason::Stopped));
    }

    void earlyStoppingEndsWhenValidationStopsImproving()
    {
        nn::Project project = example("iris");
        project.training.optimizer = "SGD";
        project.training.optimizerSettings = {{"lr", 0.0}};  // the validation loss never improves
        project.training.earlyStoppingPatience = 3;
        datasets::Experiment experiment(project);
        const nn::FinishReport result = experiment.makeTrainer()->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::EarlyStopped));
        QCOMPARE(result.epochsRun, 4);
    }

    // The check behind every divergence message: any NaN or infinity anywhere, and only those (the
    // largest floats are finite, and their sum's overflow is no infinity of the tensor's).
    void allFiniteSeesEveryNonFiniteValueAndOnlyThose()
    {
        nn::Tensor values({1000}, 1.0f);
        QVERIFY(values.allFinite());
        values.fill(std::numeric_limits<float>::max());
        QVERIFY2(values.allFinite(), "the largest floats are finite");
        for (const float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                                -std::numeric_limits<float>::infinity()})
            for (const int64_t at : {int64_t(0), int64_t(517), int64_t(999)}) {
                nn::Tensor one({1000}, 1.0f);
                one[at] = bad;
                QVERIFY2(!one.allFinite(), qPrintable(QString("%1 at %2").arg(double(bad)).arg(at)));
            }
    }

    void divergingRunStopsNamesTheLayerAndKeepsFiniteWeights()
    {
        nn::Project project = example("sine-regression");
        project.training.optimizer = "SGD";
        project.training.optimizerSettings = {{"lr", 10.0}};
        datasets::Experiment experiment(project);
        const nn::FinishReport result = experiment.makeTrainer()->run();
        QCOMPARE(int(result.reason), int(nn::FinishReport::Reason::Diverged));
        const std::string &message = result.message;
        QVERIFY2(message.find("learning rate") != std::string::npos, message.c_str());
        QVERIFY2(message.find("'hidden1'") != std::string::npos, message.c_str());
        QVERIFY2(message.find("last good step") != std::string::npos, message.c_str());
        for (float w : weights(experiment.model()))
            QVERIFY2(std::isfinite(w), "the kept weights must be finite");
    }

    void lossThatDoesNotFitTheDataIsRefused_data()
    {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("loss");
        QTest::addColumn<QString>("hint");
        QTest::newRow("MSE on classes") << "iris" << "MSE" << "CrossEntropy";
        QTest::newRow("CrossEntropy on values") << "sine-regression" << "CrossEntropy" << "MSE";
        QTest::newRow("BinaryCrossEntropy on three classes") << "iris" << "BinaryCrossEntropy" << "CrossEntropy";
    }
    void lossThatDoesNotFitTheDataIsRefused()
    {
        QFETCH(QString, example);
        QFETCH(QString, loss);
        QFETCH(QString, hint);
        nn::Project project = ::example(example.toStdString());
        project.training.loss = loss.toStdString();
        datasets::Experiment experiment(project);
        try {
            experiment.makeTrainer();
            QFAIL("expected an error");
        } catch (const nn::Error &error) {
            QVERIFY2(QString(error.what()).contains(hint), error.what());
        }
    }

    void outputUnitsMustMatchTheClasses()
    {
        nn::Project project = example("iris");
        project.graph = nn::Graph::chain({{"Input", {{"shape", {4}}}}, {"Dense", {{"units", 10}}}});
        datasets::Experiment experiment(project);
        try {
            experiment.makeTrainer();
            QFAIL("expected an error");
        } catch (const nn::ShapeError &error) {
            QVERIFY2(QString(error.what()).contains("units to 3"), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
