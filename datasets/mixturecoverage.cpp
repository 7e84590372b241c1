// MixtureCoverage: each point counted for the nearest centre within 3σ, if any.
#include "mixturecoverage.h"

#include <algorithm>
#include <cmath>

namespace datasets {

int MixtureCoverage::modesHolding(double share) const
{
    return static_cast<int>(std::count_if(perMode.begin(), perMode.end(), [share](double s) { return s >= share; }));
}

MixtureCoverage MixtureCoverage::measure(const nn::Tensor &points, const std::vector<std::pair<float, float>> &centres, double sigma)
{
    MixtureCoverage coverage;
    coverage.perMode.assign(centres.size(), 0.0);
    const int64_t n = points.rank() == 0 ? 0 : points.dim(0);
    const double radius = 3.0 * sigma;
    int64_t near = 0;
    for (int64_t i = 0; i < n; ++i) {
        double best = radius;
        int mode = -1;
        for (size_t m = 0; m < centres.size(); ++m) {
            const double d = std::hypot(points[2 * i] - centres[m].first, points[2 * i + 1] - centres[m].second);
            if (d <= best) {
                best = d;
                mode = static_cast<int>(m);
            }
        }
        if (mode >= 0) {
            coverage.perMode[static_cast<size_t>(mode)] += 1.0;
            ++near;
        }
    }
    for (double &share : coverage.perMode)
        share /= static_cast<double>(std::max<int64_t>(n, 1));
    coverage.nearAnyMode = static_cast<double>(near) / static_cast<double>(std::max<int64_t>(n, 1));
    return coverage;
}

} // namespace datasets
