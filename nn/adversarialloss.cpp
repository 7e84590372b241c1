// AdversarialLoss: the GAN losses built on the registered BinaryCrossEntropy and MSE losses.
#include "adversarialloss.h"

#include "error.h"
#include "registry.h"

#include <cmath>

namespace nn {

AdversarialLoss::AdversarialLoss(std::string kind, double labelSmoothing)
    : kind_(std::move(kind)), labelSmoothing_(labelSmoothing)
{
    if (kind_ != "minimax" && kind_ != "non-saturating" && kind_ != "least-squares" && kind_ != "wasserstein-gp")
        throw SettingError("gan setting 'loss' cannot be '" + kind_ +
                           "'; choose minimax, non-saturating, least-squares or wasserstein-gp.");
    if (!wasserstein())
        base_ = lossRegistry().create(kind_ == "least-squares" ? "MSE" : "BinaryCrossEntropy");
}

AdversarialLoss::~AdversarialLoss() = default;

double AdversarialLoss::against(const Tensor &d, float target, Tensor &dOut) const
{
    targets_.resize(d.shape());
    targets_.fill(target);
    const double loss = base_->forward(d, targets_);
    base_->backward(d, targets_, dOut);
    return loss;
}

double AdversarialLoss::signedMean(const Tensor &d, float sign, Tensor &dOut)
{
    dOut.resize(d.shape());
    dOut.fill(sign / static_cast<float>(std::max<int64_t>(d.size(), 1)));
    return sign * d.vector().cast<double>().mean();
}

double AdversarialLoss::discriminator(const Tensor &d, bool real, Tensor &dOut) const
{
    if (wasserstein())
        return signedMean(d, real ? -1.0f : 1.0f, dOut);  // the critic raises real scores, lowers fake ones
    return against(d, real ? static_cast<float>(1.0 - labelSmoothing_) : 0.0f, dOut);
}

double AdversarialLoss::generator(const Tensor &d, Tensor &dOut) const
{
    if (wasserstein())
        return signedMean(d, -1.0f, dOut);
    if (kind_ != "minimax")
        return against(d, 1.0f, dOut);  // G wants D to call its samples real
    const double loss = -against(d, 0.0f, dOut);  // minimax: G ascends D's loss on its samples
    dOut.vector() *= -1.0f;
    return loss;
}

double AdversarialLoss::meanVerdict(const Tensor &d) const
{
    if (kind_ == "least-squares" || wasserstein())
        return d.vector().cast<double>().mean();
    return (1.0 / (1.0 + (-d.vector().cast<double>().array()).exp())).mean();
}

} // namespace nn
