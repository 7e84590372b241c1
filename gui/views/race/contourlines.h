// contourLines: marching squares over a grid of values, for the loss surface and the classic
// functions: the segments where the field crosses a level, in grid coordinates.
#pragma once

#include <QLineF>

#include <vector>

// A field sampled on a width × height grid: value (i, j) at values[j·width + i], j = 0 the bottom row.
struct ScalarField {
    int width = 0, height = 0;
    double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;  // the plane the grid spans, corners included
    std::vector<double> values;  // NaN where there is no value

    double at(int i, int j) const { return values[size_t(j) * size_t(width) + size_t(i)]; }
};

// The segments where the field crosses `level`, each end linearly interpolated along a cell edge,
// in grid coordinates (x = i, y = j). Cells with a NaN corner are skipped.
std::vector<QLineF> contourLines(const ScalarField &field, double level);

// Up to `count` levels at the quantiles of the field's finite values, so that each band between two
// lines covers about as much of the plane: a loss's wide plains and its narrow valleys both get lines.
std::vector<double> contourLevels(const ScalarField &field, int count);
