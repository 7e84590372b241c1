// ganstatus: the canvas's checks of a GAN project beyond shape inference: every node in a frame,
// no wire between the frames, and G's samples shaped like the real data. Messages name the frame.
#pragma once

#include "nn/graph.h"

#include <QString>

#include <map>
#include <string>

namespace ganstatus {

// "Generator" or "Discriminator", as the frames are labelled; empty for no network.
QString frameName(const std::string &network);

// The input node and the output node of one network (-1 when it has none or several).
int inputOf(const nn::Graph &graph, const std::string &network);
int outputOf(const nn::Graph &graph, const std::string &network);

// Adds the problems to `status` (nodes that are fine so far only): a node in no frame, a wire that
// crosses frames, and a generator output the real-data node cannot take ("Generator: dense2 gives
// [N, 3] but the real data is [N, 2]; …").
void addProblems(const nn::Graph &graph, std::map<int, nn::NodeStatus> &status);

} // namespace ganstatus
