// Flatten: a copy under a new shape; the gradient flows back unchanged.
#include "flattenlayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {
const bool registeredFlattenLayer = registerLayer<FlattenLayer>();
} // namespace

const LayerSpec &FlattenLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Flatten";
        s.category = "Core";
        s.summary = "Flatten: lays each sample out as one row, [N, C, H, W] → [N, C·H·W]; put it before Dense.";
        return s;
    }();
    return spec;
}

Shape FlattenLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    if (in.size() < 2)
        throw ShapeError("Flatten expects [N, …] with at least one dim per sample but got " + toString(in) + ".");
    return {in[0], featuresPerSample(in)};
}

void FlattenLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];                          // (N, …)
    out.resize({x.dim(0), featuresPerSample(x.shape())});  // (N, ∏ …)
    out.vector() = x.vector();
}

void FlattenLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut, Saved &,
                            const std::vector<Tensor *> &dInputs, const RunContext &)
{
    if (dInputs[0])
        dInputs[0]->vector() += dOut.vector();
}

} // namespace nn
