// Finite-difference gradient checks in the manner of ggml's test-grad0: every input and parameter
// element, central differences, absolute and relative error, a message naming op, index and values.
#pragma once

#include "nn/layer.h"
#include "nn/loss.h"
#include "nn/random.h"

#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace gradcheck {

struct Tolerance {
    double epsilon = 1e-2;   // step; float32 forward passes need a coarse one
    double absolute = 2e-3;  // pass when |analytic − numeric| ≤ absolute …
    double relative = 2e-2;  // … or ≤ relative · max(|analytic|, |numeric|)
};

inline nn::Tensor randomTensor(const nn::Shape &shape, uint64_t seed, float low = -1.0f, float high = 1.0f)
{
    nn::Rng rng(seed);
    nn::Tensor t(shape);
    for (int64_t i = 0; i < t.size(); ++i)
        t[i] = rng.uniform(low, high);
    return t;
}

// Compares analytic and numeric gradient of `value` with respect to `x`; "" when all agree.
inline std::string compare(const std::string &what, nn::Tensor &x, const nn::Tensor &analytic,
                           const std::function<double()> &value, const Tolerance &tol)
{
    for (int64_t i = 0; i < x.size(); ++i) {
        const float saved = x[i];
        x[i] = saved + static_cast<float>(tol.epsilon);
        const double plus = value();
        x[i] = saved - static_cast<float>(tol.epsilon);
        const double minus = value();
        x[i] = saved;
        const double numeric = (plus - minus) / (2.0 * tol.epsilon);
        const double error = std::abs(analytic[i] - numeric);
        const double scale = std::max(std::abs(double(analytic[i])), std::abs(numeric));
        if (!(error <= tol.absolute || error <= tol.relative * scale)) {
            std::ostringstream out;
            out << what << " element " << i << ": analytic " << analytic[i] << ", numeric " << numeric
                << " (abs error " << error << ")";
            return out.str();
        }
    }
    return {};
}

// Checks a layer's input and parameter gradients for L = Σₚ Σ rₚ ⊙ portₚ(inputs), rₚ fixed random per
// output port. The layer must be built. Returns "" or the first mismatch.
inline std::string checkLayer(nn::Layer &layer, std::vector<nn::Tensor> inputs, const nn::RunContext &ctx,
                              const Tolerance &tol = {})
{
    const auto pointers = [&] {
        std::vector<const nn::Tensor *> p;
        for (auto &t : inputs)
            p.push_back(&t);
        return p;
    };
    const size_t ports = layer.outputPorts().size();
    const auto forward = [&](std::vector<nn::Tensor> &outs, nn::Saved &saved) {
        outs.resize(ports);
        std::vector<nn::Tensor *> o;
        for (auto &t : outs)
            o.push_back(&t);
        layer.forwardPorts(pointers(), o, saved, ctx);
    };
    std::vector<nn::Tensor> outs, weights;
    nn::Saved saved;
    forward(outs, saved);
    for (size_t p = 0; p < ports; ++p)
        weights.push_back(randomTensor(outs[p].shape(), 99 + p));
    const auto loss = [&]() -> double {
        std::vector<nn::Tensor> o;
        nn::Saved own;  // a call of its own: the checked call's record stays as its forward left it
        forward(o, own);
        double sum = 0.0;
        for (size_t p = 0; p < ports; ++p)
            for (int64_t i = 0; i < o[p].size(); ++i)
                sum += double(o[p][i]) * weights[p][i];
        return sum;
    };

    std::vector<nn::Tensor> dInputs;
    std::vector<nn::Tensor *> dPointers;
    for (auto &t : inputs)
        dInputs.emplace_back(t.shape());
    for (auto &t : dInputs)
        dPointers.push_back(&t);
    for (auto *p : layer.parameters())
        p->grad.setZero();
    std::vector<const nn::Tensor *> outPointers, weightPointers;
    for (size_t p = 0; p < ports; ++p) {
        outPointers.push_back(&outs[p]);
        weightPointers.push_back(&weights[p]);
    }
    layer.backwardPorts(pointers(), outPointers, weightPointers, saved, dPointers, ctx);

    const std::string op = layer.spec().kind;
    for (size_t i = 0; i < inputs.size(); ++i)
        if (auto failure = compare(op + " input " + std::to_string(i), inputs[i], dInputs[i], loss, tol);
            !failure.empty())
            return failure;
    for (auto *p : layer.parameters())
        if (auto failure = compare(op + " parameter " + p->name, p->value, p->grad, loss, tol); !failure.empty())
            return failure;
    return {};
}

// Checks ∂loss/∂prediction against central differences.
inline std::string checkLoss(const nn::Loss &loss, nn::Tensor prediction, const nn::Tensor &target,
                             const Tolerance &tol = {})
{
    nn::Tensor analytic;
    loss.backward(prediction, target, analytic);
    return compare(loss.spec().kind + " prediction", prediction, analytic,
                   [&] { return loss.forward(prediction, target); }, tol);
}

} // namespace gradcheck
