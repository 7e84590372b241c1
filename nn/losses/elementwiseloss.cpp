// ElementwiseLoss: size checks and the mean over elements shared by the element-wise losses.
#include "elementwiseloss.h"

#include "nn/error.h"

namespace nn {

void ElementwiseLoss::checkSizes(const Tensor &prediction, const Tensor &target) const
{
    checkShapes(prediction.shape(), target.shape());
    if (prediction.size() != target.size())
        throw ShapeError(spec().kind + " got outputs of shape " + toString(prediction.shape()) +
                         " but targets of shape " + toString(target.shape()) +
                         "; every sample needs one target per output.");
}

double ElementwiseLoss::forward(const Tensor &prediction, const Tensor &target) const
{
    checkSizes(prediction, target);
    if (prediction.empty())
        return 0.0;
    return sumOfTerms(prediction.array(), target.array()) / double(prediction.size());
}

void ElementwiseLoss::backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const
{
    checkSizes(prediction, target);
    dPrediction.resize(prediction.shape());
    if (prediction.empty())
        return;
    termGradients(prediction.array(), target.array(), 1.0f / float(prediction.size()), dPrediction.array());
}

} // namespace nn
