// SupervisedStep: the loss of the model's output against the batch's targets, back-propagated.
#include "supervisedstep.h"

#include "error.h"
#include "registry.h"
#include "regularization.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace nn {

namespace {

constexpr int64_t kEvaluationBatch = 256;

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

double gradientProblem(const std::vector<Parameter *> &parameters)
{
    for (const auto *p : parameters)
        if (!p->grad.allFinite())
            return p->grad.array().isNaN().any() ? std::nan("") : std::numeric_limits<double>::infinity();
    return 0.0;
}

SupervisedStep::SupervisedStep(Model &model, const TrainingConfig &config, const BatchSource &train, int classes)
    : model_(model), config_(config), classes_(classes)
{
    if (model.inputNames().size() != 1)
        throw ShapeError("The network needs exactly one Input node to train on a data set; it has " +
                         std::to_string(model.inputNames().size()) + ".");
    if (model.outputNames().size() != 1)
        throw ShapeError("The network needs exactly one output (a layer whose output goes nowhere); it has " +
                         std::to_string(model.outputNames().size()) + ". Connect or delete the loose ends.");
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
}

StepOutcome SupervisedStep::train(const Tensor &x, const Tensor &y, const RunContext &ctx)
{
    StepOutcome outcome;
    target_ = y;
    matchTargetToLoss(*loss_, target_);
    model_.zeroGrad();
    // On the model's own pass, where the divergence check and the views find the activations.
    const Tensor &output = model_.forward(x, ctx);
    const double loss = loss_->forward(output, target_);
    outcome.losses = {{"loss", loss}};
    if (!std::isfinite(loss)) {
        outcome.problem = "loss";
        outcome.problemValue = loss;
        return outcome;
    }
    if (classes_ > 0) {
        outcome.correct = 0;
        const auto predicted = MetricsAccumulator::predictedClasses(output);
        outcome.judged = int64_t(predicted.size());
        for (size_t i = 0; i < predicted.size(); ++i)
            outcome.correct += predicted[i] == static_cast<int>(std::lround(target_[static_cast<int64_t>(i)])) ? 1 : 0;
    }
    loss_->backward(output, target_, dOutput_);
    model_.backward(dOutput_, ctx);
    if (config_.l1 > 0.0 || config_.l2 > 0.0)
        applyRegularization(parameters_, config_.l1, config_.l2);
    // A step with non-finite gradients is never taken, so the weights stay those of the last good step.
    const double gradientCheck = config_.clipNorm > 0.0 ? clipGradientNorm(parameters_, config_.clipNorm)
                                                        : gradientProblem(parameters_);
    if (!std::isfinite(gradientCheck)) {
        outcome.problem = "gradient";
        outcome.problemValue = gradientCheck;
        return outcome;
    }
    if (tapRequest_) {
        before_.clear();
        for (const Parameter *p : parameters_)
            before_.push_back(p->value);
    }
    optimizer_->step(parameters_);
    if (tapRequest_) {
        tap_ = recordTaps(model_, model_.lastPass(), before_, *tapRequest_, int64_t(ctx.step) + 1);
        recordStepLosses(*tap_, *loss_, output, target_);
        tapRequest_.reset();
    }
    return outcome;
}

std::optional<Evaluation> SupervisedStep::evaluate(const BatchSource &data)
{
    Evaluation result;
    MetricsAccumulator metrics(classes_);
    std::vector<int64_t> indices;
    Tensor x, y;
    Pass pass;
    double lossSum = 0.0;
    for (int64_t begin = 0; begin < data.size(); begin += kEvaluationBatch) {
        const int64_t end = std::min(begin + kEvaluationBatch, data.size());
        indices.resize(static_cast<size_t>(end - begin));
        std::iota(indices.begin(), indices.end(), begin);
        data.gather(indices, x, y);
        matchTargetToLoss(*loss_, y);
        model_.forward(pass, {&x}, RunContext{false, config_.seed, 0});
        lossSum += loss_->forward(pass.output(), y) * static_cast<double>(end - begin);
        metrics.add(pass.output(), y);
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
