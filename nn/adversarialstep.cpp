// AdversarialStep: D's step on real and generated batches, G's step through the frozen D.
#include "adversarialstep.h"

#include "error.h"
#include "gannoise.h"
#include "registry.h"
#include "samplestatistics.h"
#include "supervisedstep.h"

#include <cmath>
#include <numeric>

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

std::unique_ptr<Optimizer> makeOptimizer(const std::string &kind, const nlohmann::json &settings)
{
    return optimizerRegistry().create(kind, Settings::fromJson(optimizerRegistry().spec(kind), settings));
}

} // namespace

AdversarialStep::AdversarialStep(Model &generator, Model &discriminator, const TrainingConfig &config, const GanConfig &gan)
    : generator_(generator), discriminator_(discriminator), gan_(gan), loss_(gan.loss, gan.labelSmoothing)
{
    if (generator.inputNames().size() != 1 || generator.outputNames().size() != 1 ||
        discriminator.inputNames().size() != 1 || discriminator.outputNames().size() != 1)
        throw ShapeError("A GAN's generator and discriminator each need one Input and one output.");
    const Shape made = generator.outputShape(), taken = discriminator.inputShape();
    if (elementCount(Shape(made.begin() + 1, made.end())) != elementCount(taken))
        throw ShapeError("discriminator: the generator makes samples of shape " + toString(Shape(made.begin() + 1, made.end())) +
                         " but the discriminator's Input takes " + toString(taken) + "; make them the same.");
    if (discriminator.outputShape() != Shape{kBatch, 1})
        throw ShapeError("discriminator: it must end in one output, [N, 1], but ends in " +
                         toString(discriminator.outputShape()) + "; end it in Dense(1) with a linear activation.");
    gan_.discriminatorSteps = std::max(gan_.discriminatorSteps, 1);
    discriminatorOptimizer_ = makeOptimizer(config.optimizer, config.optimizerSettings);
    const bool ownOptimizer = !gan.generatorOptimizer.empty() && gan.generatorOptimizer != config.optimizer;
    generatorOptimizer_ = makeOptimizer(gan.generatorOptimizer.empty() ? config.optimizer : gan.generatorOptimizer,
                                        gan.generatorOptimizerSettings.empty() && !ownOptimizer ? config.optimizerSettings
                                                                                               : gan.generatorOptimizerSettings);
}

Tensor AdversarialStep::noise(int64_t n, uint64_t seed, uint64_t step, uint64_t draw) const
{
    return ganNoise(generator_, gan_, n, seed, step, draw);
}

double AdversarialStep::trainDiscriminator(const Tensor &x, const RunContext &ctx, uint64_t draw, std::string &problem)
{
    const int64_t n = x.dim(0);
    z_ = noise(n, ctx.seed, ctx.step, draw);
    generator_.forward(generated_, {&z_}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.zeroGrad();
    discriminator_.forward(real_, {&x}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.forward(judged_, {&generated_.output()}, {ctx.training, ctx.seed, ctx.step, 2 * draw + 1});
    realVerdict_ = loss_.meanVerdict(real_.output());
    fakeVerdict_ = loss_.meanVerdict(judged_.output());
    double loss = loss_.discriminator(real_.output(), true, dLogits_);
    discriminator_.backward(real_, {&dLogits_});
    loss += loss_.discriminator(judged_.output(), false, dLogits_);
    discriminator_.backward(judged_, {&dLogits_});
    const double lambda = loss_.wasserstein() ? gan_.gradientPenalty : gan_.zeroCentredPenalty;
    if (lambda > 0.0) {
        Tensor fake = generated_.output();
        fake.reshape(x.shape());
        loss += penalty_.addGradient(discriminator_, x, fake, lambda, {ctx.training, ctx.seed, ctx.step, 2 * draw}, draw,
                                     loss_.wasserstein() ? 1.0 : 0.0);
    }
    problem = updateWhenFinite(loss, "d_loss", discriminator_, *discriminatorOptimizer_);
    return loss;
}

double AdversarialStep::trainGenerator(int64_t n, const RunContext &ctx, uint64_t draw, std::string &problem)
{
    z_ = noise(n, ctx.seed, ctx.step, draw);
    generator_.zeroGrad();
    generator_.forward(generated_, {&z_}, {ctx.training, ctx.seed, ctx.step, 2 * draw});
    discriminator_.setFrozen(true);
    discriminator_.forward(judged_, {&generated_.output()}, {ctx.training, ctx.seed, ctx.step, 2 * draw + 1});
    const double loss = loss_.generator(judged_.output(), dLogits_);
    discriminator_.backward(judged_, {&dLogits_}, true);
    discriminator_.setFrozen(false);
    dGenerated_ = judged_.inputGradient();
    generator_.backward(generated_, {&dGenerated_});
    problem = updateWhenFinite(loss, "g_loss", generator_, *generatorOptimizer_);
    return loss;
}

StepOutcome AdversarialStep::outcome(double dLoss, double gLoss, std::string problem) const
{
    StepOutcome result;
    result.losses = {{"d_loss", dLoss}, {"g_loss", gLoss}, {"d_real", realVerdict_}, {"d_fake", fakeVerdict_}};
    result.problem = std::move(problem);
    if (!result.problem.empty())
        result.problemValue = std::nan("");
    return result;
}

StepOutcome AdversarialStep::train(const Tensor &x, const Tensor &, const RunContext &ctx)
{
    std::string problem;
    double dLoss = 0.0;
    for (int k = 0; k < gan_.discriminatorSteps && problem.empty(); ++k)
        dLoss = trainDiscriminator(x, ctx, uint64_t(k), problem);
    const double gLoss = problem.empty() ? trainGenerator(x.dim(0), ctx, uint64_t(gan_.discriminatorSteps), problem)
                                         : std::nan("");
    return outcome(dLoss, gLoss, std::move(problem));
}

StepOutcome AdversarialStep::stepDiscriminator(const Tensor &x, const RunContext &ctx)
{
    std::string problem;
    const double dLoss = trainDiscriminator(x, ctx, 0, problem);
    return outcome(dLoss, std::nan(""), std::move(problem));
}

StepOutcome AdversarialStep::stepGenerator(int64_t n, const RunContext &ctx)
{
    std::string problem;
    const double gLoss = trainGenerator(n, ctx, uint64_t(gan_.discriminatorSteps), problem);
    return outcome(std::nan(""), gLoss, std::move(problem));
}

StepOutcome AdversarialStep::trainPart(const Tensor &x, const Tensor &y, const RunContext &ctx, StepKind kind)
{
    switch (kind) {
    case StepKind::Discriminator:
        return stepDiscriminator(x, ctx);
    case StepKind::Generator:
        return stepGenerator(x.dim(0), ctx);
    case StepKind::Both:
        break;
    }
    return train(x, y, ctx);
}

Measures AdversarialStep::epochMeasures(const BatchSource &train)
{
    const int64_t n = std::min(kMeasureSamples, train.size());
    if (n < 2)
        return {};
    std::vector<int64_t> first(static_cast<size_t>(n));
    std::iota(first.begin(), first.end(), int64_t{0});
    Tensor real, targets;
    train.gather(first, real, targets);
    Tensor fake = generate(n, 0);
    fake.reshape(real.shape());
    const double realSpread = meanFeatureStd(real);
    Measures measures{{"spread", realSpread > 0.0 ? meanFeatureStd(fake) / realSpread : std::nan("")}};
    if (real.size() == 2 * n)
        measures.emplace_back("energy_distance", energyDistance(real, fake));
    return measures;
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
    const Tensor z = noise(n, seed, 0, 0);
    Pass pass;
    generator_.infer(pass, {&z});
    return pass.output();
}

} // namespace nn
