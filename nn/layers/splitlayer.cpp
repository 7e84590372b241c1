// Split: the input seen as [outer, inner] (outer: the dims before the axis); part p is the p-th
// block of inner / parts columns, copied out in forward and added back in backward.
#include "splitlayer.h"

#include "layeraxis.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <cassert>
#include <numeric>

namespace nn {

namespace {

const bool registeredSplitLayer = registerLayer<SplitLayer>();

int64_t leadingProduct(const Shape &shape, int axis)
{
    return std::accumulate(shape.begin(), shape.begin() + axis, int64_t{1}, std::multiplies<>());
}

} // namespace

const LayerSpec &SplitLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Split";
        s.category = "Merge";
        s.summary = "Split: cuts its input into equal parts along one axis, one output each, e.g. [N, 8] → "
                    "[N, 4] and [N, 4]; the inverse of Concat.";
        s.settings = {SettingSpec::integer("parts", 2, 2, 16, "How many equal parts, one output port each"),
                      SettingSpec::integer("axis", -1, -1, 7,
                                           "Axis to cut along, counting the batch as 0: 1 for channels of "
                                           "[N, C, H, W], -1 for the last")};
        return s;
    }();
    return spec;
}

std::vector<std::string> SplitLayer::outputPorts() const
{
    std::vector<std::string> ports;
    for (int p = 1; p <= parts(); ++p)
        ports.push_back("part" + std::to_string(p));
    return ports;
}

int SplitLayer::axisFor(int rank) const { return resolvedAxis(settings_.integer("axis"), rank); }

std::vector<Shape> SplitLayer::inferPortShapes(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    const int axis = checkedAxis("Split", "cut", settings_.integer("axis"), in);
    const int64_t size = in[size_t(axis)];
    if (size % parts() != 0)
        throw ShapeError("Split cannot cut " + std::to_string(size) + " values along axis " + std::to_string(axis) +
                         " of " + toString(in) + " into " + std::to_string(parts()) +
                         " equal parts; choose a number of parts that divides " + std::to_string(size) + ".");
    Shape part = in;
    part[size_t(axis)] = size / parts();
    return std::vector<Shape>(size_t(parts()), part);
}

void SplitLayer::forwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<Tensor *> &outs, Saved &,
                              const RunContext &)
{
    const Tensor &x = *inputs[0];
    const std::vector<Shape> shapes = inferPortShapes({x.shape()});
    const int64_t outer = leadingProduct(x.shape(), axisFor(x.rank()));
    for (size_t p = 0; p < outs.size(); ++p)
        outs[p]->resize(shapes[p]);  // (…, size / parts, …)
    if (outer == 0)
        return;
    const int64_t inner = x.size() / outer / parts();
    const ConstMatrixMap whole = x.matrix(outer, x.size() / outer);  // (outer, parts · inner)
    for (size_t p = 0; p < outs.size(); ++p)
        outs[p]->matrix(outer, inner) = whole.middleCols(int64_t(p) * inner, inner);
}

void SplitLayer::backwardPorts(const std::vector<const Tensor *> &inputs, const std::vector<const Tensor *> &,
                               const std::vector<const Tensor *> &dOuts, Saved &, const std::vector<Tensor *> &dInputs,
                               const RunContext &)
{
    const Tensor &x = *inputs[0];
    const int64_t outer = leadingProduct(x.shape(), axisFor(x.rank()));
    if (!dInputs[0] || outer == 0)
        return;
    const int64_t inner = x.size() / outer / parts();
    MatrixMap dWhole = dInputs[0]->matrix(outer, x.size() / outer);  // (outer, parts · inner)
    for (size_t p = 0; p < dOuts.size(); ++p)
        dWhole.middleCols(int64_t(p) * inner, inner) += dOuts[p]->matrix(outer, inner);
}

} // namespace nn
