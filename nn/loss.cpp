// Loss defaults: shape checks by target kind, and probabilities by the declared output activation.
#include "loss.h"

#include "error.h"
#include "registry.h"

#include <algorithm>

namespace nn {

void Loss::checkShapes(const Shape &prediction, const Shape &target) const
{
    const auto sameSamples = [&] {
        return Shape(prediction.begin() + 1, prediction.end()) == Shape(target.begin() + 1, target.end());
    };
    switch (targetKind()) {
    case TargetKind::ClassIndex:
        // [N, K] scores with [N] class numbers, or a sequence's [N, T, K] with [N, T]: one per position.
        if (prediction.size() < 2 || prediction.size() > 3 || target.size() + 1 != prediction.size())
            throw ShapeError(spec().kind + " compares class scores [N, classes] with class numbers, but the network "
                             "outputs " + toString(prediction) + "; end the network in a Dense layer with one unit per class.");
        if (!std::equal(target.begin() + 1, target.end(), prediction.begin() + 1))
            throw ShapeError(spec().kind + " compares scores " + toString(prediction) + " with class numbers " +
                             toString(target) + ": a sequence needs one class number per position.");
        return;
    case TargetKind::Binary:
    case TargetKind::Values:
        if (!sameSamples())
            throw ShapeError(spec().kind + " needs the network's output " + toString(prediction) +
                             " to match the targets " + toString(target) + "; end the network in a Dense layer with " +
                             std::to_string(featuresPerSample(target)) + " unit(s).");
        return;
    }
}

void Loss::probabilities(const Tensor &prediction, Tensor &result) const
{
    result = prediction;
    if (spec().outputActivation == "softmax") {
        auto m = result.lastAxisRows();
        for (Eigen::Index r = 0; r < m.rows(); ++r) {
            auto row = m.row(r).array();
            row = (row - row.maxCoeff()).exp();
            row /= row.sum();
        }
    } else if (spec().outputActivation == "sigmoid") {
        result.array() = 1.0f / (1.0f + (-result.array()).exp());
    }
}

std::string outputActivationForLoss(const std::string &loss)
{
    return lossRegistry().contains(loss) ? lossRegistry().spec(loss).outputActivation : "none";
}

} // namespace nn
