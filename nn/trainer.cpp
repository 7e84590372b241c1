// Trainer: the epoch and batch loop, validation, early stopping and the guard against divergence.
#include "trainer.h"

#include "error.h"
#include "parallel.h"
#include "random.h"
#include "schedule.h"

#include <cmath>
#include <numeric>
#include <sstream>

namespace nn {

namespace {

std::vector<Tensor> snapshot(const std::vector<Parameter *> &parameters)
{
    std::vector<Tensor> copies;
    copies.reserve(parameters.size());
    for (const auto *p : parameters)
        copies.push_back(p->value);
    return copies;
}

void restore(const std::vector<Parameter *> &parameters, const std::vector<Tensor> &copies)
{
    for (size_t i = 0; i < parameters.size() && i < copies.size(); ++i)
        parameters[i]->value = copies[i];
}

bool valuesFinite(const std::vector<Parameter *> &parameters)
{
    for (const auto *p : parameters)
        if (!p->value.allFinite())
            return false;
    return true;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

Trainer::Trainer(std::unique_ptr<TrainingStep> step, const TrainingConfig &config, const BatchSource &train,
                 const BatchSource *validation, int classes)
    : step_(std::move(step)), config_(config), train_(train), validation_(validation), classes_(classes),
      arena_(config.threads)
{
    if (train.size() == 0)
        throw TrainingError("The training split is empty; use a larger data set or smaller validation and test splits.");
    optimizers_ = step_->optimizers();
    state_ = step_->state();
    lossSums_.assign(step_->lossNames().size(), 0.0);
    lossSamples_.assign(lossSums_.size(), 0);
    batchSize_ = config.effectiveBatchSize(train.size());
    bestValidationLoss_ = std::numeric_limits<double>::infinity();
}

Trainer::Trainer(Model &model, const TrainingConfig &config, const BatchSource &train, const BatchSource *validation,
                 int classes)
    : Trainer(std::make_unique<SupervisedStep>(model, config, train, classes), config, train, validation, classes)
{
}

Trainer::~Trainer() = default;

int64_t Trainer::batchesPerEpoch() const
{
    // A last batch of a single sample joins the one before it: batch statistics (BatchNorm) need
    // two samples, and one sample's gradient would weigh as much as a whole batch's.
    const int64_t batches = (train_.size() + batchSize_ - 1) / batchSize_;
    return batches > 1 && train_.size() % batchSize_ == 1 ? batches - 1 : batches;
}

void Trainer::startEpoch()
{
    ++epoch_;
    batchInEpoch_ = 0;
    std::fill(lossSums_.begin(), lossSums_.end(), 0.0);
    std::fill(lossSamples_.begin(), lossSamples_.end(), 0);
    seen_ = correct_ = judged_ = 0;
    activeSeconds_ = 0.0;
    prepareEpoch();
}

// The epoch's learning rate and data order, from the epoch's number alone.
void Trainer::prepareEpoch()
{
    for (Optimizer *optimizer : optimizers_)
        optimizer->setLearningRate(learningRateAt(config_.schedule, optimizer->baseLearningRate(), epoch_ - 1, config_.epochs));
    order_.resize(static_cast<size_t>(train_.size()));
    std::iota(order_.begin(), order_.end(), int64_t{0});
    if (config_.shuffle) {
        Rng rng = Rng::keyed(config_.seed, "shuffle", static_cast<uint64_t>(epoch_));
        for (size_t i = order_.size() - 1; i > 0; --i)
            std::swap(order_[i], order_[rng.below(i + 1)]);
    }
    epochStartWeights_ = snapshot(state_);
}

bool Trainer::step(StepKind kind)
{
    return arena_.run([this, kind] { return trainBatch(kind); });
}

bool Trainer::trainBatch(StepKind kind)
{
    if (finished_)
        return false;
    if (batchInEpoch_ == 0 && epoch_ >= config_.epochs) {  // a continued run that has nothing left
        finish(FinishReport::Reason::Completed, "Trained " + std::to_string(epoch_) + " epochs.");
        return false;
    }
    if (batchInEpoch_ == 0)
        startEpoch();
    const auto started = std::chrono::steady_clock::now();

    const int64_t begin = batchInEpoch_ * batchSize_;
    const int64_t end = batchInEpoch_ + 1 == batchesPerEpoch() ? train_.size() : begin + batchSize_;
    train_.gatherForTraining(std::span(order_).subspan(static_cast<size_t>(begin), static_cast<size_t>(end - begin)), x_, y_,
                             config_.seed, epoch_);

    const RunContext ctx{true, config_.seed, static_cast<uint64_t>(globalStep_)};
    const StepOutcome outcome = kind == StepKind::Both ? step_->train(x_, y_, ctx) : step_->trainPart(x_, y_, ctx, kind);
    if (!outcome.problem.empty() && divergedAt(outcome.problemValue, outcome.problem))
        return false;
    if (outcome.correct >= 0) {
        correct_ += outcome.correct;
        judged_ += outcome.judged;
    }

    const int64_t n = end - begin;
    for (size_t i = 0; i < lossSums_.size() && i < outcome.losses.size(); ++i)
        if (!std::isnan(outcome.losses[i].second)) {  // NaN: a part of the step that did not measure it
            lossSums_[i] += outcome.losses[i].second * static_cast<double>(n);
            lossSamples_[i] += n;
        }
    seen_ += n;
    ++batchInEpoch_;
    ++globalStep_;
    if (std::optional<TapRecord> tap = step_->takeTap(); tap && observer_)
        observer_->tapped(*tap);
    activeSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (observer_)
        observer_->stepFinished({epoch_, batchInEpoch_, batchesPerEpoch(), globalStep_, outcome.losses.front().second,
                                 outcome.losses, optimizers_.front()->learningRate(),
                                 static_cast<double>(seen_) / std::max(activeSeconds_, 1e-9), n});
    if (batchInEpoch_ == batchesPerEpoch())
        finishEpoch();
    return !finished_;
}

RunState Trainer::runState() const
{
    RunState state;
    state.epoch = epoch_;
    state.batchInEpoch = batchInEpoch_;
    state.globalStep = globalStep_;
    state.lossSums = lossSums_;
    state.seen = seen_;
    state.correct = correct_;
    state.judged = judged_;
    state.bestValidationLoss = bestValidationLoss_;
    state.epochsWithoutImprovement = epochsWithoutImprovement_;
    state.bestWeights = bestWeights_;
    for (const Optimizer *optimizer : optimizers_)
        state.optimizers.push_back(optimizer->state());
    state.config = config_;
    return state;
}

std::vector<std::string> Trainer::continueFrom(const RunState &state)
{
    if (state.epoch < 0 || state.batchInEpoch < 0 || state.globalStep < 0 || state.seen < 0 || state.correct < 0 ||
        state.judged < 0 ||
        (state.epoch == 0 && (state.batchInEpoch > 0 || state.globalStep > 0)))
        throw TrainingError("The saved run's position (epoch " + std::to_string(state.epoch) + ", batch " +
                            std::to_string(state.batchInEpoch) + ", step " + std::to_string(state.globalStep) +
                            ") is not one a run reaches.");
    if (!state.bestWeights.empty()) {
        bool fits = state.bestWeights.size() == state_.size();
        for (size_t i = 0; fits && i < state_.size(); ++i)
            fits = state.bestWeights[i].shape() == state_[i]->value.shape();
        if (!fits)
            throw TrainingError("The saved run's best weights (early stopping) do not fit this network.");
    }
    std::vector<std::string> changes;
    const nlohmann::json was = state.config.toJson(), now = config_.toJson();
    for (const auto &[key, value] : now.items())
        if (key != "epochs" && key != "threads" && was.value(key, nlohmann::json()) != value)
            changes.push_back(key + " changed from " + was.value(key, nlohmann::json()).dump() + " to " + value.dump());
    if (state.optimizers.size() != optimizers_.size() || state.lossSums.size() != lossSums_.size())
        throw TrainingError("The saved run trained " + std::to_string(state.optimizers.size()) + " optimizers and " +
                            std::to_string(state.lossSums.size()) + " losses; this one has " +
                            std::to_string(optimizers_.size()) + " and " + std::to_string(lossSums_.size()) + ".");
    if (state.config.optimizer == config_.optimizer) {
        for (size_t i = 0; i < optimizers_.size(); ++i)
            optimizers_[i]->restoreState(state.optimizers[i], step_->optimizedBy(i));
    } else {
        for (Optimizer *optimizer : optimizers_)
            optimizer->reset();
        changes.push_back("the optimizer starts without moments");
    }
    if (state.config.epochs != config_.epochs && config_.schedule.kind != "constant")
        changes.push_back("the learning-rate schedule now spans " + std::to_string(config_.epochs) + " epochs instead of " +
                          std::to_string(state.config.epochs));

    epoch_ = state.epoch;
    batchInEpoch_ = state.batchInEpoch;
    globalStep_ = state.globalStep;
    lossSums_ = state.lossSums;
    lossSamples_.assign(lossSums_.size(), state.seen);
    seen_ = state.seen;
    correct_ = state.correct;
    judged_ = state.judged;
    bestValidationLoss_ = state.bestValidationLoss;
    epochsWithoutImprovement_ = state.epochsWithoutImprovement;
    bestWeights_ = state.bestWeights;
    if (batchInEpoch_ > 0 && (batchInEpoch_ >= batchesPerEpoch() ||
                              config_.effectiveBatchSize(train_.size()) != state.config.effectiveBatchSize(train_.size()))) {
        changes.push_back("epoch " + std::to_string(epoch_) + " ends where it stopped, as its batches no longer fit");
        batchInEpoch_ = 0;
    }
    if (batchInEpoch_ > 0)
        prepareEpoch();
    return changes;
}

void Trainer::finishEpoch()
{
    EpochReport report;
    report.epoch = epoch_;
    report.epochs = config_.epochs;
    const auto names = step_->lossNames();
    for (size_t i = 0; i < lossSums_.size(); ++i)
        report.trainLosses.emplace_back(names[i], lossSamples_[i] > 0 ? lossSums_[i] / static_cast<double>(lossSamples_[i])
                                                                      : std::nan(""));
    report.trainLoss = report.trainLosses.front().second;
    report.trainAccuracy = classes_ > 0 ? static_cast<double>(correct_) / static_cast<double>(std::max<int64_t>(judged_, 1))
                                        : std::nan("");
    report.learningRate = optimizers_.front()->learningRate();
    report.seconds = activeSeconds_;
    report.samplesPerSecond = static_cast<double>(seen_) / std::max(activeSeconds_, 1e-9);
    report.gradientNorms = step_->gradientNorms();
    report.measures = step_->epochMeasures(train_);
    std::optional<Evaluation> validation;
    if (validation_ && validation_->size() > 0)
        validation = step_->evaluate(*validation_);
    report.hasValidation = validation.has_value();
    if (validation)
        report.validation = *validation;
    else
        report.validation.loss = std::nan("");
    batchInEpoch_ = 0;

    bool stopEarly = false;
    if (report.hasValidation && config_.earlyStoppingPatience > 0) {
        if (report.validation.loss < bestValidationLoss_) {
            bestValidationLoss_ = report.validation.loss;
            bestWeights_ = snapshot(state_);
            epochsWithoutImprovement_ = 0;
        } else {
            stopEarly = ++epochsWithoutImprovement_ >= config_.earlyStoppingPatience;
        }
    }
    if (observer_)
        observer_->epochFinished(report);
    if (stopEarly) {
        restore(state_, bestWeights_);
        finish(FinishReport::Reason::EarlyStopped,
               "Stopped early after epoch " + std::to_string(epoch_) + ": the validation loss has not improved for " +
                   std::to_string(config_.earlyStoppingPatience) + " epochs. The weights of the best epoch (validation loss " +
                   number(bestValidationLoss_) + ") are kept.");
    } else if (epoch_ >= config_.epochs) {
        finish(FinishReport::Reason::Completed, "Trained " + std::to_string(epoch_) + " epochs.");
    }
}

bool Trainer::divergedAt(double value, const std::string &what)
{
    if (std::isfinite(value))
        return false;
    const std::string layer = step_->firstNonFiniteNode();
    const bool weightsLost = !valuesFinite(state_);
    if (weightsLost)
        restore(state_, epochStartWeights_);
    std::string message = "Training stopped at epoch " + std::to_string(epoch_) + ", batch " +
                          std::to_string(batchInEpoch_ + 1) + ": the " + what + " became " +
                          (std::isnan(value) ? "NaN" : "infinite") + ".";
    if (!layer.empty())
        message += " The first layer with non-finite values is '" + layer + "'.";
    message += weightsLost ? " The weights from the start of this epoch are restored."
                           : " The weights of the last good step are kept.";
    message += " Try a lower learning rate (now " + number(optimizers_.front()->learningRate()) +
               "), gradient clipping (clip_norm), or scaling the inputs (standardize).";
    finish(FinishReport::Reason::Diverged, message,
           FinishReport::Divergence{epoch_, batchInEpoch_ + 1, what, !std::isnan(value), layer, weightsLost,
                                    optimizers_.front()->learningRate()});
    return true;
}

void Trainer::finish(FinishReport::Reason reason, std::string message, std::optional<FinishReport::Divergence> divergence)
{
    finished_ = FinishReport{reason, epoch_, std::move(message), std::move(divergence), config_.earlyStoppingPatience,
                             bestValidationLoss_};
    if (observer_)
        observer_->trainingFinished(*finished_);
}

void Trainer::finishStopped()
{
    finish(FinishReport::Reason::Stopped, "Stopped by the user in epoch " + std::to_string(std::max(epoch_, 1)) +
                                              " after " + std::to_string(globalStep_) +
                                              " batches; the weights trained so far are kept.");
}

FinishReport Trainer::run()
{
    return arena_.run([this] {
        while (!finished_) {
            if (!control_->waitWhilePaused()) {
                finishStopped();
                break;
            }
            if (const std::optional<StepKind> kind = control_->nextStep())
                trainBatch(*kind);
        }
        return *finished_;
    });
}

Trainer::Progress Trainer::advance(std::chrono::milliseconds budget)
{
    const auto deadline = std::chrono::steady_clock::now() + budget;
    return arena_.run([&] {
        while (!finished_) {
            if (control_->stopRequested()) {
                finishStopped();
                break;
            }
            const std::optional<StepKind> kind = control_->nextStep();
            if (!kind)
                return Progress::Paused;
            trainBatch(*kind);
            if (!finished_ && (control_->paused() || std::chrono::steady_clock::now() >= deadline))
                return control_->holding() ? Progress::Paused : Progress::Running;
        }
        return Progress::Finished;
    });
}

Evaluation Trainer::evaluate(const BatchSource &data)
{
    if (std::optional<Evaluation> evaluation = arena_.run([&] { return step_->evaluate(data); }))
        return *evaluation;
    Evaluation none;
    none.loss = std::nan("");
    none.samples = data.size();
    return none;
}

} // namespace nn
