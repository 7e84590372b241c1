// Concat: each input seen as [outer, inner] (outer: the dims before the axis), copied into its columns.
#include "concatlayer.h"

#include "layeraxis.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>
#include <numeric>

namespace nn {

namespace {

const bool registeredConcatLayer = registerLayer<ConcatLayer>();

int64_t product(const Shape &shape, int from, int to)
{
    return std::accumulate(shape.begin() + from, shape.begin() + to, int64_t{1}, std::multiplies<>());
}

} // namespace

const LayerSpec &ConcatLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Concat";
        s.category = "Merge";
        s.summary = "Concat: joins its inputs side by side along one axis, e.g. [N, 3] and [N, 5] → [N, 8].";
        s.settings = {SettingSpec::integer("axis", -1, -1, 7,
                                           "Axis to join along, counting the batch as 0: 1 for channels of "
                                           "[N, C, H, W], -1 for the last")};
        s.minInputs = 2;
        s.maxInputs = LayerSpec::kAnyInputs;
        return s;
    }();
    return spec;
}

int ConcatLayer::axisFor(int rank) const { return resolvedAxis(settings_.integer("axis"), rank); }

Shape ConcatLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() >= 2);
    const Shape &first = inputs[0];
    const int rank = static_cast<int>(first.size());
    const int axis = checkedAxis("Concat", "join", settings_.integer("axis"), first);
    Shape out = first;
    for (size_t i = 1; i < inputs.size(); ++i) {
        const Shape &shape = inputs[i];
        bool fits = shape.size() == first.size();
        for (int d = 0; fits && d < rank; ++d)
            fits = d == axis || shape[size_t(d)] == first[size_t(d)];
        if (!fits)
            throw ShapeError("Concat along axis " + std::to_string(axis) + " needs inputs that match in every " +
                             "other dim but got " + toString(first) + " at input 0 and " + toString(shape) +
                             " at input " + std::to_string(i) + "; change the layers feeding it or the axis.");
        out[size_t(axis)] += shape[size_t(axis)];
    }
    return out;
}

void ConcatLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    std::vector<Shape> shapes;
    for (const Tensor *x : inputs)
        shapes.push_back(x->shape());
    out.resize(inferShape(shapes));  // (…, Σ dᵢ, …)
    const int axis = axisFor(out.rank());
    const int64_t outer = product(out.shape(), 0, axis);
    if (outer == 0)
        return;
    MatrixMap y = out.matrix(outer, out.size() / outer);  // (outer, Σ innerᵢ)
    int64_t offset = 0;
    for (const Tensor *x : inputs) {
        const int64_t inner = x->size() / outer;
        y.middleCols(offset, inner) = x->matrix(outer, inner);
        offset += inner;
    }
}

void ConcatLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &,
                           const std::vector<Tensor *> &dInputs, const RunContext &)
{
    const int axis = axisFor(out.rank());
    const int64_t outer = product(out.shape(), 0, axis);
    if (outer == 0)
        return;
    const ConstMatrixMap dy = dOut.matrix(outer, dOut.size() / outer);  // (outer, Σ innerᵢ)
    int64_t offset = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const int64_t inner = inputs[i]->size() / outer;
        if (dInputs[i])
            dInputs[i]->matrix(outer, inner) += dy.middleCols(offset, inner);
        offset += inner;
    }
}

} // namespace nn
