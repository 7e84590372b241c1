// AdversarialStep: the step of a generative adversarial network, in the same Trainer loop as every
// other kind: k discriminator steps, then one generator step through the frozen discriminator.
#pragma once

#include "adversarialloss.h"
#include "ganconfig.h"
#include "gradientpenalty.h"
#include "model.h"
#include "trainingconfig.h"
#include "trainingstep.h"

#include <memory>

namespace nn {

// D learns to tell the batch's real samples from G's under the GanConfig's loss (adversarialloss.h),
// with one-sided label smoothing and a gradient penalty (wasserstein-gp's, or the zero-centred one
// for the other losses when the GanConfig asks for it); then G learns to
// fool D, its gradient reaching it through D's input gradient while D is frozen. z has the shape of
// G's Input, N(0, 1) or U(-1, 1), drawn from a stream keyed by seed, step and draw. Each step
// reports d_loss, g_loss and D's mean verdict on real and generated samples (d_real, d_fake).
class AdversarialStep : public TrainingStep {
public:
    // Number of samples behind the epoch's measures (spread, energy distance).
    static constexpr int64_t kMeasureSamples = 1000;

    // D trains with the config's optimizer; G with the GanConfig's, or the same kind and settings.
    // Throws ShapeError when G's output does not fit D's input or D does not end in one output,
    // SettingError for an unknown loss or optimizer.
    AdversarialStep(Model &generator, Model &discriminator, const TrainingConfig &config, const GanConfig &gan = {});

    std::vector<std::string> lossNames() const override { return {"d_loss", "g_loss", "d_real", "d_fake"}; }
    StepOutcome train(const Tensor &x, const Tensor &y, const RunContext &ctx) override;
    std::vector<Parameter *> state() override;
    std::vector<Optimizer *> optimizers() override { return {discriminatorOptimizer_.get(), generatorOptimizer_.get()}; }
    std::vector<Parameter *> optimizedBy(size_t optimizer) override;
    std::string firstNonFiniteNode() const override;
    std::vector<std::pair<std::string, double>> gradientNorms() const override;
    // "spread": the mean per-feature std of G's samples over that of the real data (near 0: mode
    // collapse); for samples of two values, "energy_distance" between them (0: the same distribution).
    // Both on kMeasureSamples samples from fixed noise and the first real ones.
    Measures epochMeasures(const BatchSource &train) override;

    // One discriminator step alone on the real batch x (the window's "Step D"), and one generator
    // step alone on n samples ("Step G"), while D stays bitwise as it is. Each reports its loss
    // (the other one NaN) and D's verdicts as train() does; nothing changes when a value is not finite.
    StepOutcome stepDiscriminator(const Tensor &x, const RunContext &ctx);
    StepOutcome stepGenerator(int64_t n, const RunContext &ctx);
    // The Trainer's way to them: D's part, G's part or both (train()) of one step on the batch x.
    bool hasParts() const override { return true; }
    StepOutcome trainPart(const Tensor &x, const Tensor &y, const RunContext &ctx, StepKind kind) override;

    // n samples of G(z) for fresh noise keyed by `seed`, in evaluation mode (for views and tests).
    Tensor generate(int64_t n, uint64_t seed);
    // n noise vectors [n, z…] as the step draws them, keyed by seed, step and draw.
    Tensor noise(int64_t n, uint64_t seed, uint64_t step, uint64_t draw) const;

private:
    // One discriminator step on the real batch x; returns d_loss (NaN or ±inf: nothing changed).
    double trainDiscriminator(const Tensor &x, const RunContext &ctx, uint64_t draw, std::string &problem);
    // One generator step; returns g_loss.
    double trainGenerator(int64_t n, const RunContext &ctx, uint64_t draw, std::string &problem);

    Model &generator_;
    Model &discriminator_;
    GanConfig gan_;
    AdversarialLoss loss_;
    GradientPenalty penalty_;
    std::unique_ptr<Optimizer> generatorOptimizer_, discriminatorOptimizer_;
    Pass generated_, real_, judged_;
    Tensor z_, dLogits_, dGenerated_;
    double realVerdict_ = 0.0, fakeVerdict_ = 0.0;

    StepOutcome outcome(double dLoss, double gLoss, std::string problem) const;
};

} // namespace nn
