// LossSurface: a 2-D slice of a network's loss through its initial weights (Li et al. 2018,
// "Visualizing the Loss Landscape of Neural Nets"), and where a run's weights lie on it.
#pragma once

#include "loss.h"
#include "model.h"

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace nn {

// The plane origin + a·first + b·second in weight space, one tensor per parameter
// (Model::parameterList order). Each direction is Gaussian noise normalised per filter: every row
// of a parameter (a Dense unit's incoming weights, a Conv2D filter: its first axis) is scaled to the
// norm of the same row of the origin's weights, so that the plane's scale matches the weights' own
// in every layer. 1-D parameters (biases, norm scales) get 0, as in the paper.
class SurfacePlane {
public:
    SurfacePlane() = default;
    // The plane through `weights`, with directions keyed by `seed`.
    static SurfacePlane through(const std::vector<const Tensor *> &weights, uint64_t seed);

    bool empty() const { return origin_.empty(); }
    const std::vector<Tensor> &origin() const { return origin_; }
    const std::vector<Tensor> &first() const { return first_; }
    const std::vector<Tensor> &second() const { return second_; }

    // The least-squares coordinates (a, b) of weights − origin on the two directions: where the
    // weights project onto the plane.
    std::pair<double, double> project(const std::vector<const Tensor *> &weights) const;
    // Writes origin + a·first + b·second into `weights`.
    void place(double a, double b, const std::vector<Tensor *> &weights) const;

private:
    std::vector<Tensor> origin_, first_, second_;
    double firstNorm2_ = 0.0, secondNorm2_ = 0.0, cross_ = 0.0;  // the normal equations' Gram matrix
};

// The loss over a size × size grid of the plane, centred on the origin: point (i, j) lies at
// a = halfA·(i − c)/c, b = halfB·(j − c)/c with c = (size − 1)/2 (the centre is exactly (0, 0)).
struct SurfaceGrid {
    int size = 0;
    double halfA = 1.0, halfB = 1.0;
    std::vector<double> loss;  // (size · size), row j (b) after row j − 1; NaN where it overflowed

    double a(int i) const { return halfA * (i - centre()) / centre(); }
    double b(int j) const { return halfB * (j - centre()) / centre(); }
    double at(int i, int j) const { return loss[size_t(j) * size_t(size) + size_t(i)]; }
    double centre() const { return (size - 1) / 2.0; }
};

// The mean loss of `model` (evaluation mode, as Trainer::evaluate) on the batch (x, y) under `loss`.
double batchLoss(Model &model, const Loss &loss, const Tensor &x, const Tensor &y, uint64_t seed);

// Evaluates the loss of `model`'s graph with its buffers (running statistics) at every point of a
// grid on `plane`, on the batch (x, y). Points are split into fixed chunks, each with its own copy
// of the model, and run in parallel on oneTBB's threads; the result does not depend on the thread
// count. `size` must be odd (≥ 3). Returns an empty grid when `cancel` turns true.
SurfaceGrid evaluateSurface(Model &model, const SurfacePlane &plane, const Loss &loss, const Tensor &x,
                            const Tensor &y, double halfA, double halfB, int size, uint64_t seed,
                            const std::atomic<bool> *cancel = nullptr);

} // namespace nn
