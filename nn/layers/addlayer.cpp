// Add: y = x₀ + x₁ + …; ∂L/∂xᵢ = ∂L/∂y for every input.
#include "addlayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {
const bool registeredAddLayer = registerLayer<AddLayer>();
} // namespace

const LayerSpec &AddLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Add";
        s.category = "Merge";
        s.summary = "Add: sums its inputs value by value; the join of a residual (skip) connection.";
        s.minInputs = 2;
        s.maxInputs = LayerSpec::kAnyInputs;
        return s;
    }();
    return spec;
}

Shape AddLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() >= 2);
    for (size_t i = 1; i < inputs.size(); ++i)
        if (inputs[i] != inputs[0])
            throw ShapeError("Add needs inputs of the same shape but got " + toString(inputs[0]) + " at input 0 and " +
                             toString(inputs[i]) + " at input " + std::to_string(i) +
                             "; make the layers feeding it produce the same shape.");
    return inputs[0];
}

void AddLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    out.resize(inputs[0]->shape());  // (N, …)
    out.vector() = inputs[0]->vector();
    for (size_t i = 1; i < inputs.size(); ++i) {
        assert(inputs[i]->shape() == out.shape());
        out.vector() += inputs[i]->vector();
    }
}

void AddLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut, Saved &,
                        const std::vector<Tensor *> &dInputs, const RunContext &)
{
    for (Tensor *dx : dInputs)
        if (dx)
            dx->vector() += dOut.vector();
}

} // namespace nn
