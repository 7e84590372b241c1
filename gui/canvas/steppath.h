// showStepPath: the backprop stepper's path on the canvas: the node it stands at and the nodes it
// walked through to get there, marked on their NodeItems.
#pragma once

#include <QList>

class GraphScene;

// Marks `current` (-1: none) and `walked` on `scene`'s nodes and clears every other node's mark.
void showStepPath(GraphScene *scene, int current, const QList<int> &walked);
