// histogramStrip: a layer's activation histograms over the steps as one heat map, as TensorBoard's
// histogram mode: x = step (one pixel column per recorded step), y = activation value (up), colour
// = the share of the values at that height in that step.
#pragma once

#include "views/inside/neuronhistory.h"

#include <QImage>

namespace histogramstrip {

// The value range that every column shares: the smallest low and the largest high of all columns.
std::pair<double, double> valueRange(const std::vector<NeuronHistory::Column> &columns);

// `rows` pixels high, columns.size() wide. Each column's bins are spread over the rows their value
// interval covers (row 0 holds the highest values) and scaled so that its densest row is darkest.
QImage render(const std::vector<NeuronHistory::Column> &columns, int rows);

// The colour of a share t in [0, 1] of a column's densest row: white at 0, dark blue at 1.
QColor shade(double t);

} // namespace histogramstrip
