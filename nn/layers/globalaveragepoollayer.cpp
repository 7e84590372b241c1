// GlobalAveragePool: one Eigen sum per contiguous plane; backward spreads dOut / (H·W) over it.
#include "globalaveragepoollayer.h"

#include "nn/registry.h"

#include <cassert>

namespace nn {

namespace {
const bool registeredGlobalAveragePoolLayer = registerLayer<GlobalAveragePoolLayer>();
} // namespace

const LayerSpec &GlobalAveragePoolLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "GlobalAveragePool";
        s.category = "Convolution";
        s.summary = "GlobalAveragePool: averages each channel over the whole image, [N, C, H, W] → [N, C]; "
                    "use it instead of Flatten before the classifier, with far fewer weights.";
        return s;
    }();
    return spec;
}

Shape GlobalAveragePoolLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    requireImages(spec().kind, in);
    return {in[0], in[1]};
}

void GlobalAveragePoolLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];  // (N, C, H, W)
    assert(x.rank() == 4);
    out.resize({x.dim(0), x.dim(1)});  // (N, C)
    const int64_t plane = x.dim(2) * x.dim(3);
    const auto count = static_cast<float>(plane);
    forEachPlane(out.size(), double(plane), [&](int64_t p) {
        out[p] = ConstArrayMap(x.data() + p * plane, plane).sum() / count;
    });
}

void GlobalAveragePoolLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &, const Tensor &dOut, Saved &,
                                      const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, C, H, W) or nullptr: the input needs no gradient
    if (!dx)
        return;
    assert(dx->shape() == inputs[0]->shape() && dOut.size() == dx->dim(0) * dx->dim(1));
    (void)inputs;
    const int64_t plane = dx->dim(2) * dx->dim(3);
    const auto count = static_cast<float>(plane);
    forEachPlane(dOut.size(), double(plane), [&](int64_t p) {
        ArrayMap(dx->data() + p * plane, plane) += dOut[p] / count;
    });
}

} // namespace nn
