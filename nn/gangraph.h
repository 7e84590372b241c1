// A GAN project's graph: one canvas graph whose nodes are tagged with their network (Node::network),
// split into the generator's and the discriminator's graphs, each checked with messages that name it.
#pragma once

#include "graph.h"

#include <string>

namespace nn {

// The two networks of a GAN project, each a graph of its own with the canvas graph's ids and names.
// G's Input is the noise source (its shape is z's); D's Input takes a batch of real or generated samples.
struct GanGraphs {
    Graph generator, discriminator;
};

// True when any node is tagged with a network: the graph is a GAN's.
bool isGanGraph(const Graph &graph);

// Splits `graph` by its nodes' networks and validates both. Throws ShapeError prefixed with the
// network ("generator: …") when a network does not build, when a node has no network, when an edge
// crosses from one network to the other, when a network has other than one Input and one output,
// or when G's samples do not fit D's Input (naming both shapes).
GanGraphs splitGanGraph(const Graph &graph);

// The per-sample shapes of G's output and D's Input, for messages: "[2]".
Shape generatorSampleShape(const Graph &generator);
Shape discriminatorInputShape(const Graph &discriminator);

} // namespace nn
