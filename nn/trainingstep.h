// TrainingStep: what one step of training does with a batch. The Trainer's loop (epochs, data
// order, schedule, pause, step, stop, divergence, reports, run state) is the same for every kind:
// the supervised step, the adversarial step of a GAN, a per-token sequence step.
#pragma once

#include "batchsource.h"
#include "layer.h"
#include "metrics.h"
#include "optimizer.h"
#include "stepkind.h"
#include "taps.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nn {

// Named values a step measured, in a fixed order: "loss", or a GAN's "d_loss" and "g_loss".
using Measures = std::vector<std::pair<std::string, double>>;

// Loss and metrics of a model on one split.
struct Evaluation {
    double loss = 0.0;
    int64_t samples = 0;
    std::optional<ClassificationMetrics> classification;
    std::optional<RegressionMetrics> regression;
};

// What a step did with one batch.
struct StepOutcome {
    Measures losses;       // in lossNames() order; the first is the run's headline loss
    int64_t correct = -1;  // predictions that named the right class; -1 where the step does not classify
    int64_t judged = 0;    // predictions judged: the samples, or a sequence's positions
    // When a loss or a gradient was not finite, what ("loss", "gradient", "d_loss", …) and its value;
    // the step then changed no weight.
    std::string problem;
    double problemValue = 0.0;
};

class TrainingStep {
public:
    virtual ~TrainingStep() = default;

    // The names of the losses train() returns, in order.
    virtual std::vector<std::string> lossNames() const = 0;
    // Trains on the batch x [n, …] with targets y [n, …] (ignored where the step makes its own).
    virtual StepOutcome train(const Tensor &x, const Tensor &y, const RunContext &ctx) = 0;
    // Whether trainPart() can run one part alone; a part's outcome gives NaN for the losses it did
    // not measure. Without parts, every kind trains the whole step.
    virtual bool hasParts() const { return false; }
    virtual StepOutcome trainPart(const Tensor &x, const Tensor &y, const RunContext &ctx, StepKind) { return train(x, y, ctx); }
    // Parameters then buffers of every model it trains: what snapshots and early stopping keep.
    virtual std::vector<Parameter *> state() = 0;
    // Its optimizers: the schedule sets their rates, the run state keeps their moments.
    virtual std::vector<Optimizer *> optimizers() = 0;
    // The parameters optimizer i updates, in the order it keeps its moments.
    virtual std::vector<Parameter *> optimizedBy(size_t optimizer) = 0;
    // The first node holding NaN or ±inf, for the divergence message; "" when none.
    virtual std::string firstNonFiniteNode() const = 0;
    // The L2 norm of each learning node's gradients after the last step, for the gradient-flow view.
    virtual std::vector<std::pair<std::string, double>> gradientNorms() const = 0;
    // Loss and metrics on held-out data; none where the step has no such notion (a GAN).
    virtual std::optional<Evaluation> evaluate(const BatchSource &) { return std::nullopt; }
    // Named values measured once an epoch on the training data, such as a GAN's spread; none by default.
    virtual Measures epochMeasures(const BatchSource &) { return {}; }
    // Records the next step from inside (taps); takeTap() then hands the record over once.
    virtual void requestTap(const TapRequest &) {}
    virtual std::optional<TapRecord> takeTap() { return std::nullopt; }
};

} // namespace nn
