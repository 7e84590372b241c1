// Layered (Sugiyama-style, one sweep) layout of the graph, top to bottom.
#include "layeredlayout.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace layeredlayout {

namespace {

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

} // namespace

std::map<int, QPointF> positions(const nn::Graph &graph)
{
    const std::map<int, int> depth = depths(graph);
    std::vector<std::vector<int>> rows;
    for (const auto &[id, row] : depth) {
        if (static_cast<int>(rows.size()) <= row)
            rows.resize(static_cast<size_t>(row) + 1);
        rows[static_cast<size_t>(row)].push_back(id);
    }
    std::map<int, double> column;  // the order inside its row, centred on 0
    std::map<int, QPointF> result;
    for (size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::tuple<double, double, int>> keyed;  // (inputs' mean column, current x, id)
        for (int id : rows[r]) {
            double sum = 0.0;
            int count = 0;
            for (int input : graph.inputsOf(id))
                if (input >= 0) {
                    sum += column[input];
                    ++count;
                }
            keyed.emplace_back(count ? sum / count : 0.0, graph.node(id).x, id);
        }
        std::sort(keyed.begin(), keyed.end());
        const double centre = (static_cast<double>(keyed.size()) - 1.0) / 2.0;
        for (size_t i = 0; i < keyed.size(); ++i) {
            const int id = std::get<2>(keyed[i]);
            column[id] = static_cast<double>(i) - centre;
            result[id] = QPointF(column[id] * kColumnSpacing, static_cast<double>(r) * kRowSpacing);
        }
    }
    return result;
}

} // namespace layeredlayout
