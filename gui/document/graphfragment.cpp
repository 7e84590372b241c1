// Graph fragments: cut out of a graph, read back, and renumbered for pasting.
#include "graphfragment.h"

#include "nn/error.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace graphfragment {

namespace {

// "dense12" → "dense": the stem a pasted copy is numbered from.
std::string nameStem(const std::string &name)
{
    size_t end = name.size();
    while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1])))
        --end;
    return end == 0 ? name : name.substr(0, end);
}

} // namespace

nlohmann::json of(const nn::Graph &graph, const std::vector<int> &ids, Edges edges)
{
    // A graph holding copies of just these nodes writes them in the file's form.
    nn::Graph part;
    for (int id : ids)
        part.insertNode(graph.node(id));
    const std::set<int> chosen(ids.begin(), ids.end());
    nlohmann::json json = part.toJson();
    for (const nn::Edge &edge : graph.edges()) {
        const bool from = chosen.count(edge.from) != 0, to = chosen.count(edge.to) != 0;
        if ((from && to) || (edges == Edges::Touching && (from || to)))
            json["edges"].push_back(edge.toJson());
    }
    return json;
}

std::vector<nn::Node> nodesOf(const nlohmann::json &fragment)
{
    if (!fragment.is_object() || !fragment.contains("nodes"))
        throw nn::FileError("This is not a piece of a LayerLab network: it has no \"nodes\" list.");
    const nn::Graph part = nn::Graph::fromJson({{"nodes", fragment.at("nodes")}});
    return part.nodes();
}

std::vector<nn::Edge> edgesOf(const nlohmann::json &fragment)
{
    std::vector<nn::Edge> edges;
    const auto items = fragment.find("edges");
    if (items == fragment.end())
        return edges;
    if (!items->is_array())
        throw nn::FileError("The \"edges\" of a piece of a network must be a list.");
    for (const auto &item : *items)
        edges.push_back(nn::Edge::fromJson(item));
    return edges;
}

nlohmann::json withFreshIds(const nlohmann::json &fragment, const nn::Graph &graph, double dx, double dy)
{
    // A scratch copy of the target graph hands out ids and names that are free in it.
    nn::Graph target = graph;
    std::map<int, int> newId;
    std::vector<int> pasted;
    for (nn::Node node : nodesOf(fragment)) {
        const int oldId = node.id;
        node.id = std::max(target.nextId(), 1);
        node.name = target.uniqueName(nameStem(node.name));
        node.x += dx;
        node.y += dy;
        newId[oldId] = node.id;
        pasted.push_back(node.id);
        target.insertNode(std::move(node));
    }
    for (const nn::Edge &edge : edgesOf(fragment))
        if (newId.count(edge.from) && newId.count(edge.to))
            target.connect(newId[edge.from], newId[edge.to], edge.port, edge.fromPort);
    return of(target, pasted, Edges::Inside);
}

} // namespace graphfragment
