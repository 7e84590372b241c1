// NeuronSnapshot: TensorFlow Playground's neurons: each unit's activation over a grid of the input
// plane, for the nodes expanded on the canvas, and the small Dense weights drawn between them.
// Computed on the training worker's thread from the current weights; the canvas only paints it.
#pragma once

#include "nn/tensor.h"

#include <QImage>
#include <QString>

#include <string>
#include <vector>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
}

// One node's units over the grid.
struct NeuronMaps {
    int nodeId = 0;
    int units = 0;                 // all the node's units (only the first kMaxNeuronUnits have maps)
    float scale = 0.0f;            // the largest |value| of the mapped units: full colour strength
    std::vector<float> values;     // unit u's value at cell (i, j) at u·grid² + j·grid + i (j = 0 at the bottom)
    std::vector<QImage> images;    // one per mapped unit, grid × grid, its first row the plane's top
};

// A Dense node's weights (units, inputs), as nn.Linear lays them out, row-major.
struct NeuronWeights {
    int nodeId = 0;
    int inputs = 0, units = 0;
    std::string parameter;  // its full name, "hidden1.weight"
    std::vector<float> weight;
};

// A plain value, safe to copy between threads.
struct NeuronSnapshot {
    QString message;  // why there are no maps (the data is not 2-D); empty when there are
    int gridSize = 0;
    std::vector<double> gridX, gridY;  // cell centres in the data's own units
    std::vector<NeuronMaps> nodes;     // the requested nodes with an output [N, units]
    std::vector<NeuronWeights> weights;  // every Dense node of at most kMaxLinkedUnits units and inputs

    const NeuronMaps *maps(int nodeId) const;
    const NeuronWeights *weightsOf(int nodeId) const;
};

inline constexpr int kNeuronGrid = 32;
inline constexpr int kMaxNeuronUnits = 512;  // a larger layer shows its first 512 units
inline constexpr int kMaxLinkedUnits = 16;   // links are drawn between layers of at most 16 units

// Whether a node's output [N, units] can be shown as neurons (a flat layer: Dense, an activation…).
bool hasNeurons(const nn::Shape &outputShape);

// One inference over the plane's grid (the decision boundary's plane) with the activations of
// `nodeIds` read from the pass; a message instead when the data has not 2 input features.
NeuronSnapshot computeNeurons(const nn::Model &model, const datasets::Experiment &experiment,
                              const std::vector<int> &nodeIds, int gridSize = kNeuronGrid);

// A value's colour on the diverging scale [−scale, scale]: orange below zero, white at zero, blue
// above (TensorFlow Playground's colours).
QRgb neuronColour(float value, float scale);
