// GradientPenalty: λ·mean_i (‖∇x D(x̂_i)‖ − c)² at points x̂ between real and generated samples, with
// its gradient with respect to D's parameters: c = 1 is WGAN-GP's (Gulrajani et al., 2017), c = 0 the
// zero-centred penalty that keeps a GAN's D smooth (Thanh-Tung et al., 2019).
#pragma once

#include "model.h"

namespace nn {

// The engine has no second derivatives, so ∂/∂θ ‖∇x D(x̂)‖ = ∂/∂θ [u · ∇x D(x̂)] (u = the unit gradient,
// held fixed) is taken as a central difference of D's parameter gradient along u:
// [∇θ D(x̂ + h·u) − ∇θ D(x̂ − h·u)] / 2h. This is exact where D is linear along u (ReLU and LeakyReLU
// networks between kinks) and O(h²) close elsewhere.
class GradientPenalty {
public:
    // Step h of the central difference, in the data's units (the 2D sets span a few units).
    static constexpr float kStep = 1e-2f;

    // Adds the penalty's gradient into the critic's parameter gradients and returns the penalty.
    // x̂ = ε·real + (1 − ε)·fake, ε ~ U(0, 1) per sample, from a stream keyed by the run's seed,
    // the step and `draw`.
    // `centre` is c: 1 for WGAN-GP, 0 for the zero-centred penalty.
    double addGradient(Model &critic, const Tensor &real, const Tensor &fake, double lambda, const RunContext &ctx,
                       uint64_t draw, double centre = 1.0);
    // The penalty alone at given points x̂ (for tests): λ·mean_i (‖∇x D(x̂_i)‖ − c)².
    double value(Model &critic, const Tensor &points, double lambda, const RunContext &ctx, double centre = 1.0);

private:
    // ∇x D at `points` into unit_ (the unit directions) and norms_; D's parameter grads untouched.
    void inputGradients(Model &critic, const Tensor &points, const RunContext &ctx);

    Pass pass_;
    Tensor mixed_, shifted_, ones_, dOut_;
    std::vector<double> norms_;
    Tensor unit_;
};

} // namespace nn
