// ElementwiseOptimizer: base of the optimizers whose update treats every element on its own, so that
// parameters are cut into fixed chunks and updated in parallel, bitwise the same on any thread count.
#pragma once

#include "nn/optimizer.h"

#include <array>
#include <cstdint>
#include <vector>

namespace nn {

// Elements [begin, end) of one parameter: its value, its gradient and its state buffers.
struct ParameterSlice {
    static constexpr int kMaxBuffers = 3;

    float *value;  // (count)
    const float *grad;  // (count)
    std::array<float *, kMaxBuffers> buffers;  // each (count); moments, accumulators
    int64_t count;
    bool decays;  // weight decay applies (Parameter::decays)

    ArrayMap values() const { return {value, count}; }
    ConstArrayMap grads() const { return {grad, count}; }
    ArrayMap buffer(int index) const { return {buffers[size_t(index)], count}; }
};

// Keeps the state buffers of every parameter (sized on the first step) and runs update() over
// fixed chunks of all parameters' elements in one parallel loop per step.
class ElementwiseOptimizer : public Optimizer {
public:
    using Optimizer::Optimizer;

    void step(const std::vector<Parameter *> &parameters) final;
    void reset() final;
    OptimizerState state() const final;
    void restoreState(const OptimizerState &state, const std::vector<Parameter *> &parameters) final;
    UpdateExplanation explainUpdate(const std::vector<Parameter *> &parameters, size_t parameter,
                                    int64_t element) final;

protected:
    // Steps taken, counting the one being taken: 1 during the first step.
    int64_t stepCount() const { return steps_; }

    // State buffers per parameter, at most ParameterSlice::kMaxBuffers; read on the first step.
    virtual int bufferCount() const = 0;
    // The value every element of state buffer `index` starts from.
    virtual float initialValue(int /*index*/) const { return 0.0f; }
    // Called once per step before any element moves: per-step scalars (learning rate, bias corrections).
    virtual void prepareStep() = 0;
    // Updates one slice in place; called concurrently for disjoint slices.
    virtual void update(const ParameterSlice &slice) const = 0;

    // One element's state buffers around an update, for describe().
    struct ElementState {
        std::array<float, ParameterSlice::kMaxBuffers> before{}, after{};
        bool decays = true;
    };
    // Fills explanation.terms and .lines for the update of one element whose before, gradient and
    // after are set; called between prepareStep() and the next step, so this step's scalars hold.
    virtual void describe(UpdateExplanation &explanation, const ElementState &state) const = 0;

    // "g = ∇ + λ·w = …" when weight decay `decay` joins the gradient, else "g = ∇ = …"; returns g as
    // the update computes it in float.
    static float describeGradient(UpdateExplanation &explanation, float decay);

private:
    void allocateState(const std::vector<Parameter *> &parameters);
    void checkState(const std::vector<Parameter *> &parameters) const;

    // A fixed run of elements of one parameter: the unit of parallel work.
    struct Chunk {
        size_t parameter;
        int64_t begin;
        int64_t end;
    };

    int64_t steps_ = 0;
    std::vector<std::vector<Eigen::ArrayXf>> state_;  // [parameter][buffer], each (parameter size)
    std::vector<Chunk> chunks_;
    int64_t elements_ = 0;
};

} // namespace nn
