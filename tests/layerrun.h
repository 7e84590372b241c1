// One layer run forward and backward for tests: everything it produces, compared bit for bit,
// and the check that 2 and 16 threads give exactly what 1 thread gives.
#pragma once

#include "nn/layer.h"
#include "nn/threadarena.h"

#include <cstring>
#include <string>
#include <vector>

namespace layerrun {

// Forward and backward of a one-input layer with zeroed gradients: the output, the input gradient,
// each parameter's gradient, then each buffer after the forward.
inline std::vector<nn::Tensor> run(nn::Layer &layer, const nn::Tensor &x, const nn::Tensor &dy,
                                   const nn::RunContext &ctx = {})
{
    nn::Tensor y, dx(x.shape());
    nn::Saved saved;
    for (nn::Parameter *p : layer.parameters())
        p->grad.setZero();
    layer.forward({&x}, y, saved, ctx);
    layer.backward({&x}, y, dy, saved, {&dx}, ctx);
    std::vector<nn::Tensor> all{y, dx};
    for (nn::Parameter *p : layer.parameters())
        all.push_back(p->grad);
    for (nn::Parameter *b : layer.buffers())
        all.push_back(b->value);
    return all;
}

inline bool bitwiseEqual(const nn::Tensor &a, const nn::Tensor &b)
{
    return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(float)) == 0;
}

// run() inside an arena of `threads` threads.
inline std::vector<nn::Tensor> runOn(int threads, nn::Layer &layer, const nn::Tensor &x, const nn::Tensor &dy,
                                     const nn::RunContext &ctx = {})
{
    return nn::ThreadArena(threads).run([&] { return run(layer, x, dy, ctx); });
}

// "" when run() on 2 and on 16 threads is bitwise the run on 1 thread, else what differs first.
inline std::string threadCountDifference(nn::Layer &layer, const nn::Tensor &x, const nn::Tensor &dy,
                                         const nn::RunContext &ctx = {})
{
    const std::vector<nn::Tensor> reference = runOn(1, layer, x, dy, ctx);
    for (int threads : {2, 16}) {
        const std::vector<nn::Tensor> result = runOn(threads, layer, x, dy, ctx);
        for (size_t i = 0; i < result.size(); ++i)
            if (!bitwiseEqual(result[i], reference[i])) {
                const std::string what = i == 0 ? "the output" : i == 1 ? "the input gradient"
                                                                        : "result " + std::to_string(i) +
                                                                              " (parameter gradients, then buffers)";
                return what + " differs between 1 and " + std::to_string(threads) + " threads";
            }
    }
    return {};
}

} // namespace layerrun
