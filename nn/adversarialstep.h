// AdversarialStep: the step of a generative adversarial network, in the same Trainer loop as every
// other kind: k discriminator steps, then one generator step through the frozen discriminator.
#pragma once

#include "loss.h"
#include "model.h"
#include "trainingconfig.h"
#include "trainingstep.h"

#include <memory>

namespace nn {

// D learns to tell the batch's real samples (label 1) from G's (label 0): d_loss = BCE(D(x), 1) +
// BCE(D(G(z)), 0). G then learns to make D say 1: g_loss = BCE(D(G(z)), 1), the non-saturating
// loss of Goodfellow et al. (2014); its gradient reaches G through D's input gradient while D is
// frozen. z ~ N(0, 1) has the shape of G's Input, drawn from a stream keyed by seed, step and draw.
class AdversarialStep : public TrainingStep {
public:
    // Both models are trained with the config's optimizer and settings, one optimizer each. Throws
    // ShapeError when G's output does not fit D's input or D does not end in one logit.
    AdversarialStep(Model &generator, Model &discriminator, const TrainingConfig &config,
                    int discriminatorSteps = 1);

    std::vector<std::string> lossNames() const override { return {"d_loss", "g_loss"}; }
    StepOutcome train(const Tensor &x, const Tensor &y, const RunContext &ctx) override;
    std::vector<Parameter *> state() override;
    std::vector<Optimizer *> optimizers() override { return {discriminatorOptimizer_.get(), generatorOptimizer_.get()}; }
    std::vector<Parameter *> optimizedBy(size_t optimizer) override;
    std::string firstNonFiniteNode() const override;
    std::vector<std::pair<std::string, double>> gradientNorms() const override;

    // n samples of G(z) for fresh noise, in evaluation mode (for views and tests).
    Tensor generate(int64_t n, uint64_t seed);

private:
    // z [n, G's input…] ~ N(0, 1), keyed by the run's seed, the step and which draw of the step.
    void drawNoise(int64_t n, uint64_t seed, uint64_t step, uint64_t draw);
    // One discriminator step on the real batch x; returns d_loss (NaN or ±inf: nothing changed).
    double trainDiscriminator(const Tensor &x, const RunContext &ctx, uint64_t draw, std::string &problem);
    // One generator step; returns g_loss.
    double trainGenerator(int64_t n, const RunContext &ctx, uint64_t draw, std::string &problem);

    Model &generator_;
    Model &discriminator_;
    int discriminatorSteps_;
    std::unique_ptr<Loss> bce_;
    std::unique_ptr<Optimizer> generatorOptimizer_, discriminatorOptimizer_;
    Pass generated_, real_, judged_;
    Tensor z_, labels_, dLogits_, dGenerated_;
};

} // namespace nn
