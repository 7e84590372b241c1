// Graph editing, topological order, shape inference and the JSON form.
#include "graph.h"

#include "error.h"
#include "jsontext.h"
#include "registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

namespace nn {

namespace {

std::string lowerStem(const std::string &kind)
{
    std::string stem;
    for (char c : kind)
        stem += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return stem;
}

// Refuses outputs too large to train: a sample of more than kMaxSampleValues values.
void checkSampleSize(const Shape &output)
{
    const int64_t values = featuresPerSample(output);
    if (values > kMaxSampleValues)
        throw ShapeError("its output " + toString(output) + " holds " + std::to_string(values) +
                         " values per sample, more than the " + std::to_string(kMaxSampleValues) +
                         " (1 GB) LayerLab can train on; make the shape smaller.");
}

} // namespace

std::string Graph::uniqueName(const std::string &stem) const
{
    for (int n = 1;; ++n) {
        std::string candidate = stem + std::to_string(n);
        if (!findByName(candidate))
            return candidate;
    }
}

int Graph::addNode(const std::string &kind, const std::string &name)
{
    Node node;
    node.id = nextId_;
    node.kind = kind;
    node.settings = Settings(layerRegistry().spec(kind));
    node.name = name.empty() ? uniqueName(lowerStem(kind)) : name;
    insertNode(std::move(node));
    return nodes_.back().id;
}

void Graph::insertNode(Node node)
{
    if (contains(node.id))
        throw Error("A node with id " + std::to_string(node.id) + " already exists.");
    if (node.name.empty() || findByName(node.name))
        throw Error("The node name '" + node.name + "' is empty or already used; every node needs its own name.");
    layerRegistry().spec(node.kind);  // throws for unknown kinds, listing the known ones
    nextId_ = std::max(nextId_, node.id + 1);
    const auto at = std::lower_bound(nodes_.begin(), nodes_.end(), node.id,
                                     [](const Node &n, int id) { return n.id < id; });
    nodes_.insert(at, std::move(node));
}

void Graph::removeNode(int id)
{
    node(id);
    std::erase_if(edges_, [id](const Edge &e) { return e.from == id || e.to == id; });
    std::erase_if(nodes_, [id](const Node &n) { return n.id == id; });
}

bool Graph::contains(int id) const
{
    return std::any_of(nodes_.begin(), nodes_.end(), [id](const Node &n) { return n.id == id; });
}

const Node &Graph::node(int id) const
{
    const auto at = std::lower_bound(nodes_.begin(), nodes_.end(), id, [](const Node &n, int i) { return n.id < i; });
    if (at == nodes_.end() || at->id != id)
        throw Error("There is no node with id " + std::to_string(id) + ".");
    return *at;
}

Node &Graph::node(int id)
{
    return const_cast<Node &>(std::as_const(*this).node(id));
}

const Node *Graph::findByName(const std::string &name) const
{
    for (const auto &n : nodes_)
        if (n.name == name)
            return &n;
    return nullptr;
}

bool Graph::wouldCreateCycle(int from, int to) const
{
    // A cycle forms when `from` is reachable from `to`.
    std::vector<int> stack{to};
    std::set<int> seen;
    while (!stack.empty()) {
        const int current = stack.back();
        stack.pop_back();
        if (current == from)
            return true;
        if (!seen.insert(current).second)
            continue;
        for (int consumer : consumersOf(current))
            stack.push_back(consumer);
    }
    return false;
}

const Shape &NodeStatus::output(size_t port) const
{
    static const Shape unknown;
    return port < outputs.size() ? outputs[port] : unknown;
}

void Graph::connect(int from, int to, int port, int fromPort)
{
    const Node &source = node(from);
    const Node &target = node(to);
    if (const auto ports = outputPortsOf(from); fromPort < 0 || fromPort >= static_cast<int>(ports.size()))
        throw Error(source.name + " (" + source.kind + ") has no output " + std::to_string(fromPort) + "; it has " +
                    std::to_string(ports.size()) + " output(s).");
    const auto &spec = layerRegistry().spec(target.kind);
    if (port < 0 || port >= spec.maxInputs)
        throw Error(target.name + " (" + target.kind + ") has no input " + std::to_string(port) + "; it takes " +
                    (spec.maxInputs == 0 ? std::string("no inputs") :
                     spec.maxInputs == LayerSpec::kAnyInputs ? std::string("any number of inputs") :
                     std::to_string(spec.maxInputs) + " input(s)") + ".");
    if (from == to || wouldCreateCycle(from, to))
        throw Error("Connecting " + source.name + " to " + target.name +
                    " would make a cycle; a network must flow one way, from inputs to outputs.");
    for (const auto &e : edges_)
        if (e.to == to && e.port == port)
            throw Error("Input " + std::to_string(port) + " of " + target.name + " is already connected.");
    edges_.push_back({from, to, port, fromPort});
}

void Graph::disconnect(int to, int port)
{
    std::erase_if(edges_, [&](const Edge &e) { return e.to == to && e.port == port; });
}

std::vector<int> Graph::inputsOf(int id) const
{
    std::vector<int> inputs;
    for (const auto &e : edges_)
        if (e.to == id) {
            if (static_cast<int>(inputs.size()) <= e.port)
                inputs.resize(static_cast<size_t>(e.port) + 1, -1);
            inputs[static_cast<size_t>(e.port)] = e.from;
        }
    return inputs;
}

std::vector<Edge> Graph::inputEdgesOf(int id) const
{
    std::vector<Edge> inputs;
    for (const auto &e : edges_)
        if (e.to == id) {
            if (static_cast<int>(inputs.size()) <= e.port)
                inputs.resize(static_cast<size_t>(e.port) + 1, Edge{-1, id, 0, 0});
            inputs[static_cast<size_t>(e.port)] = e;
        }
    return inputs;
}

std::vector<std::string> Graph::outputPortsOf(int id) const
{
    const Node &n = node(id);
    return layerRegistry().create(n.kind, n.settings)->outputPorts();
}

std::vector<int> Graph::consumersOf(int id) const
{
    std::vector<int> consumers;
    for (const auto &e : edges_)
        if (e.from == id)
            consumers.push_back(e.to);
    return consumers;
}

std::vector<int> Graph::topologicalOrder() const
{
    // Kahn's algorithm, taking the smallest ready id first so the order is stable.
    std::map<int, int> pending;
    for (const auto &n : nodes_)
        pending[n.id] = 0;
    for (const auto &e : edges_)
        ++pending[e.to];
    std::set<int> ready;
    for (const auto &[id, count] : pending)
        if (count == 0)
            ready.insert(id);
    std::vector<int> order;
    while (!ready.empty()) {
        const int id = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(id);
        for (int consumer : consumersOf(id))
            if (--pending[consumer] == 0)
                ready.insert(consumer);
    }
    return order;
}

std::vector<int> Graph::inputNodes() const
{
    std::vector<int> ids;
    for (const auto &n : nodes_)
        if (layerRegistry().spec(n.kind).maxInputs == 0)
            ids.push_back(n.id);
    return ids;
}

std::vector<int> Graph::outputNodes() const
{
    std::vector<int> ids;
    for (const auto &n : nodes_)
        if (consumersOf(n.id).empty())
            ids.push_back(n.id);
    return ids;
}

std::map<int, NodeStatus> Graph::inferShapes() const
{
    std::map<int, NodeStatus> status;
    for (int id : topologicalOrder()) {
        const Node &n = node(id);
        NodeStatus &result = status[id];
        const auto &spec = layerRegistry().spec(n.kind);
        const std::vector<Edge> inputs = inputEdgesOf(id);
        const int connected =
            static_cast<int>(std::count_if(inputs.begin(), inputs.end(), [](const Edge &e) { return e.from >= 0; }));
        if (connected != static_cast<int>(inputs.size()) || connected < spec.minInputs) {
            result.error = n.name + " (" + n.kind + ") needs " +
                           (spec.minInputs == 1 ? std::string("an input") : std::to_string(spec.minInputs) + " inputs") +
                           "; connect a layer's output to it.";
            continue;
        }
        std::vector<Shape> shapes;
        bool inputsKnown = true;
        std::string missingPort;
        for (const Edge &e : inputs) {
            const NodeStatus &upstream = status.at(e.from);
            inputsKnown = inputsKnown && upstream.ok();
            if (upstream.ok() && e.fromPort >= static_cast<int>(upstream.outputs.size()))
                missingPort = node(e.from).name + " has no output " + std::to_string(e.fromPort) + " any more (it has " +
                              std::to_string(upstream.outputs.size()) + "); connect " + n.name +
                              " to one of its outputs.";
            shapes.push_back(upstream.output(size_t(e.fromPort)));
        }
        if (!inputsKnown) {
            result.error = n.name + " waits for its input, which has a problem of its own.";
            result.blockedUpstream = true;
            continue;
        }
        if (!missingPort.empty()) {
            result.error = n.name + ": " + missingPort;
            continue;
        }
        try {
            result.outputs = layerRegistry().create(n.kind, n.settings)->inferPortShapes(shapes);
            for (const Shape &output : result.outputs)
                checkSampleSize(output);
        } catch (const Error &e) {
            result.outputs.clear();
            result.error = n.name + ": " + e.what();
        }
    }
    return status;
}

std::map<int, int64_t> Graph::parameterCounts(const std::map<int, NodeStatus> &status) const
{
    std::map<int, int64_t> counts;
    for (const Node &n : nodes_) {
        counts[n.id] = 0;
        if (!status.at(n.id).ok())
            continue;
        std::vector<Shape> inputs;
        for (const Edge &e : inputEdgesOf(n.id))
            inputs.push_back(status.at(e.from).output(size_t(e.fromPort)));
        auto layer = layerRegistry().create(n.kind, n.settings);
        layer->setName(n.name);
        counts[n.id] = parameterCount(*layer, inputs);
    }
    return counts;
}

void Graph::validate() const
{
    if (nodes_.empty())
        throw ShapeError("The network is empty; drag an Input and some layers onto the canvas.");
    if (topologicalOrder().size() != nodes_.size())
        throw ShapeError("The network has a cycle; a network must flow one way, from inputs to outputs.");
    const auto status = inferShapes();
    for (int id : topologicalOrder())
        if (const NodeStatus &node = status.at(id); !node.ok() && !node.blockedUpstream)
            throw ShapeError(node.error);  // the root cause, not the nodes that wait for it
}

nlohmann::json Graph::toJson() const
{
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto &n : nodes_) {
        nodes.push_back({{"id", n.id}, {"name", n.name}, {"kind", n.kind},
                         {"settings", n.settings.toJson()}, {"position", {n.x, n.y}}});
        if (!n.network.empty())
            nodes.back()["network"] = n.network;  // absent in one-network projects: old files read the same
    }
    nlohmann::json edges = nlohmann::json::array();
    for (const auto &e : edges_)
        edges.push_back(e.toJson());
    return {{"nodes", nodes}, {"edges", edges}};
}

Edge Edge::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.contains("from") || !json.contains("to"))
        throw FileError("Every edge needs \"from\" and \"to\" node ids; found " + describeJson(json) + ".");
    try {
        const auto port = json.find("port"), fromPort = json.find("from_port");
        return {static_cast<int>(wholeNumber(json.at("from"), "An edge's \"from\"", 0, kMaxNodeId)),
                static_cast<int>(wholeNumber(json.at("to"), "An edge's \"to\"", 0, kMaxNodeId)),
                port == json.end() ? 0 : static_cast<int>(wholeNumber(*port, "An edge's \"port\"", 0, kMaxNodeId)),
                fromPort == json.end()
                    ? 0
                    : static_cast<int>(wholeNumber(*fromPort, "An edge's \"from_port\"", 0, kMaxNodeId))};
    } catch (const SettingError &e) {
        throw FileError(e.what());
    }
}

nlohmann::json Edge::toJson() const
{
    nlohmann::json json{{"from", from}, {"to", to}, {"port", port}};
    if (fromPort != 0)
        json["from_port"] = fromPort;  // absent for the first output: files without ports read the same
    return json;
}

namespace {

// One node of a graph file; a node without an id or name gets `freeId` and `freeName(stem)`.
Node nodeFromJson(const nlohmann::json &item, int freeId, const std::function<std::string(const std::string &)> &freeName)
{
    if (!item.is_object() || !item.contains("kind") || !item["kind"].is_string())
        throw FileError("Every node in the graph needs a \"kind\", such as \"Dense\"; found " + describeJson(item) + ".");
    Node n;
    n.kind = item["kind"].get<std::string>();
    const LayerSpec &spec = layerRegistry().spec(n.kind);
    const auto id = item.find("id");
    n.id = id == item.end() ? freeId : static_cast<int>(wholeNumber(*id, "A node's \"id\"", 0, kMaxNodeId));
    const auto name = item.find("name");
    if (name != item.end() && !name->is_string())
        throw FileError("A node's \"name\" must be text in quotes, got " + describeJson(*name) + ".");
    n.name = name == item.end() ? freeName(lowerStem(n.kind)) : name->get<std::string>();
    if (const auto position = item.find("position"); position != item.end() && position->is_array() &&
                                                       position->size() == 2 && (*position)[0].is_number() &&
                                                       (*position)[1].is_number()) {
        n.x = (*position)[0].get<double>();
        n.y = (*position)[1].get<double>();
    }
    if (const auto network = item.find("network"); network != item.end()) {
        if (!network->is_string() || (*network != "generator" && *network != "discriminator"))
            throw FileError("Node '" + n.name + "': \"network\" must be \"generator\" or \"discriminator\", got " +
                            describeJson(*network) + ".");
        n.network = network->get<std::string>();
    }
    const auto settings = item.find("settings");
    try {
        n.settings = settings == item.end() ? Settings(spec) : Settings::fromJson(spec, *settings);
    } catch (const SettingError &e) {
        throw SettingError("Node '" + n.name + "': " + e.what());
    }
    return n;
}

} // namespace

Graph Graph::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.contains("nodes") || !json["nodes"].is_array())
        throw FileError("The project's \"graph\" must be an object with a \"nodes\" list.");
    Graph graph;
    for (const auto &item : json["nodes"])
        graph.insertNode(nodeFromJson(item, graph.nextId_, [&graph](const std::string &stem) {
            return graph.uniqueName(stem);
        }));
    if (const auto edges = json.find("edges"); edges != json.end()) {
        if (!edges->is_array())
            throw FileError("The graph's \"edges\" must be a list, got " + describeJson(*edges) + ".");
        for (const auto &item : *edges) {
            const Edge edge = Edge::fromJson(item);
            graph.connect(edge.from, edge.to, edge.port, edge.fromPort);
        }
    }
    return graph;
}

Graph Graph::chain(const std::vector<std::pair<std::string, nlohmann::json>> &layers)
{
    Graph graph;
    int previous = -1;
    for (const auto &[kind, settings] : layers) {
        const int id = graph.addNode(kind);
        Node &n = graph.node(id);
        n.settings = Settings::fromJson(layerRegistry().spec(kind), settings);
        n.y = 100.0 * (id - 1);
        if (previous >= 0)
            graph.connect(previous, id);
        previous = id;
    }
    return graph;
}

} // namespace nn
