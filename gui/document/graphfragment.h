// Graph fragments: a set of nodes and edges in the JSON form that project files use. Delete and
// undo, copy and paste all travel through it, so they round-trip exactly like save and load.
#pragma once

#include "nn/graph.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace graphfragment {

// Which edges a fragment keeps: those between its nodes (copy), or also those that connect them
// to the rest of the graph (delete, so that undo reconnects them).
enum class Edges { Inside, Touching };

// {"nodes": [...], "edges": [...]} for the nodes `ids` of `graph`, exactly as Graph::toJson writes them.
nlohmann::json of(const nn::Graph &graph, const std::vector<int> &ids, Edges edges);

// The fragment's nodes and edges. Throws nn::Error subclasses when it is malformed.
std::vector<nn::Node> nodesOf(const nlohmann::json &fragment);
std::vector<nn::Edge> edgesOf(const nlohmann::json &fragment);

// A copy of `fragment` to paste into `graph`: fresh ids and names, positions moved by (dx, dy),
// and only the edges between pasted nodes, renumbered.
nlohmann::json withFreshIds(const nlohmann::json &fragment, const nn::Graph &graph, double dx, double dy);

} // namespace graphfragment
