// Reshape: the target shape with its -1 resolved, checked against the input's value count.
#include "reshapelayer.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {

const bool registeredReshapeLayer = registerLayer<ReshapeLayer>();

// "[3, -1]": the setting as written (toString would show -1 as the batch, N).
std::string targetText(const std::vector<int64_t> &target)
{
    std::string text = "[";
    for (size_t i = 0; i < target.size(); ++i)
        text += (i > 0 ? ", " : "") + std::to_string(target[i]);
    return text + "]";
}

} // namespace

const LayerSpec &ReshapeLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Reshape";
        s.category = "Core";
        s.summary = "Reshape: arranges each sample's values in a new shape, such as [784] → [1, 28, 28].";
        s.settings = {SettingSpec::integers("shape", {-1}, -1, 1000000,
                                            "Shape of one sample without the batch; one entry may be -1 "
                                            "to take whatever is left: [1, 28, 28], [-1]")};
        return s;
    }();
    return spec;
}

Shape ReshapeLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    const auto &target = settings_.integers("shape");
    const auto minusOnes = std::count(target.begin(), target.end(), int64_t{-1});
    if (target.empty() || std::count(target.begin(), target.end(), int64_t{0}) > 0)
        throw ShapeError("Reshape's shape " + targetText(target) + " needs at least one dim and no zeros.");
    if (minusOnes > 1)
        throw ShapeError("Reshape's shape " + targetText(target) +
                         " has more than one -1; only one dim can be inferred.");
    const int64_t count = featuresPerSample(in);
    // With one -1 among the dims, elementCount is minus the product of the others.
    const int64_t known = minusOnes ? -elementCount(target) : elementCount(target);
    const std::string cannot = "Reshape cannot turn " + toString(in) + " into [N, " + targetText(target).substr(1) +
                               ": a sample has " + std::to_string(count) + " values";
    if (!minusOnes && known != count)
        throw ShapeError(cannot + " but that shape holds " + std::to_string(known) + "; make the shape's product " +
                         std::to_string(count) + ", or let one dim be -1.");
    if (minusOnes && count % known != 0)
        throw ShapeError(cannot + ", which the other dims' product " + std::to_string(known) +
                         " does not divide; change them so that it does.");
    Shape out{in.empty() ? kBatch : in[0]};
    for (int64_t dim : target)
        out.push_back(dim == -1 ? count / known : dim);
    return out;
}

void ReshapeLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];         // (N, …)
    out.resize(inferShape({x.shape()}));  // (N, shape…)
    out.vector() = x.vector();
}

void ReshapeLayer::backward(const std::vector<const Tensor *> &, const Tensor &, const Tensor &dOut, Saved &,
                            const std::vector<Tensor *> &dInputs, const RunContext &)
{
    if (dInputs[0])
        dInputs[0]->vector() += dOut.vector();
}

} // namespace nn
