// Graph: the network as a document: nodes with settings and canvas positions, wired by edges.
// Shape inference and validation run on the whole graph and report per node.
#pragma once

#include "layer.h"
#include "settings.h"
#include "tensor.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <vector>

namespace nn {

// One layer on the canvas.
struct Node {
    int id = 0;
    std::string name;  // unique in the graph; names the parameters ("dense1.weight")
    std::string kind;  // a registered layer kind
    Settings settings;
    double x = 0.0, y = 0.0;  // canvas position
    // Which of a GAN project's networks the node belongs to ("generator", "discriminator"); empty
    // in a project of one network. The canvas draws each network's nodes in a frame of their own.
    std::string network;
};

// Node ids in a file lie in [0, kMaxNodeId]; larger ones are refused rather than wrapped.
inline constexpr int kMaxNodeId = 1'000'000'000;

// Output port `fromPort` of `from` feeds input `port` of `to`.
struct Edge {
    int from = 0;
    int to = 0;
    int port = 0;
    int fromPort = 0;  // 0 but for kinds with several outputs (Split's parts)
    bool operator==(const Edge &) const = default;
    // {"from": id, "to": id, "port": p}, with "from_port": q when q is not 0; throws FileError for
    // anything else.
    static Edge fromJson(const nlohmann::json &json);
    nlohmann::json toJson() const;
};

// The result of shape inference for one node.
struct NodeStatus {
    std::vector<Shape> outputs;  // one per output port; empty when unknown
    // The first (for most kinds the only) port's shape; empty when unknown.
    const Shape &output(size_t port = 0) const;
    std::string error;  // empty when the node is fine
    bool blockedUpstream = false;  // the error is only that an input has an error of its own
    bool ok() const { return error.empty(); }
};

// A directed acyclic graph of layers. Edits keep it acyclic; validation explains what is wrong.
class Graph {
public:
    // Adds a node with the kind's default settings and a fresh name ("dense1"); returns its id.
    int addNode(const std::string &kind, const std::string &name = {});
    // Adds a node exactly as given (undo, paste, file loading). Throws if id or name is taken.
    void insertNode(Node node);
    // Removes the node and every edge touching it.
    void removeNode(int id);

    // Connects output `fromPort` of `from` to input `port` of `to`. Throws Error when an id is
    // unknown, a port is out of range or the input is taken, or a cycle would form.
    void connect(int from, int to, int port = 0, int fromPort = 0);
    void disconnect(int to, int port);
    bool wouldCreateCycle(int from, int to) const;

    bool contains(int id) const;
    const Node &node(int id) const;
    Node &node(int id);
    const Node *findByName(const std::string &name) const;
    const std::vector<Node> &nodes() const { return nodes_; }
    const std::vector<Edge> &edges() const { return edges_; }
    // The node feeding each input port of `id`, -1 where nothing is connected.
    std::vector<int> inputsOf(int id) const;
    // The edge feeding each input port of `id` (from = -1 where nothing is connected).
    std::vector<Edge> inputEdgesOf(int id) const;
    // The names of a node's output ports ({"output"} for one-output kinds).
    std::vector<std::string> outputPortsOf(int id) const;
    std::vector<int> consumersOf(int id) const;
    std::string uniqueName(const std::string &stem) const;
    int nextId() const { return nextId_; }

    // Nodes in an order where every node comes after its inputs.
    std::vector<int> topologicalOrder() const;
    // Input nodes and output nodes (nodes nobody consumes), in id order. An output node's first port
    // is the network's output; its other ports, like unconnected ports anywhere, are left unused.
    std::vector<int> inputNodes() const;
    std::vector<int> outputNodes() const;

    // Output shape or error message for every node. Messages name the node and say how to fix it.
    std::map<int, NodeStatus> inferShapes() const;
    // Learnable values per node for the shapes `status` inferred (0 where they do not fit), counted
    // without allocating anything. Throws ShapeError when a count does not fit in 64 bits.
    std::map<int, int64_t> parameterCounts(const std::map<int, NodeStatus> &status) const;
    // Throws ShapeError with the first problem (in topological order), or does nothing.
    void validate() const;

    nlohmann::json toJson() const;
    // Throws FileError/SettingError naming the node when the JSON does not describe a valid graph.
    static Graph fromJson(const nlohmann::json &json);

    // A chain: each kind's node feeds the next. For tests, examples and benchmarks.
    static Graph chain(const std::vector<std::pair<std::string, nlohmann::json>> &layers);

private:
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    int nextId_ = 1;
};

} // namespace nn
