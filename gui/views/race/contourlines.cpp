// Marching squares: each cell's four corners above or below the level give 0, 1 or 2 segments.
#include "contourlines.h"

#include <algorithm>
#include <cmath>

namespace {

// Where along the edge from a (at 0) to b (at 1) the field equals level.
double crossing(double a, double b, double level) { return a == b ? 0.5 : (level - a) / (b - a); }

} // namespace

std::vector<QLineF> contourLines(const ScalarField &field, double level)
{
    std::vector<QLineF> lines;
    for (int j = 0; j + 1 < field.height; ++j)
        for (int i = 0; i + 1 < field.width; ++i) {
            // Corners counter-clockwise from the bottom left.
            const double v[4] = {field.at(i, j), field.at(i + 1, j), field.at(i + 1, j + 1), field.at(i, j + 1)};
            if (std::isnan(v[0]) || std::isnan(v[1]) || std::isnan(v[2]) || std::isnan(v[3]))
                continue;
            // The crossing on each edge (bottom, right, top, left) that the level cuts.
            std::vector<QPointF> cuts;
            const QPointF corner[4] = {{double(i), double(j)}, {double(i + 1), double(j)}, {double(i + 1), double(j + 1)},
                                       {double(i), double(j + 1)}};
            for (int e = 0; e < 4; ++e) {
                const double a = v[e], b = v[(e + 1) % 4];
                if ((a < level) != (b < level)) {
                    const double t = crossing(a, b, level);
                    cuts.push_back(corner[e] + t * (corner[(e + 1) % 4] - corner[e]));
                }
            }
            if (cuts.size() == 2) {
                lines.emplace_back(cuts[0], cuts[1]);
            } else if (cuts.size() == 4) {
                // A saddle cell: the centre's side decides which pairs join.
                const double centre = (v[0] + v[1] + v[2] + v[3]) / 4.0;
                if ((centre < level) == (v[0] < level)) {
                    lines.emplace_back(cuts[0], cuts[1]);
                    lines.emplace_back(cuts[2], cuts[3]);
                } else {
                    lines.emplace_back(cuts[0], cuts[3]);
                    lines.emplace_back(cuts[1], cuts[2]);
                }
            }
        }
    return lines;
}

std::vector<double> contourLevels(const ScalarField &field, int count)
{
    std::vector<double> values;
    for (double value : field.values)
        if (std::isfinite(value))
            values.push_back(value);
    std::sort(values.begin(), values.end());
    std::vector<double> levels;
    if (values.empty() || !(values.back() > values.front()) || count < 1)
        return levels;
    // Quantiles: each band between two levels covers about as much of the plane.
    for (int k = 1; k <= count; ++k) {
        const double level = values[size_t(double(values.size() - 1) * k / (count + 1))];
        if (levels.empty() || level > levels.back())
            levels.push_back(level);
    }
    return levels;
}
