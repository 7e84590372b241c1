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
