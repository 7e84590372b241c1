// GanBrush: dabs of jittered points along a drag.
#include "views/plots/ganbrush.h"

#include "nn/random.h"

#include <cmath>

GanBrush::GanBrush(uint64_t seed, double planeWidth) : seed_(seed), width_(planeWidth) {}

std::vector<QPointF> GanBrush::begin(QPointF at)
{
    std::vector<QPointF> points;
    dab(at, points);
    return points;
}

std::vector<QPointF> GanBrush::moveTo(QPointF at)
{
    std::vector<QPointF> points;
    const double spacing = kSpacing * width_;
    const QPointF way = at - last_;
    const double length = std::hypot(way.x(), way.y());
    const int steps = spacing > 0.0 ? static_cast<int>(length / spacing) : 0;
    const QPointF from = last_;
    for (int k = 1; k <= steps; ++k)  // a fast drag gets its dabs all along the way, not only at its end
        dab(from + way * (k * spacing / length), points);
    return points;
}

void GanBrush::dab(QPointF at, std::vector<QPointF> &points)
{
    nn::Rng rng = nn::Rng::keyed(seed_, "view/gan-brush", dabs_++);
    const auto spread = static_cast<float>(kSpread * width_);
    const auto snap = [](double v) { return std::round(v / kGrid) * kGrid; };
    for (int k = 0; k < kPointsPerDab; ++k) {
        const double dx = rng.normal(0.0f, spread), dy = rng.normal(0.0f, spread);
        points.emplace_back(snap(at.x() + dx), snap(at.y() + dy));
    }
    last_ = at;
}
