// CrossEntropyLoss: log-sum-exp with the row maximum subtracted, so no logit overflows; one backward
// for softmax and cross-entropy together, dlogits = (p − q) / N.
#include "crossentropyloss.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nn {

namespace {
const bool registeredCrossEntropyLoss = registerLoss<CrossEntropyLoss>();
}

const LossSpec &CrossEntropyLoss::declaration()
{
    static const LossSpec spec{
        {"CrossEntropy", "Loss",
         "Cross-entropy: for picking one class of several; the outputs are class scores turned into "
         "probabilities by a softmax.",
         {SettingSpec::real("label_smoothing", 0.0, 0.0, 0.99,
                            "Spreads this share of every target over all classes, so the network is not "
                            "pushed towards total certainty.")}},
        TargetKind::ClassIndex,
        "softmax"};
    return spec;
}

CrossEntropyLoss::CrossEntropyLoss(Settings settings)
    : Loss(std::move(settings)), smoothing_(settings_.real("label_smoothing"))
{
}

void CrossEntropyLoss::checkInputs(const Tensor &prediction, const Tensor &target) const
{
    checkShapes(prediction.shape(), target.shape());
    const int64_t rows = prediction.size() / std::max<int64_t>(prediction.lastDim(), 1), classes = prediction.lastDim();
    const bool sequence = prediction.rank() > 2;
    if (target.size() != rows)
        throw ShapeError(spec().kind + " got outputs for " + std::to_string(rows) + (sequence ? " positions" : " samples") +
                         " but " + std::to_string(target.size()) + " class labels; give every " +
                         (sequence ? "position" : "sample") + " one label.");
    for (int64_t i = 0; i < rows; ++i) {
        const float label = target[i];
        if (label >= 0.0f && label < float(classes) && label == std::floor(label))
            continue;
        std::ostringstream message;
        message << spec().kind << " got the class label " << label << " for " << (sequence ? "position " : "sample ")
                << i << ", but the network outputs " << classes
                << " classes, so labels must be whole numbers from 0 to " << classes - 1
                << "; give the last Dense layer one unit per class.";
        throw Error(message.str());
    }
}

double CrossEntropyLoss::forward(const Tensor &prediction, const Tensor &target) const
{
    checkInputs(prediction, target);
    const auto logits = prediction.lastAxisRows();  // [N, K], or [N·T, K] for a sequence: the mean is over positions
    const int64_t samples = logits.rows(), classes = logits.cols();
    if (samples == 0)
        return 0.0;
    double total = 0.0;
    for (Eigen::Index i = 0; i < samples; ++i) {
        const auto row = logits.row(i).array().cast<double>();
        const double max = row.maxCoeff();
        const double logSumExp = max + std::log((row - max).exp().sum());
        const double negativeLogLikelihood = logSumExp - row(Eigen::Index(target[i]));
        // −Σ_k log softmax_k = K·logsumexp − Σ_k z_k
        const double uniformTerm = double(classes) * logSumExp - row.sum();
        total += (1.0 - smoothing_) * negativeLogLikelihood + smoothing_ / double(classes) * uniformTerm;
    }
    return total / double(samples);
}

void CrossEntropyLoss::backward(const Tensor &prediction, const Tensor &target, Tensor &dPrediction) const
{
    checkInputs(prediction, target);
    dPrediction.resize(prediction.shape());
    const auto logits = prediction.lastAxisRows();  // [N, K] or [N·T, K]
    auto dLogits = dPrediction.lastAxisRows();      // the same
    const int64_t samples = logits.rows(), classes = logits.cols();
    const float scale = 1.0f / float(samples);
    const float spread = float(smoothing_ / double(classes));
    const float onTarget = float(1.0 - smoothing_);
    for (Eigen::Index i = 0; i < samples; ++i) {
        auto probability = dLogits.row(i).array();
        probability = (logits.row(i).array() - logits.row(i).maxCoeff()).exp();
        probability *= scale / probability.sum();
        probability -= scale * spread;
        dLogits(i, Eigen::Index(target[i])) -= scale * onTarget;
    }
}

} // namespace nn
