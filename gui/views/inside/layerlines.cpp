// Lines over steps, thinned by keeping every other point once a line is full.
#include "views/inside/layerlines.h"

#include <algorithm>
#include <cmath>

void LayerLines::add(const QString &name, double step, double value)
{
    auto line = std::find_if(lines_.begin(), lines_.end(), [&](const Line &l) { return l.name == name; });
    if (line == lines_.end())
        line = lines_.insert(lines_.end(), Line{name, {}});
    line->points.append(QPointF(step, value));
    if (line->points.size() <= kMaxPoints)
        return;
    // Halves the line, keeping the newest point: a long run reads the same at half the resolution.
    QList<QPointF> thinned;
    thinned.reserve(kMaxPoints / 2 + 1);
    for (qsizetype i = (line->points.size() - 1) % 2; i < line->points.size(); i += 2)
        thinned.append(line->points[i]);
    line->points = std::move(thinned);
}

bool LayerLines::drawable(double value)
{
    return std::isfinite(value) && value > 0.0;
}
