// ElementwiseOptimizer: lazily sized state, and one deterministic parallel loop over fixed chunks.
#include "elementwiseoptimizer.h"

#include "nn/error.h"
#include "nn/parallel.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {
// 8192 floats: a chunk's value, gradient and buffers stay in the core's L2 cache across the few
// array expressions of one update.
constexpr int64_t kOptimizerChunkElements = 8192;
// Rough cost of one element's update, to decide whether the thread pool is worth waking.
constexpr double kOptimizerFlopsPerElement = 16.0;
}

void ElementwiseOptimizer::allocateState(const std::vector<Parameter *> &parameters)
{
    const int buffers = bufferCount();
    assert(buffers <= ParameterSlice::kMaxBuffers);
    state_.clear();
    chunks_.clear();
    elements_ = 0;
    for (size_t p = 0; p < parameters.size(); ++p) {
        const int64_t size = parameters[p]->value.size();
        auto &state = state_.emplace_back();
        for (int b = 0; b < buffers; ++b)
            state.push_back(Eigen::ArrayXf::Constant(size, initialValue(b)));
        for (int64_t begin = 0; begin < size; begin += kOptimizerChunkElements)
            chunks_.push_back({p, begin, std::min(size, begin + kOptimizerChunkElements)});
        elements_ += size;
    }
}

void ElementwiseOptimizer::checkState(const std::vector<Parameter *> &parameters) const
{
    bool same = state_.size() == parameters.size();
    for (size_t p = 0; same && p < parameters.size(); ++p)
        same = parameters[p]->grad.size() == parameters[p]->value.size() &&
               (state_[p].empty() || state_[p].front().size() == parameters[p]->value.size());
    if (!same)
        throw TrainingError(spec().kind + " was given other parameters than in its earlier steps; reset the "
                            "optimizer whenever the network changes.");
}

void ElementwiseOptimizer::step(const std::vector<Parameter *> &parameters)
{
    if (steps_ == 0)
        allocateState(parameters);
    checkState(parameters);
    ++steps_;
    prepareStep();
    const auto run = [&](int64_t first, int64_t last) {
        for (int64_t c = first; c < last; ++c) {
            const Chunk &chunk = chunks_[size_t(c)];
            Parameter &parameter = *parameters[chunk.parameter];
            if (parameter.frozen)  // no gradient, no move, and its moments wait until it thaws
                continue;
            ParameterSlice slice{parameter.value.data() + chunk.begin, parameter.grad.data() + chunk.begin, {},
                                 chunk.end - chunk.begin, parameter.decays};
            auto &state = state_[chunk.parameter];
            for (size_t b = 0; b < state.size(); ++b)
                slice.buffers[b] = state[b].data() + chunk.begin;
            update(slice);
        }
    };
    parallelChunks(int64_t(chunks_.size()), 1, double(elements_) * kOptimizerFlopsPerElement, run);
}

void ElementwiseOptimizer::reset()
{
    steps_ = 0;
    state_.clear();
    chunks_.clear();
    elements_ = 0;
}

OptimizerState ElementwiseOptimizer::state() const
{
    OptimizerState saved{steps_, {}};
    for (const auto &buffers : state_) {
        auto &copies = saved.buffers.emplace_back();
        for (const Eigen::ArrayXf &buffer : buffers) {
            Tensor copy({buffer.size()});
            std::copy(buffer.data(), buffer.data() + buffer.size(), copy.data());
            copies.push_back(std::move(copy));
        }
    }
    return saved;
}

void ElementwiseOptimizer::restoreState(const OptimizerState &saved, const std::vector<Parameter *> &parameters)
{
    reset();
    if (saved.steps == 0)
        return;
    if (saved.steps < 0 || saved.buffers.size() != parameters.size())
        throw TrainingError(spec().kind + "'s saved state is for " + std::to_string(saved.buffers.size()) +
                            " parameters, but the network has " + std::to_string(parameters.size()) + ".");
    allocateState(parameters);
    for (size_t p = 0; p < parameters.size(); ++p) {
        if (saved.buffers[p].size() != state_[p].size())
            throw TrainingError(spec().kind + "'s saved state has " + std::to_string(saved.buffers[p].size()) +
                                " buffers for parameter " + parameters[p]->name + ", but it keeps " +
                                std::to_string(state_[p].size()) + ".");
        for (size_t b = 0; b < state_[p].size(); ++b) {
            const Tensor &buffer = saved.buffers[p][b];
            if (buffer.size() != state_[p][b].size())
                throw TrainingError(spec().kind + "'s saved state for parameter " + parameters[p]->name + " has " +
                                    std::to_string(buffer.size()) + " values, but the parameter has " +
                                    std::to_string(state_[p][b].size()) + ".");
            std::copy(buffer.data(), buffer.data() + buffer.size(), state_[p][b].data());
        }
    }
    steps_ = saved.steps;
}

} // namespace nn

namespace nn {

namespace {

// A copy of `count` floats from `source` that starts at the same offset from a 64-byte boundary, so
// that Eigen's vector loops split it into the same scalar head, packets and tail as the original.
class AlignedCopy {
public:
    AlignedCopy(const float *source, int64_t count) : storage_(size_t(count) + 16)
    {
        const auto offsetOf = [](const void *p) { return (reinterpret_cast<uintptr_t>(p) % 64) / sizeof(float); };
        const size_t shift = (offsetOf(source) + 16 - offsetOf(storage_.data())) % 16;
        data_ = storage_.data() + shift;
        std::copy(source, source + count, data_);
    }
    float *data() { return data_; }

private:
    std::vector<float> storage_;
    float *data_;
};

} // namespace

UpdateExplanation ElementwiseOptimizer::explainUpdate(const std::vector<Parameter *> &parameters, size_t p,
                                                      int64_t element)
{
    if (p >= parameters.size() || element < 0 || element >= parameters[p]->value.size())
        throw SettingError(spec().kind + " cannot explain element " + std::to_string(element) + " of parameter " +
                           std::to_string(p) + ": there is no such weight; choose one of the network's weights.");
    if (steps_ > 0)
        checkState(parameters);
    const Parameter &parameter = *parameters[p];
    // The chunk step() updates this element in, with copies of its values, gradients and buffers.
    const int64_t begin = element / kOptimizerChunkElements * kOptimizerChunkElements;
    const int64_t count = std::min(parameter.value.size(), begin + kOptimizerChunkElements) - begin;
    AlignedCopy values(parameter.value.data() + begin, count), grads(parameter.grad.data() + begin, count);
    const int buffers = bufferCount();
    std::vector<Eigen::ArrayXf> state;  // aligned as the state's chunks are (begin is a multiple of 8192)
    for (int b = 0; b < buffers; ++b)
        state.push_back(steps_ > 0 ? Eigen::ArrayXf(state_[p][size_t(b)].segment(begin, count))
                                   : Eigen::ArrayXf::Constant(count, initialValue(b)));
    ParameterSlice slice{values.data(), grads.data(), {}, count, parameter.decays};
    ElementState elementState;
    elementState.decays = parameter.decays;
    const int64_t at = element - begin;
    for (int b = 0; b < buffers; ++b) {
        slice.buffers[size_t(b)] = state[size_t(b)].data();
        elementState.before[size_t(b)] = state[size_t(b)][at];
    }

    UpdateExplanation explanation;
    explanation.optimizer = spec().kind;
    explanation.parameter = parameter.name;
    explanation.element = element;
    explanation.step = steps_ + 1;
    explanation.frozen = parameter.frozen;
    explanation.before = values.data()[at];
    explanation.gradient = grads.data()[at];
    ++steps_;  // this step's scalars, as step() will compute them
    prepareStep();
    if (!parameter.frozen)
        update(slice);
    --steps_;
    explanation.after = values.data()[at];
    for (int b = 0; b < buffers; ++b)
        elementState.after[size_t(b)] = state[size_t(b)][at];
    if (parameter.frozen)
        explanation.lines.push_back(parameter.name + " is frozen: the step leaves it as it is.");
    else
        describe(explanation, elementState);
    return explanation;
}

} // namespace nn

namespace nn {

float ElementwiseOptimizer::describeGradient(UpdateExplanation &e, float decay)
{
    e.add("w", "the weight before the step", e.before);
    e.add("∇", "∂L/∂w from backward", e.gradient);
    const float g = e.gradient + decay * e.before;
    if (decay != 0.0f) {
        e.add("λ", "weight decay", decay);
        e.lines.push_back("g = ∇ + λ·w = " + formatNumber(e.gradient) + " + " + formatNumber(decay) + "·" +
                          formatNumber(e.before) + " = " + formatNumber(g));
    } else {
        e.lines.push_back("g = ∇ = " + formatNumber(g));
    }
    e.add("g", "the gradient the step uses", g);
    return g;
}

} // namespace nn
