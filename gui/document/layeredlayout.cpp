// Layered (Sugiyama-style, one sweep) layout of the graph, top to bottom.
#include "layeredlayout.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace layeredlayout {

namespace {

// A place in a row: a node, or a waypoint where an edge that skips rows crosses this one. Waypoints
// take room like nodes do, so a skip connection runs beside the nodes it passes, not through them.
struct Place {
    int node = -1;              // -1 for a waypoint
    double x = 0.0;             // the current x of the node (of the edge's source for a waypoint)
    std::vector<size_t> feeds;  // places in the row above that lead here
    std::vector<double> ports;  // where the edges leaving here enter the row below: -1 left … +1 right
    double column = 0.0;        // the result: place in the row, centred on 0
};

// Row of every node: 0 for nodes without inputs, else one below its deepest input.
std::map<int, int> depths(const nn::Graph &graph)
{
    std::map<int, int> depth;
    for (int id : graph.topologicalOrder()) {
        int row = 0;
        for (int input : graph.inputsOf(id))
            if (input >= 0)
                row = std::max(row, depth[input] + 1);
        depth[id] = row;
    }
    return depth;
}

// Where input `port` of `node` sits among its connected inputs: < 0 left of the middle, > 0 right.
double portOffset(const nn::Graph &graph, int node, int port)
{
    const auto inputs = static_cast<double>(graph.inputsOf(node).size());
    return static_cast<double>(port) - (inputs - 1.0) / 2.0;
}

double mean(const std::vector<double> &values)
{
    double sum = 0.0;
    for (double value : values)
        sum += value;
    return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

} // namespace

std::map<int, QPointF> positions(const nn::Graph &graph)
{
    const std::map<int, int> depth = depths(graph);
    std::vector<Place> places;
    std::vector<std::vector<size_t>> rows;
    std::map<int, size_t> placeOf;
    const auto place = [&](int row, Place slot) {
        if (static_cast<int>(rows.size()) <= row)
            rows.resize(static_cast<size_t>(row) + 1);
        places.push_back(std::move(slot));
        rows[static_cast<size_t>(row)].push_back(places.size() - 1);
        return places.size() - 1;
    };
    for (const auto &[id, row] : depth)
        placeOf[id] = place(row, {id, graph.node(id).x, {}, {}, 0.0});
    for (const nn::Edge &edge : graph.edges()) {
        const double offset = portOffset(graph, edge.to, edge.port);
        size_t previous = placeOf.at(edge.from);
        for (int row = depth.at(edge.from) + 1; row < depth.at(edge.to); ++row) {
            places[previous].ports.push_back(offset);
            previous = place(row, {-1, graph.node(edge.from).x, {previous}, {}, 0.0});
        }
        places[previous].ports.push_back(offset);
        places[placeOf.at(edge.to)].feeds.push_back(previous);
    }

    std::map<int, QPointF> result;
    for (size_t r = 0; r < rows.size(); ++r) {
        // Sorted by the mean column of what feeds them, then by the ports they feed below (so
        // edges into one node do not cross), then by the current x.
        std::vector<std::tuple<double, double, double, size_t>> keyed;
        for (size_t s : rows[r]) {
            std::vector<double> columns;
            for (size_t feed : places[s].feeds)
                columns.push_back(places[feed].column);
            keyed.emplace_back(mean(columns), mean(places[s].ports), places[s].x, s);
        }
        std::sort(keyed.begin(), keyed.end());
        const double centre = (static_cast<double>(keyed.size()) - 1.0) / 2.0;
        for (size_t i = 0; i < keyed.size(); ++i) {
            Place &placed = places[std::get<3>(keyed[i])];
            placed.column = static_cast<double>(i) - centre;
            if (placed.node >= 0)
                result[placed.node] = QPointF(placed.column * kColumnSpacing, static_cast<double>(r) * kRowSpacing);
        }
    }
    return result;
}

std::map<int, QPointF> positionsByNetwork(const nn::Graph &graph)
{
    std::map<std::string, nn::Graph> parts;
    for (const nn::Node &node : graph.nodes())
        parts[node.network].insertNode(node);
    if (parts.size() == 1)
        return positions(graph);
    for (const nn::Edge &edge : graph.edges())
        if (graph.node(edge.from).network == graph.node(edge.to).network)  // a wire across frames is an error the canvas shows
            parts[graph.node(edge.to).network].connect(edge.from, edge.to, edge.port, edge.fromPort);
    std::map<int, QPointF> result;
    double right = 0.0;  // the rightmost node centre placed so far
    bool first = true;
    for (const std::string network : {"generator", "discriminator", ""}) {
        const auto part = parts.find(network);
        if (part == parts.end())
            continue;
        const std::map<int, QPointF> laid = positions(part->second);
        double left = 0.0, rightmost = 0.0;
        for (const auto &[id, at] : laid) {
            left = std::min(left, at.x());
            rightmost = std::max(rightmost, at.x());
        }
        const double shift = first ? -left : right + kNetworkGap - left;
        for (const auto &[id, at] : laid)
            result[id] = at + QPointF(shift, 0.0);
        right = shift + rightmost;
        first = false;
    }
    return result;
}

} // namespace layeredlayout
