// Splitting a GAN project's graph into its two networks, with messages that name the network.
#include "gangraph.h"

#include "error.h"

#include <algorithm>

namespace nn {

namespace {

// Validates one network, putting its name before the message.
void validateNetwork(const Graph &graph, const std::string &network)
{
    if (graph.nodes().empty())
        throw ShapeError(network + ": the network is empty; add an Input and some layers to the " + network + " frame.");
    try {
        graph.validate();
    } catch (const ShapeError &e) {
        throw ShapeError(network + ": " + e.what());
    }
    if (graph.inputNodes().size() != 1 || graph.outputNodes().size() != 1)
        throw ShapeError(network + ": the network needs exactly one Input and one output; it has " +
                         std::to_string(graph.inputNodes().size()) + " and " + std::to_string(graph.outputNodes().size()) +
                         ". Connect or delete the loose ends.");
}

Shape withoutBatch(const Shape &shape)
{
    return shape.empty() ? shape : Shape(shape.begin() + 1, shape.end());
}

} // namespace

bool isGanGraph(const Graph &graph)
{
    return std::any_of(graph.nodes().begin(), graph.nodes().end(), [](const Node &n) { return !n.network.empty(); });
}

GanGraphs splitGanGraph(const Graph &graph)
{
    GanGraphs gan;
    for (const Node &node : graph.nodes()) {
        if (node.network.empty())
            throw ShapeError("Node '" + node.name + "' belongs to no network; in a GAN project every node is in the "
                             "generator or the discriminator. Move it into one of the two frames.");
        (node.network == "generator" ? gan.generator : gan.discriminator).insertNode(node);
    }
    for (const Edge &edge : graph.edges()) {
        const Node &from = graph.node(edge.from), &to = graph.node(edge.to);
        if (from.network != to.network)
            throw ShapeError("The connection from " + from.network + " node '" + from.name + "' to " + to.network +
                             " node '" + to.name + "' crosses networks; G's samples reach D through the trainer, "
                             "not a wire. Delete the connection.");
        (from.network == "generator" ? gan.generator : gan.discriminator).connect(edge.from, edge.to, edge.port, edge.fromPort);
    }
    validateNetwork(gan.generator, "generator");
    validateNetwork(gan.discriminator, "discriminator");
    const Shape made = generatorSampleShape(gan.generator), taken = discriminatorInputShape(gan.discriminator);
    if (elementCount(made) != elementCount(taken))
        throw ShapeError("discriminator: the generator makes samples of shape " + toString(made) +
                         " but the discriminator's Input takes " + toString(taken) + "; make the generator's last "
                         "layer output " + toString(taken) + " or set the discriminator's Input to " + toString(made) + ".");
    return gan;
}

Shape generatorSampleShape(const Graph &generator)
{
    return withoutBatch(generator.inferShapes().at(generator.outputNodes().front()).output());
}

Shape discriminatorInputShape(const Graph &discriminator)
{
    return withoutBatch(discriminator.inferShapes().at(discriminator.inputNodes().front()).output());
}

} // namespace nn
