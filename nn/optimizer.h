// Optimizer: updates parameters from their gradients, with PyTorch's semantics for each kind.
#pragma once

#include "layer.h"
#include "settings.h"
#include "updateexplanation.h"

#include <vector>

namespace nn {

// What an optimizer has learned about the parameters: its step count and its state buffers
// (moments, accumulators), buffers[p][b] being buffer b of parameter p, flat. Saved with a run
// (RunState) so that a run continues exactly where it stopped.
struct OptimizerState {
    int64_t steps = 0;
    std::vector<std::vector<Tensor>> buffers;
};

// One optimizer; `lr` and the rest of its hyper-parameters are declared settings. State (moments,
// step counts) is kept per parameter, in the order of the list passed to step().
class Optimizer {
public:
    explicit Optimizer(Settings settings)
        : settings_(std::move(settings)), learningRate_(settings_.real("lr")) {}
    virtual ~Optimizer() = default;

    const ComponentSpec &spec() const { return settings_.spec(); }
    const Settings &settings() const { return settings_; }

    // The rate used by the next step; schedules change it between epochs.
    double learningRate() const { return learningRate_; }
    void setLearningRate(double rate) { learningRate_ = rate; }
    double baseLearningRate() const { return settings_.real("lr"); }

    // One update of every parameter from its grad (the grads are left as they are).
    virtual void step(const std::vector<Parameter *> &parameters) = 0;
    // Forgets moments and step counts (after weights are reset).
    virtual void reset() = 0;
    virtual OptimizerState state() const = 0;
    // Continues from `state`, taken from this kind of optimizer over `parameters`; throws
    // TrainingError, naming the parameter, when it does not fit them.
    virtual void restoreState(const OptimizerState &state, const std::vector<Parameter *> &parameters) = 0;
    // What the next step() would do to element `element` of parameters[parameter], from the grads as
    // they are now: its terms and the value it would write. Leaves the optimizer as it was. Throws
    // SettingError for an element the parameters do not hold.
    virtual UpdateExplanation explainUpdate(const std::vector<Parameter *> &parameters, size_t parameter,
                                            int64_t element) = 0;

protected:
    Settings settings_;
    double learningRate_;
};

} // namespace nn
