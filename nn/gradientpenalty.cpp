// GradientPenalty: WGAN-GP's penalty and its parameter gradient by a directional central difference.
#include "gradientpenalty.h"

#include "random.h"

#include <cmath>

namespace nn {

void GradientPenalty::inputGradients(Model &critic, const Tensor &points, const RunContext &ctx)
{
    const int64_t n = points.dim(0), width = points.size() / std::max<int64_t>(n, 1);
    critic.forward(pass_, {&points}, ctx);
    ones_.resize(pass_.output().shape());
    ones_.fill(1.0f);
    critic.setFrozen(true);  // ∇x only: the parameters' grads keep D's loss gradient as it is
    critic.backward(pass_, {&ones_}, true);
    critic.setFrozen(false);
    unit_ = pass_.inputGradient();
    norms_.assign(static_cast<size_t>(n), 0.0);
    for (int64_t i = 0; i < n; ++i) {
        auto row = unit_.vector().segment(i * width, width);
        const double norm = row.cast<double>().norm();
        norms_[static_cast<size_t>(i)] = norm;
        if (norm > 0.0)
            row /= static_cast<float>(norm);
    }
}

double GradientPenalty::value(Model &critic, const Tensor &points, double lambda, const RunContext &ctx, double centre)
{
    inputGradients(critic, points, ctx);
    double sum = 0.0;
    for (double norm : norms_)
        sum += (norm - centre) * (norm - centre);
    return lambda * sum / static_cast<double>(std::max<size_t>(norms_.size(), 1));
}

double GradientPenalty::addGradient(Model &critic, const Tensor &real, const Tensor &fake, double lambda,
                                    const RunContext &ctx, uint64_t draw, double centre)
{
    const int64_t n = real.dim(0), width = real.size() / std::max<int64_t>(n, 1);
    mixed_.resize(real.shape());
    Rng rng = Rng::keyed(ctx.seed, "penalty/" + critic.key(), ctx.step, draw);
    for (int64_t i = 0; i < n; ++i) {
        const float e = rng.uniform();
        mixed_.vector().segment(i * width, width) =
            e * real.vector().segment(i * width, width) + (1.0f - e) * fake.vector().segment(i * width, width);
    }
    const double penalty = value(critic, mixed_, lambda, ctx, centre);
    // ∂P/∂θ = Σ_i c_i ∂(u_i · ∇x D(x̂_i))/∂θ with c_i = 2λ(‖g_i‖ − c)/n, by the central difference.
    dOut_.resize(ones_.shape());
    for (const float sign : {1.0f, -1.0f}) {
        shifted_ = mixed_;
        shifted_.vector() += (sign * kStep) * unit_.vector();
        for (int64_t i = 0; i < n; ++i)
            dOut_[i] = sign * static_cast<float>(2.0 * lambda * (norms_[static_cast<size_t>(i)] - centre) /
                                                 static_cast<double>(n) / (2.0 * kStep));
        critic.forward(pass_, {&shifted_}, ctx);
        critic.backward(pass_, {&dOut_});
    }
    return penalty;
}

} // namespace nn
