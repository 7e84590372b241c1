// LossSurface: filter-normalised random directions, least-squares projection and the grid's
// evaluation on model copies, one per chunk of points.
#include "losssurface.h"

#include "random.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cassert>
#include <cmath>
#include <string>

namespace nn {

namespace {

// Gaussian noise shaped like `weights`, each row (first axis) scaled to that row's norm in `weights`;
// zero for tensors of rank < 2.
Tensor filterNormalisedDirection(const Tensor &weights, uint64_t seed, std::string_view key, uint64_t index)
{
    Tensor direction(weights.shape());
    if (weights.rank() < 2 || weights.size() == 0)
        return direction;
    Rng rng = Rng::keyed(seed, key, index);
    for (int64_t i = 0; i < direction.size(); ++i)
        direction[i] = rng.normal();
    auto rows = direction.matrix();  // (dim 0, rest)
    const auto origin = weights.matrix();
    for (int64_t r = 0; r < rows.rows(); ++r) {
        const double noise = rows.row(r).cast<double>().norm();
        const double target = origin.row(r).cast<double>().norm();
        rows.row(r) *= noise > 0.0 ? float(target / noise) : 0.0f;
    }
    return direction;
}

double dot(const std::vector<Tensor> &a, const std::vector<Tensor> &b)
{
    double sum = 0.0;
    for (size_t p = 0; p < a.size(); ++p)
        sum += a[p].vector().cast<double>().dot(b[p].vector().cast<double>());
    return sum;
}

// A copy of `model` (its graph, parameters and buffers) to evaluate the grid on.
std::unique_ptr<Model> copyOf(Model &model)
{
    auto copy = std::make_unique<Model>(model.graph(), 0, model.key());
    const auto from = model.parametersAndBuffers();
    const auto to = copy->parametersAndBuffers();
    for (size_t i = 0; i < from.size(); ++i)
        to[i].parameter->value = from[i].parameter->value;
    return copy;
}

} // namespace

SurfacePlane SurfacePlane::through(const std::vector<const Tensor *> &weights, uint64_t seed)
{
    SurfacePlane plane;
    for (size_t p = 0; p < weights.size(); ++p) {
        plane.origin_.push_back(*weights[p]);
        plane.first_.push_back(filterNormalisedDirection(*weights[p], seed, "surface/first", p));
        plane.second_.push_back(filterNormalisedDirection(*weights[p], seed, "surface/second", p));
    }
    plane.firstNorm2_ = dot(plane.first_, plane.first_);
    plane.secondNorm2_ = dot(plane.second_, plane.second_);
    plane.cross_ = dot(plane.first_, plane.second_);
    return plane;
}

std::pair<double, double> SurfacePlane::project(const std::vector<const Tensor *> &weights) const
{
    assert(weights.size() == origin_.size());
    // Normal equations [d1·d1 d1·d2; d1·d2 d2·d2] (a, b) = (d1·δ, d2·δ) with δ = weights − origin.
    double r1 = 0.0, r2 = 0.0;
    for (size_t p = 0; p < origin_.size(); ++p) {
        const Eigen::ArrayXd delta = weights[p]->array().cast<double>() - origin_[p].array().cast<double>();
        r1 += (first_[p].array().cast<double>() * delta).sum();
        r2 += (second_[p].array().cast<double>() * delta).sum();
    }
    const double determinant = firstNorm2_ * secondNorm2_ - cross_ * cross_;
    if (!(determinant > 0.0))
        return {0.0, 0.0};
    return {(secondNorm2_ * r1 - cross_ * r2) / determinant, (firstNorm2_ * r2 - cross_ * r1) / determinant};
}

void SurfacePlane::place(double a, double b, const std::vector<Tensor *> &weights) const
{
    assert(weights.size() == origin_.size());
    for (size_t p = 0; p < origin_.size(); ++p)
        weights[p]->array() = origin_[p].array() + float(a) * first_[p].array() + float(b) * second_[p].array();
}

double batchLoss(Model &model, const Loss &loss, const Tensor &x, const Tensor &y, uint64_t seed)
{
    Tensor target = y;
    if (loss.targetKind() == TargetKind::Binary && target.rank() == 1)  // class data [N] against [N, 1] logits
        target.reshape({target.dim(0), 1});
    Pass pass;
    model.forward(pass, {&x}, RunContext{false, seed, 0});
    return loss.forward(pass.output(), target);
}

SurfaceGrid evaluateSurface(Model &model, const SurfacePlane &plane, const Loss &loss, const Tensor &x,
                            const Tensor &y, double halfA, double halfB, int size, uint64_t seed,
                            const std::atomic<bool> *cancel)
{
    assert(size >= 3 && size % 2 == 1);
    SurfaceGrid grid;
    grid.size = size;
    grid.halfA = halfA;
    grid.halfB = halfB;
    grid.loss.assign(size_t(size) * size_t(size), std::nan(""));
    const int64_t points = int64_t(size) * size;
    constexpr int64_t kChunks = 16;  // fixed, so that each point's value never depends on the threads
    const int64_t perChunk = (points + kChunks - 1) / kChunks;
    tbb::parallel_for(tbb::blocked_range<int64_t>(0, kChunks, 1), [&](const tbb::blocked_range<int64_t> &range) {
        for (int64_t chunk = range.begin(); chunk != range.end(); ++chunk) {
            const int64_t begin = chunk * perChunk, end = std::min(points, begin + perChunk);
            if (begin >= end)
                continue;
            std::unique_ptr<Model> copy = copyOf(model);
            std::vector<Tensor *> weights;
            for (Parameter *parameter : copy->parameterList())
                weights.push_back(&parameter->value);
            for (int64_t point = begin; point < end; ++point) {
                if (cancel && cancel->load())
                    return;
                const int i = int(point % size), j = int(point / size);
                plane.place(grid.a(i), grid.b(j), weights);
                const double value = batchLoss(*copy, loss, x, y, seed);
                grid.loss[size_t(point)] = std::isfinite(value) ? value : std::nan("");
            }
        }
    });
    if (cancel && cancel->load())
        return {};
    return grid;
}

} // namespace nn
