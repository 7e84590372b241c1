// GanBrush: "draw your own" as in GAN Lab: a drag over the plot paints a few real points at every
// step along it, spread a little around the pointer, from a seeded stream (the same drag paints the
// same points).
#pragma once

#include <QPointF>

#include <cstdint>
#include <vector>

// Works in the plane's units; the plot maps the pointer there (GanLayersCanvas::toPlane).
class GanBrush {
public:
    static constexpr int kPointsPerDab = 3;
    static constexpr double kSpacing = 0.03;  // a dab every this fraction of the plane's width along the drag
    static constexpr double kSpread = 0.012;  // the points' standard deviation around the pointer, in the same fraction
    static constexpr double kGrid = 1e-3;     // points are rounded to it, so the project file stays short

    // `seed` keys the jitter: the canvas passes how many points there are, so a stroke after undo
    // paints what it painted before.
    GanBrush(uint64_t seed, double planeWidth);

    // The stroke starts at `at`: one dab there.
    std::vector<QPointF> begin(QPointF at);
    // The pointer moved to `at`: a dab at every kSpacing of the way since the last one (none for a
    // small move).
    std::vector<QPointF> moveTo(QPointF at);

private:
    void dab(QPointF at, std::vector<QPointF> &points);

    uint64_t seed_;
    uint64_t dabs_ = 0;
    double width_;
    QPointF last_;
};
