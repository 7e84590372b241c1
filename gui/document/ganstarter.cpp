// Building the starter GAN for a data shape.
#include "ganstarter.h"

#include "graphfragment.h"

#include <numeric>
#include <string>
#include <vector>

namespace ganstarter {

namespace {

constexpr double kColumnGap = 300.0;
constexpr double kRowGap = 110.0;

// Adds a node of `kind` to `network`'s column, below the one before.
int addTo(nn::Graph &graph, const std::string &network, const std::string &kind, const std::string &name,
          const std::vector<std::pair<std::string, nn::SettingValue>> &settings)
{
    const int id = graph.addNode(kind, name);
    nn::Node &node = graph.node(id);
    for (const auto &[key, value] : settings)
        node.settings.set(key, value);
    node.network = network;
    node.x = network == "generator" ? 0.0 : kColumnGap;
    int row = 0;
    for (const nn::Node &other : graph.nodes())
        row += other.id != id && other.network == network ? 1 : 0;
    node.y = row * kRowGap;
    return id;
}

void chain(nn::Graph &graph, const std::vector<int> &ids)
{
    for (size_t i = 1; i < ids.size(); ++i)
        graph.connect(ids[i - 1], ids[i]);
}

} // namespace

nn::Shape dataSampleShape(const nn::Graph &graph, const std::map<int, nn::NodeStatus> &status)
{
    for (int id : graph.inputNodes()) {
        const auto at = status.find(id);
        if (at != status.end() && at->second.ok() && at->second.output().size() > 1) {
            const nn::Shape &shape = at->second.output();
            return {shape.begin() + 1, shape.end()};
        }
    }
    return {2};
}

nlohmann::json fragmentFor(const nn::Shape &sample)
{
    const int64_t values = std::accumulate(sample.begin(), sample.end(), int64_t{1}, std::multiplies<>());
    const int64_t z = values <= 2 ? 2 : 16;
    const std::vector<int64_t> shape(sample.begin(), sample.end());
    nn::Graph graph;
    std::vector<int> g{addTo(graph, "generator", "Input", "noise", {{"shape", std::vector<int64_t>{z}}}),
                       addTo(graph, "generator", "Dense", "g_hidden1", {{"units", int64_t{64}}, {"activation", std::string("relu")}}),
                       addTo(graph, "generator", "Dense", "g_out", {{"units", values}, {"activation", std::string("linear")}})};
    if (sample.size() > 1)
        g.push_back(addTo(graph, "generator", "Reshape", "g_sample", {{"shape", shape}}));
    std::vector<int> d{addTo(graph, "discriminator", "Input", "real_data", {{"shape", shape}})};
    if (sample.size() > 1)
        d.push_back(addTo(graph, "discriminator", "Flatten", "d_flatten", {}));
    d.push_back(addTo(graph, "discriminator", "Dense", "d_hidden1", {{"units", int64_t{64}}, {"activation", std::string("leaky_relu")}}));
    d.push_back(addTo(graph, "discriminator", "Dense", "d_out", {{"units", int64_t{1}}, {"activation", std::string("linear")}}));
    chain(graph, g);
    chain(graph, d);
    std::vector<int> ids;
    for (const nn::Node &node : graph.nodes())
        ids.push_back(node.id);
    return graphfragment::of(graph, ids, graphfragment::Edges::Inside);
}

} // namespace ganstarter
