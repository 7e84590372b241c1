// Auto layout: nodes in rows by topological depth, inputs on top, each row centred.
#pragma once

#include "nn/graph.h"

#include <QPointF>

#include <map>

namespace layeredlayout {

inline constexpr double kRowSpacing = 110.0;     // centre to centre, as in the bundled examples
inline constexpr double kColumnSpacing = 210.0;

// A position for every node: row = the longest path from an input, and inside a row the order
// that follows the mean column of the node's inputs (fewer crossings), then the current x.
std::map<int, QPointF> positions(const nn::Graph &graph);

} // namespace layeredlayout
