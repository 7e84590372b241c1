// AdversarialStep: D's step on real and generated batches, G's step through the frozen D.
#include "adversarialstep.h"

#include "error.h"
#include "registry.h"
#include "supervisedstep.h"

#include <cmath>

namespace nn {

namespace {

// The node's name with its model's key before it, "generator/out": two models' names never clash.
std::string qualified(const Model &model, const std::string &node) { return model.key() + "/" + node; }

// Steps `optimizer` over `model` unless its loss or a gradient is not finite; returns what was not
// ("d_loss", "discriminator's gradient"), or "" after the step.
std::string updateWhenFinite(double loss, const std::string &lossName, Model &model, Optimizer &optimizer)
{
    if (!std::isfinite(loss))
        return lossName;
    const std::vector<Parameter *> parameters = model.parameterList();
    if (!std::isfinite(gradientProblem(parameters)))
        return model.key() + "'s gradient";
    optimizer.step(parameters);
    return {};
}

} // namespace

AdversarialStep::AdversarialStep(Model &generator, Model &discriminator, const TrainingConfig &config,
                                 int discriminatorSteps)
    : generator_(generator), discriminator_(discriminator), discriminatorSteps_(std::max(discriminatorSteps, 1))
{
    if (generator.inputNames().size() != 1 || generator.outputNames().size() != 1 ||
        discriminator.inputNames().size() != 1 || discriminator.outputNames().size() != 1)
        throw ShapeError("A GAN's generator and discriminator each need one Input and one output.");
    const Shape made = generator.outputShape();
    checkSampleFitsInput(discriminator.inputShape(), Shape(made.begin() + 1, made.end()));
    if (discriminator.outputShape() != Shape{kBatch, 1})
        throw ShapeError("The discriminator must end in one logit, [N, 1], but ends in " +
                         toString(discriminator.outputShape()) + "; end it in Dense(1) with a linear activation.");
    bce_ = lossRegistry().create("BinaryCrossEntropy");
    const auto optimizer = [&] {
        return optimizerRegistry().create(
            config.optimizer, Settings::fromJson(optimizerRegistry().spec(config.optimizer), config.optimizerSettings));
    };
    generatorOptimizer_ = optimizer();
    discriminatorOptimizer_ = optimizer();
}

void AdversarialStep::drawNoise(int64_t n, uint64_t seed, uint64_t step, uint64_t draw)
{
    Shape shape = generator_.inputShape();
    shape.insert(shape.begin(), n);
    z_.resize(shape);
    Rng rng = Rng::keyed(seed, "noise/" + generator_.key(), step, draw);
    for (int64_t i = 0; i < z_.size(); ++i)
        z_[i] = rng.normal();
}

double AdversarialStep::trainDiscriminator(const Tensor &x, const RunContext &ctx, uint64_t draw, std::string &problem)
{
    const int64_t n = x.dim(0);
    drawNoise(n, ctx.seed, ctx.step, draw);
    generator_.forward(generated_, {&z_}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.zeroGrad();
    discriminator_.forward(real_, {&x}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.forward(judged_, {&generated_.output()}, {ctx.training, ctx.seed, ctx.step, 2 * draw + 1});
    labels_.resize({n, 1});
    labels_.fill(1.0f);
    double loss = bce_->forward(real_.output(), labels_);
    bce_->backward(real_.output(), labels_, dLogits_);
    discriminator_.backward(real_, {&dLogits_});
    labels_.fill(0.0f);
    loss += bce_->forward(judged_.output(), labels_);
    bce_->backward(judged_.output(), labels_, dLogits_);
    discriminator_.backward(judged_, {&dLogits_});
    problem = updateWhenFinite(loss, "d_loss", discriminator_, *discriminatorOptimizer_);
    return loss;
}

double AdversarialStep::trainGenerator(int64_t n, const RunContext &ctx, uint64_t draw, std::string &problem)
{
    drawNoise(n, ctx.seed, ctx.step, draw);
    generator_.zeroGrad();
    generator_.forward(generated_, {&z_}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.setFrozen(true);
    discriminator_.forward(judged_, {&generated_.output()}, {ctx.training, ctx.seed, ctx.step, 2 * draw + 1});
    labels_.resize({n, 1});
    labels_.fill(1.0f);  // G wants D to call its samples real
    const double loss = bce_->forward(judged_.output(), labels_);
    bce_->backward(judged_.output(), labels_, dLogits_);
    discriminator_.backward(judged_, {&dLogits_}, true);
    discriminator_.setFrozen(false);
    dGenerated_ = judged_.inputGradient();
    generator_.backward(generated_, {&dGenerated_});
    problem = updateWhenFinite(loss, "g_loss", generator_, *generatorOptimizer_);
    return loss;
}

StepOutcome AdversarialStep::train(const Tensor &x, const Tensor &, const RunContext &ctx)
{
    StepOutcome outcome;
    double dLoss = 0.0;
    for (int k = 0; k < discriminatorSteps_ && outcome.problem.empty(); ++k)
        dLoss = trainDiscriminator(x, ctx, uint64_t(k), outcome.problem);
    const double gLoss = outcome.problem.empty()
                             ? trainGenerator(x.dim(0), ctx, uint64_t(discriminatorSteps_), outcome.problem)
                             : std::nan("");
    outcome.losses = {{"d_loss", dLoss}, {"g_loss", gLoss}};
    if (!outcome.problem.empty())
        outcome.problemValue = std::nan("");
    return outcome;
}

std::vector<Parameter *> AdversarialStep::state()
{
    std::vector<Parameter *> all;
    for (Model *model : {&generator_, &discriminator_})
        for (const NamedParameter &p : model->parametersAndBuffers())
            all.push_back(p.parameter);
    return all;
}

std::vector<Parameter *> AdversarialStep::optimizedBy(size_t optimizer)
{
    return optimizer == 0 ? discriminator_.parameterList() : generator_.parameterList();
}

std::string AdversarialStep::firstNonFiniteNode() const
{
    for (const Model *model : {&generator_, &discriminator_})
        if (const std::string node = model->firstNonFiniteNode(); !node.empty())
            return qualified(*model, node);
    return {};
}

std::vector<std::pair<std::string, double>> AdversarialStep::gradientNorms() const
{
    std::vector<std::pair<std::string, double>> norms;
    for (const Model *model : {&generator_, &discriminator_})
        for (const auto &[node, norm] : model->gradientNorms())
            norms.emplace_back(qualified(*model, node), norm);
    return norms;
}

Tensor AdversarialStep::generate(int64_t n, uint64_t seed)
{
    drawNoise(n, seed, 0, 0);
    Pass pass;
    generator_.forward(pass, {&z_}, {});
    return pass.output();
}

} // namespace nn
