// Trainer: model + loss + optimizer + data + schedule. Runs epochs of batches; can pause, resume,
// stop within a batch and step one batch at a time; reports to an observer; knows nothing of Qt.
#pragma once

#include "batchsource.h"
#include "loss.h"
#include "metrics.h"
#include "model.h"
#include "optimizer.h"
#include "threadarena.h"
#include "trainingconfig.h"

#include <atomic>
#include <limits>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace nn {

// Loss and metrics of the model on one split.
struct Evaluation {
    double loss = 0.0;
    int64_t samples = 0;
    std::optional<ClassificationMetrics> classification;
    std::optional<RegressionMetrics> regression;
};

// After every batch.
struct StepReport {
    int epoch = 0;  // 1-based
    int64_t batch = 0, batchesPerEpoch = 0;  // batch is 1-based
    int64_t globalStep = 0;
    double loss = 0.0;
    double learningRate = 0.0;
    double samplesPerSecond = 0.0;  // over the epoch so far
    int64_t samples = 0;            // in this batch
};

// After every epoch; validation values are NaN when there is no validation split.
struct EpochReport {
    int epoch = 0, epochs = 0;
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;  // running accuracy over the epoch's batches; NaN for regression
    Evaluation validation;
    bool hasValidation = false;
    double learningRate = 0.0;
    double samplesPerSecond = 0.0;
    double seconds = 0.0;
    std::vector<std::pair<std::string, double>> gradientNorms;  // last batch, per layer
};

// How a run ended and why.
struct FinishReport {
    enum class Reason { Completed, Stopped, EarlyStopped, Diverged };
    Reason reason = Reason::Completed;
    int epochsRun = 0;
    std::string message;
};

// Receives progress from the training thread. Calls come on the thread that runs the trainer.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void stepFinished(const StepReport &) {}
    virtual void epochFinished(const EpochReport &) {}
    virtual void trainingFinished(const FinishReport &) {}
};

// Where a run stands: everything its next step depends on besides the weights. The data order and
// every random stream are keyed by the seed, the epoch and the step, so the position restores them.
// Saved beside the weights (nn/runstate.h), so that stopping, saving, quitting, reopening and
// training on gives bitwise the weights of a run that never stopped.
struct RunState {
    int epoch = 0;              // the epoch under way; the last finished one when batchInEpoch is 0
    int64_t batchInEpoch = 0;   // batches of `epoch` already trained
    int64_t globalStep = 0;     // batches trained in all
    double lossSum = 0.0;       // the unfinished epoch's running totals, for its report
    int64_t seen = 0, correct = 0;
    double bestValidationLoss = std::numeric_limits<double>::infinity();  // early stopping's memory
    int epochsWithoutImprovement = 0;
    std::vector<Tensor> bestWeights;  // parameters then buffers; empty unless early stopping kept some
    OptimizerState optimizer;
    TrainingConfig config;  // the settings it was trained with

    int completedEpochs() const { return batchInEpoch == 0 ? epoch : epoch - 1; }
};

// Throws ShapeError when samples of shape `sample` cannot feed an Input whose samples are `input`.
void checkSampleFitsInput(const Shape &input, const Shape &sample);

// Trains a model on its own threads: run(), step() and evaluate() execute in the trainer's
// ThreadArena of config.threads threads.
class Trainer {
public:
    // `classes` is the data's class count (0 for regression). Throws SettingError / ShapeError
    // when the loss, optimizer or settings do not fit the model and the data.
    Trainer(Model &model, const TrainingConfig &config, const BatchSource &train,
            const BatchSource *validation, int classes);
    ~Trainer();

    void setObserver(TrainingObserver *observer) { observer_ = observer; }
    const Loss &loss() const { return *loss_; }
    const TrainingConfig &config() const { return config_; }
    ThreadArena &arena() { return arena_; }

    // Runs the remaining epochs; returns early when stopped, early-stopped or diverged.
    FinishReport run();
    // Trains one batch (and finishes the epoch when it was the last); false once training is over.
    bool step();
    bool finished() const { return finished_.has_value(); }
    const std::optional<FinishReport> &result() const { return finished_; }

    // Thread-safe controls for the GUI: stop takes effect before the next batch; while paused,
    // run() waits, and stepOnce() lets exactly one batch through.
    void requestStop();
    void setPaused(bool paused);
    bool paused() const { return paused_; }
    void stepOnce();

    Evaluation evaluate(const BatchSource &data);

    int epoch() const { return epoch_; }
    int64_t batchesPerEpoch() const;

    // The run so far, to continue it later (continueFrom) in this process or another.
    RunState runState() const;
    // Continues `state`, a run of this model, before the first step. Returns what makes the
    // continuation differ from the run going on unchanged (settings changed since), a sentence
    // each; empty when it is exact. Throws TrainingError when the state does not fit the model.
    std::vector<std::string> continueFrom(const RunState &state);

private:
    FinishReport trainEpochs();
    bool trainBatch();
    Evaluation evaluateSplit(const BatchSource &data);
    void startEpoch();
    void prepareEpoch();
    void finishEpoch();
    bool divergedAt(double loss, const char *what);
    void finish(FinishReport::Reason reason, std::string message);
    bool waitWhilePaused();

    Model &model_;
    TrainingConfig config_;
    const BatchSource &train_;
    const BatchSource *validation_;
    int classes_;
    std::unique_ptr<Loss> loss_;
    std::unique_ptr<Optimizer> optimizer_;
    std::vector<Parameter *> parameters_;
    std::vector<Parameter *> state_;  // parameters and buffers (running statistics): what snapshots keep
    ThreadArena arena_;
    TrainingObserver *observer_ = nullptr;

    // Position in the run.
    int epoch_ = 0;  // 1-based once started
    int64_t batchInEpoch_ = 0;
    int64_t globalStep_ = 0;
    int64_t batchSize_ = 1;
    std::vector<int64_t> order_;
    std::optional<FinishReport> finished_;

    // The epoch so far.
    double lossSum_ = 0.0;
    int64_t seen_ = 0, correct_ = 0;
    std::chrono::steady_clock::time_point epochStart_;
    double activeSeconds_ = 0.0;

    // Early stopping and recovery from divergence.
    double bestValidationLoss_ = 0.0;
    int epochsWithoutImprovement_ = 0;
    std::vector<Tensor> bestWeights_, epochStartWeights_;

    Tensor x_, y_, dOutput_;

    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> paused_{false};
    std::atomic<int> stepsAllowed_{0};
    std::mutex pauseMutex_;
    std::condition_variable pauseChanged_;
};

} // namespace nn
