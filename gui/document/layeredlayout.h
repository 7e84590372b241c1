// Auto layout: nodes in rows by topological depth, inputs on top, each row centred.
#pragma once

#include "nn/graph.h"

#include <QPointF>

#include <map>

namespace layeredlayout {

inline constexpr double kRowSpacing = 110.0;     // centre to centre, as in the bundled examples
inline constexpr double kColumnSpacing = 210.0;

// A position for every node: row = the longest path from an input; inside a row the order follows
// the mean column of the node's inputs (fewer crossings), then the current x. Connections that skip
// rows reserve a place in each row they cross, so they never run through a node.
std::map<int, QPointF> positions(const nn::Graph &graph);

// A GAN project's layout: each network (Node::network) laid out on its own as above, the
// generator on the left and the discriminator `kNetworkGap` to its right, so their frames never
// overlap; nodes in neither network follow on the right. Plain `positions` for one network.
inline constexpr double kNetworkGap = 300.0;  // between the two networks' outermost node centres and their neighbours'
std::map<int, QPointF> positionsByNetwork(const nn::Graph &graph);

} // namespace layeredlayout
