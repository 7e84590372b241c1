// MixtureCoverage: how well generated 2D points cover a Gaussian mixture's modes (the ring or the
// grid): the share of points within 3σ of each centre, and of points near any centre.
#pragma once

#include "nn/tensor.h"

#include <string>
#include <utility>
#include <vector>

namespace datasets {

struct MixtureCoverage {
    std::vector<double> perMode;  // the share of all points within 3σ of each centre
    double nearAnyMode = 0.0;     // the share of points within 3σ of some centre
    // How many modes hold at least `share` of the points.
    int modesHolding(double share) const;

    // Measures points [N, 2] against `centres` of Gaussians of standard deviation `sigma`.
    static MixtureCoverage measure(const nn::Tensor &points, const std::vector<std::pair<float, float>> &centres, double sigma);
};

} // namespace datasets
