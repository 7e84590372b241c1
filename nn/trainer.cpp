// Trainer: the epoch and batch loop, validation, early stopping and the guard against divergence.
#include "trainer.h"

#include "error.h"
#include "random.h"
#include "registry.h"
#include "regularization.h"
#include "schedule.h"

#include <cmath>
#include <numeric>
#include <sstream>

namespace nn {

namespace {

constexpr int64_t kEvaluationBatch = 256;

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

// 0 when every gradient is finite, NaN or infinity otherwise: a value for divergedAt().
double gradientProblem(const std::vector<Parameter *> &parameters)
{
    for (const auto *p : parameters)
        if (!p->grad.allFinite())
            return p->grad.array().isNaN().any() ? std::nan("") : std::numeric_limits<double>::infinity();
    return 0.0;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// Class data is [N]; a binary loss compares it with [N, 1] logits.
void matchTargetToLoss(const Loss &loss, Tensor &y)
{
    if (loss.targetKind() == TargetKind::Binary && y.rank() == 1)
        y.reshape({y.dim(0), 1});
}

} // namespace

void checkSampleFitsInput(const Shape &input, const Shape &sample)
{
    if (elementCount(input) != elementCount(sample))
        throw ShapeError("The data has samples of shape " + toString(sample) + " but the Input expects " +
                         toString(input) + "; set the Input's shape to " + toString(sample) + ".");
}

Trainer::Trainer(Model &model, const TrainingConfig &config, const BatchSource &train,
                 const BatchSource *validation, int classes)
    : model_(model), config_(config), train_(train), validation_(validation), classes_(classes), arena_(config.threads)
{
    loss_ = lossRegistry().create(config.loss, Settings::fromJson(lossRegistry().spec(config.loss), config.lossSettings));
    optimizer_ = optimizerRegistry().create(
        config.optimizer, Settings::fromJson(optimizerRegistry().spec(config.optimizer), config.optimizerSettings));
    parameters_ = model.parameterList();
    state_ = parameters_;
    for (const NamedParameter &buffer : model.buffers())
        state_.push_back(buffer.parameter);
    if (parameters_.empty())
        throw TrainingError("The network has no weights to learn; add a layer with weights such as Dense.");
    if (train.size() == 0)
        throw TrainingError("The training split is empty; use a larger data set or smaller validation and test splits.");
    checkSampleFitsInput(model.inputShape(), train.sampleShape());

    const TargetKind kind = loss_->targetKind();
    const Shape output = model.outputShape();
    if (classes > 0 && kind == TargetKind::Values)
        throw SettingError("The data has classes but " + config.loss +
                           " measures distances between values; choose CrossEntropy (or BinaryCrossEntropy for two classes).");
    if (classes == 0 && kind != TargetKind::Values)
        throw SettingError("The data holds values to predict (regression) but " + config.loss +
                           " needs classes; choose MSE, MAE or SmoothL1.");
    Shape target = {kBatch};
    for (int64_t d : train.targetShape())
        target.push_back(d);
    if (kind == TargetKind::Binary && target.size() == 1)
        target.push_back(1);
    loss_->checkShapes(output, target);
    if (kind == TargetKind::ClassIndex && output.back() != classes)
        throw ShapeError("The data has " + std::to_string(classes) + " classes but the network ends in " +
                         std::to_string(output.back()) + " outputs; set the last Dense layer's units to " +
                         std::to_string(classes) + ".");
    if (kind == TargetKind::Binary && classes != 2)
        throw SettingError("BinaryCrossEntropy is for two classes but the data has " + std::to_string(classes) +
                           "; choose CrossEntropy.");

    batchSize_ = config.effectiveBatchSize(train.size());
    bestValidationLoss_ = std::numeric_limits<double>::infinity();
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
    lossSum_ = 0.0;
    seen_ = correct_ = 0;
    activeSeconds_ = 0.0;
    prepareEpoch();
}

// The epoch's learning rate and data order, from the epoch's number alone.
void Trainer::prepareEpoch()
{
    optimizer_->setLearningRate(learningRateAt(config_.schedule, optimizer_->baseLearningRate(), epoch_ - 1, config_.epochs));
    order_.resize(static_cast<size_t>(train_.size()));
    std::iota(order_.begin(), order_.end(), int64_t{0});
    if (config_.shuffle) {
        Rng rng = Rng::keyed(config_.seed, "shuffle", static_cast<uint64_t>(epoch_));
        for (size_t i = order_.size() - 1; i > 0; --i)
            std::swap(order_[i], order_[rng.below(i + 1)]);
    }
    epochStartWeights_ = snapshot(state_);
}

bool Trainer::step()
{
    return arena_.run([this] { return trainBatch(); });
}

bool Trainer::trainBatch()
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
    train_.gather(std::span(order_).subspan(static_cast<size_t>(begin), static_cast<size_t>(end - begin)), x_, y_);
    matchTargetToLoss(*loss_, y_);

    const RunContext ctx{true, config_.seed, static_cast<uint64_t>(globalStep_)};
    model_.zeroGrad();
    const Tensor &output = model_.forward(x_, ctx);
    const double loss = loss_->forward(output, y_);
    if (divergedAt(loss, "loss"))
        return false;
    if (classes_ > 0) {
        const auto predicted = MetricsAccumulator::predictedClasses(output);
        for (size_t i = 0; i < predicted.size(); ++i)
            correct_ += predicted[i] == static_cast<int>(std::lround(y_[static_cast<int64_t>(i)])) ? 1 : 0;
    }
    loss_->backward(output, y_, dOutput_);
    model_.backward(dOutput_, ctx);
    if (config_.l1 > 0.0 || config_.l2 > 0.0)
        applyRegularization(parameters_, config_.l1, config_.l2);
    // A step with non-finite gradients is never taken, so the weights stay those of the last good step.
    const double gradientCheck = config_.clipNorm > 0.0 ? clipGradientNorm(parameters_, config_.clipNorm)
                                                        : gradientProblem(parameters_);
    if (divergedAt(gradientCheck, "gradient"))
        return false;
    optimizer_->step(parameters_);

    const int64_t n = end - begin;
    lossSum_ += loss * static_cast<double>(n);
    seen_ += n;
    ++batchInEpoch_;
    ++globalStep_;
    activeSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (observer_)
        observer_->stepFinished({epoch_, batchInEpoch_, batchesPerEpoch(), globalStep_, loss, optimizer_->learningRate(),
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
    state.lossSum = lossSum_;
    state.seen = seen_;
    state.correct = correct_;
    state.bestValidationLoss = bestValidationLoss_;
    state.epochsWithoutImprovement = epochsWithoutImprovement_;
    state.bestWeights = bestWeights_;
    state.optimizer = optimizer_->state();
    state.config = config_;
    return state;
}

std::vector<std::string> Trainer::continueFrom(const RunState &state)
{
    if (state.epoch < 0 || state.batchInEpoch < 0 || state.globalStep < 0 || state.seen < 0 || state.correct < 0 ||
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
    if (state.config.optimizer == config_.optimizer) {
        optimizer_->restoreState(state.optimizer, parameters_);
    } else {
        optimizer_->reset();
        changes.push_back("the optimizer starts without moments");
    }
    if (state.config.epochs != config_.epochs && config_.schedule.kind != "constant")
        changes.push_back("the learning-rate schedule now spans " + std::to_string(config_.epochs) + " epochs instead of " +
                          std::to_string(state.config.epochs));

    epoch_ = state.epoch;
    batchInEpoch_ = state.batchInEpoch;
    globalStep_ = state.globalStep;
    lossSum_ = state.lossSum;
    seen_ = state.seen;
    correct_ = state.correct;
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
    report.trainLoss = lossSum_ / static_cast<double>(std::max<int64_t>(seen_, 1));
    report.trainAccuracy = classes_ > 0 ? static_cast<double>(correct_) / static_cast<double>(std::max<int64_t>(seen_, 1))
                                        : std::nan("");
    report.learningRate = optimizer_->learningRate();
    report.seconds = activeSeconds_;
    report.samplesPerSecond = static_cast<double>(seen_) / std::max(activeSeconds_, 1e-9);
    report.gradientNorms = model_.gradientNorms();
    report.hasValidation = validation_ && validation_->size() > 0;
    if (report.hasValidation)
        report.validation = evaluateSplit(*validation_);
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

bool Trainer::divergedAt(double value, const char *what)
{
    if (std::isfinite(value))
        return false;
    const std::string layer = model_.firstNonFiniteNode();
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
    message += " Try a lower learning rate (now " + number(optimizer_->learningRate()) +
               "), gradient clipping (clip_norm), or scaling the inputs (standardize).";
    finish(FinishReport::Reason::Diverged, message);
    return true;
}

void Trainer::finish(FinishReport::Reason reason, std::string message)
{
    finished_ = FinishReport{reason, epoch_, std::move(message)};
    if (observer_)
        observer_->trainingFinished(*finished_);
}

void Trainer::requestStop()
{
    stopRequested_ = true;
    pauseChanged_.notify_all();
}

void Trainer::setPaused(bool paused)
{
    paused_ = paused;
    pauseChanged_.notify_all();
}

void Trainer::stepOnce()
{
    ++stepsAllowed_;
    pauseChanged_.notify_all();
}

bool Trainer::waitWhilePaused()
{
    std::unique_lock lock(pauseMutex_);
    pauseChanged_.wait(lock, [this] { return !paused_ || stopRequested_ || stepsAllowed_ > 0; });
    if (paused_ && stepsAllowed_ > 0)
        --stepsAllowed_;
    return !stopRequested_;
}

FinishReport Trainer::run()
{
    return arena_.run([this] { return trainEpochs(); });
}

FinishReport Trainer::trainEpochs()
{
    while (!finished_) {
        if (!waitWhilePaused() || stopRequested_) {
            finish(FinishReport::Reason::Stopped,
                   "Stopped by the user in epoch " + std::to_string(std::max(epoch_, 1)) + " after " +
                       std::to_string(globalStep_) + " batches; the weights trained so far are kept.");
            break;
        }
        trainBatch();
    }
    return *finished_;
}

Evaluation Trainer::evaluate(const BatchSource &data)
{
    return arena_.run([&] { return evaluateSplit(data); });
}

Evaluation Trainer::evaluateSplit(const BatchSource &data)
{
    Evaluation result;
    MetricsAccumulator metrics(classes_);
    std::vector<int64_t> indices;
    Tensor x, y;
    double lossSum = 0.0;
    for (int64_t begin = 0; begin < data.size(); begin += kEvaluationBatch) {
        const int64_t end = std::min(begin + kEvaluationBatch, data.size());
        indices.resize(static_cast<size_t>(end - begin));
        std::iota(indices.begin(), indices.end(), begin);
        data.gather(indices, x, y);
        matchTargetToLoss(*loss_, y);
        const Tensor &output = model_.forward(x, RunContext{false, config_.seed, 0});
        lossSum += loss_->forward(output, y) * static_cast<double>(end - begin);
        metrics.add(output, y);
    }
    result.samples = data.size();
    result.loss = lossSum / static_cast<double>(std::max<int64_t>(data.size(), 1));
    if (classes_ > 0)
        result.classification = metrics.classification();
    else
        result.regression = metrics.regression();
    return result;
}

} // namespace nn
