// ConnectionDrag: a connection being drawn with the mouse, from the press on a port to the release.
#pragma once

#include "nn/graph.h"

#include <QPointF>

#include <optional>

class GraphScene;
class NodeItem;
class QGraphicsPathItem;

// Draws a preview curve that follows the mouse and lights up the input port a release would use.
// From an output port it looks for an input; from a free input port it looks for a node whose
// output to take; from a connected input port it picks that connection up to move or drop it.
class ConnectionDrag {
public:
    // From input `inputPort` of the node, or when that is -1, from its output `outputPort`.
    ConnectionDrag(GraphScene *scene, int nodeId, int inputPort, int outputPort = 0);
    ~ConnectionDrag();
    ConnectionDrag(const ConnectionDrag &) = delete;
    ConnectionDrag &operator=(const ConnectionDrag &) = delete;

    void moveTo(QPointF scenePosition);
    // The connection a release at this point would make, if the point is on a suitable node.
    std::optional<nn::Edge> edgeAt(QPointF scenePosition) const;
    // The connection that was picked up from its input port, if any.
    const std::optional<nn::Edge> &detached() const { return detached_; }

private:
    NodeItem *nodeUnder(QPointF scenePosition) const;
    int inputPortFor(const NodeItem &target, QPointF scenePosition) const;
    // The output port under the mouse; else the first.
    static int outputPortFor(const NodeItem &source, QPointF scenePosition);
    void highlight(int nodeId, int port);

    GraphScene *scene_;
    int sourceId_ = -1;  // the node whose output feeds the connection, when known
    int sourcePort_ = 0;  // and which of its outputs
    int targetId_ = -1;  // the node whose input receives it, when known
    int targetPort_ = -1;
    std::optional<nn::Edge> detached_;
    QGraphicsPathItem *preview_;
    int highlightedNode_ = -1;
};
