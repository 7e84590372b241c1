// Trainer: a training step + data + schedule. Runs epochs of batches; can pause, resume, stop
// within a batch and step one batch at a time; reports to an observer; knows nothing of Qt.
#pragma once

#include "batchsource.h"
#include "model.h"
#include "runcontrol.h"
#include "supervisedstep.h"
#include "threadarena.h"
#include "trainingconfig.h"
#include "trainingstep.h"

#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nn {

// After every batch.
struct StepReport {
    int epoch = 0;  // 1-based
    int64_t batch = 0, batchesPerEpoch = 0;  // batch is 1-based
    int64_t globalStep = 0;
    double loss = 0.0;  // the headline loss: losses.front()
    Measures losses;    // every loss the step reports, by name
    double learningRate = 0.0;
    double samplesPerSecond = 0.0;  // over the epoch so far
    int64_t samples = 0;            // in this batch
};

// After every epoch; validation values are NaN when there is no validation split.
struct EpochReport {
    int epoch = 0, epochs = 0;
    double trainLoss = 0.0;      // the headline loss's mean over the epoch
    Measures trainLosses;        // every loss's mean over the epoch, by name
    Measures measures;           // the step's epochMeasures() at the epoch's end (a GAN's spread, …)
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
    std::string message;  // in English, for the CLI; the window writes its own from the fields below

    // Where a diverged run stopped.
    struct Divergence {
        int epoch = 0;
        int64_t batch = 0;          // in the epoch, 1-based
        std::string quantity;       // "loss", "gradient", "d_loss", "g_loss"
        bool infinite = false;      // infinite rather than NaN
        std::string layer;          // the first layer with non-finite values; "" when none is known
        bool weightsRestored = false;  // the epoch's first weights are back, else the last good step's are kept
        double learningRate = 0.0;
    };
    std::optional<Divergence> divergence;
    // An early stop's patience and the best validation loss, whose weights are kept.
    int patience = 0;
    double bestValidationLoss = 0.0;
};

// Receives progress from the training thread. Calls come on the thread that runs the trainer.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void stepFinished(const StepReport &) {}
    virtual void epochFinished(const EpochReport &) {}
    virtual void trainingFinished(const FinishReport &) {}
    // After a step that Trainer::requestTap asked to record, before stepFinished.
    virtual void tapped(const TapRecord &) {}
};

// Where a run stands: everything its next step depends on besides the weights. The data order and
// every random stream are keyed by the seed, the epoch and the step, so the position restores them.
// Saved beside the weights (nn/runstate.h), so that stopping, saving, quitting, reopening and
// training on gives bitwise the weights of a run that never stopped.
struct RunState {
    int epoch = 0;              // the epoch under way; the last finished one when batchInEpoch is 0
    int64_t batchInEpoch = 0;   // batches of `epoch` already trained
    int64_t globalStep = 0;     // batches trained in all
    // The unfinished epoch's running totals of each loss, for its report. Kept for the samples that
    // measured it (a GAN's D-only step no g_loss); a continued epoch counts every sample seen.
    std::vector<double> lossSums;
    int64_t seen = 0, correct = 0;
    int64_t judged = 0;  // predictions behind `correct`: samples, or a sequence's positions
    double bestValidationLoss = std::numeric_limits<double>::infinity();  // early stopping's memory
    int epochsWithoutImprovement = 0;
    std::vector<Tensor> bestWeights;  // parameters then buffers; empty unless early stopping kept some
    std::vector<OptimizerState> optimizers;  // one per optimizer of the step
    TrainingConfig config;  // the settings it was trained with

    int completedEpochs() const { return batchInEpoch == 0 ? epoch : epoch - 1; }
};

// Runs epochs of batches through one TrainingStep, on its own threads: run(), advance(), step() and
// evaluate() execute in the trainer's ThreadArena of config.threads threads. The controls (pause,
// step, stop) and the guard against divergence live here once, for the CLI, the window and every
// kind of step.
class Trainer {
public:
    // Trains with `step`; `classes` is the data's class count (0 for regression or none).
    Trainer(std::unique_ptr<TrainingStep> step, const TrainingConfig &config, const BatchSource &train,
            const BatchSource *validation, int classes);
    // The supervised step: `model` under the config's loss and optimizer. Throws SettingError /
    // ShapeError when the loss, optimizer or settings do not fit the model and the data.
    Trainer(Model &model, const TrainingConfig &config, const BatchSource &train, const BatchSource *validation,
            int classes);
    ~Trainer();

    void setObserver(TrainingObserver *observer) { observer_ = observer; }
    TrainingStep &trainingStep() { return *step_; }
    const TrainingConfig &config() const { return config_; }
    ThreadArena &arena() { return arena_; }

    // Runs the remaining epochs; returns early when stopped, early-stopped or diverged. While
    // paused it waits, and stepOnce() lets exactly one batch through.
    FinishReport run();
    // Trains batches for about `budget` (at least one when allowed) and returns without waiting:
    // Running when there is more to do, Paused when paused with no step allowed, Finished when the
    // run is over (result() says why). A window calls it from its event loop.
    enum class Progress { Running, Paused, Finished };
    Progress advance(std::chrono::milliseconds budget);
    // Trains one batch (and finishes the epoch when it was the last); false once training is over.
    // `kind` trains one part alone where the step has parts (a GAN's D or G; TrainingStep::hasParts).
    bool step(StepKind kind = StepKind::Both);
    bool finished() const { return finished_.has_value(); }
    const std::optional<FinishReport> &result() const { return finished_; }

    // Thread-safe controls: stop takes effect before the next batch; paused, run() waits and
    // advance() returns Paused, and stepOnce() lets exactly one batch through.
    void requestStop() { control_->requestStop(); }
    void setPaused(bool paused) { control_->setPaused(paused); }
    bool paused() const { return control_->paused(); }
    void stepOnce(StepKind kind = StepKind::Both) { control_->stepOnce(kind); }
    // Obeys `control` (kept by the caller, which outlives the trainer) instead of its own.
    void setControl(RunControl *control) { control_ = control; }

    // Records the next batch's step from inside and hands it to the observer's tapped(). Call it on
    // the thread that trains, between steps.
    void requestTap(const TapRequest &request) { step_->requestTap(request); }

    // Loss and metrics on `data`, when the step has such a notion (NaN loss otherwise).
    Evaluation evaluate(const BatchSource &data);

    int epoch() const { return epoch_; }
    int64_t globalStep() const { return globalStep_; }
    int64_t batchesPerEpoch() const;

    // The run so far, to continue it later (continueFrom) in this process or another.
    RunState runState() const;
    // Continues `state`, a run of this model, before the first step. Returns what makes the
    // continuation differ from the run going on unchanged (settings changed since), a sentence
    // each; empty when it is exact. Throws TrainingError when the state does not fit the model.
    std::vector<std::string> continueFrom(const RunState &state);

private:
    bool trainBatch(StepKind kind);
    void startEpoch();
    void prepareEpoch();
    void finishEpoch();
    bool divergedAt(double loss, const std::string &what);
    void finish(FinishReport::Reason reason, std::string message,
                std::optional<FinishReport::Divergence> divergence = std::nullopt);
    void finishStopped();

    std::unique_ptr<TrainingStep> step_;
    TrainingConfig config_;
    const BatchSource &train_;
    const BatchSource *validation_;
    int classes_;
    std::vector<Optimizer *> optimizers_;
    std::vector<Parameter *> state_;  // parameters and buffers (running statistics): what snapshots keep
    TrainingObserver *observer_ = nullptr;

    // Position in the run.
    int epoch_ = 0;  // 1-based once started
    int64_t batchInEpoch_ = 0;
    int64_t globalStep_ = 0;
    int64_t batchSize_ = 1;
    std::vector<int64_t> order_;
    std::optional<FinishReport> finished_;

    // The epoch so far.
    std::vector<double> lossSums_;
    std::vector<int64_t> lossSamples_;  // samples behind each loss's sum: a part of a step measures only its own
    int64_t seen_ = 0, correct_ = 0, judged_ = 0;
    double activeSeconds_ = 0.0;

    // Early stopping and recovery from divergence.
    double bestValidationLoss_ = 0.0;
    int epochsWithoutImprovement_ = 0;
    std::vector<Tensor> bestWeights_, epochStartWeights_;

    Tensor x_, y_;

    RunControl ownControl_;
    RunControl *control_ = &ownControl_;
    ThreadArena arena_;
};

} // namespace nn
