// Drawing a connection with the mouse.
#include "connectiondrag.h"

#include "canvasstyle.h"
#include "edgeitem.h"
#include "graphscene.h"
#include "nodeitem.h"

#include "document/graphdocument.h"

#include <QGraphicsPathItem>
#include <QPen>

#include <algorithm>

ConnectionDrag::ConnectionDrag(GraphScene *scene, int nodeId, int inputPort, int outputPort) : scene_(scene)
{
    if (inputPort < 0) {
        sourceId_ = nodeId;
        sourcePort_ = outputPort;
    } else {
        const std::vector<nn::Edge> inputs = scene_->document()->graph().inputEdgesOf(nodeId);
        const nn::Edge feeder =
            inputPort < static_cast<int>(inputs.size()) ? inputs[static_cast<size_t>(inputPort)] : nn::Edge{-1};
        if (feeder.from >= 0) {
            detached_ = feeder;
            sourceId_ = feeder.from;
            sourcePort_ = feeder.fromPort;
        } else {
            targetId_ = nodeId;
            targetPort_ = inputPort;
        }
    }
    preview_ = new QGraphicsPathItem;
    QPen pen(canvasstyle::selectionColor(), 2.0, Qt::DashLine, Qt::RoundCap);
    preview_->setPen(pen);
    preview_->setZValue(2.0);
    scene_->addItem(preview_);
    if (detached_)
        scene_->edgeItem(detached_->to, detached_->port)->setVisible(false);
}

ConnectionDrag::~ConnectionDrag()
{
    highlight(-1, -1);
    if (detached_)
        if (EdgeItem *edge = scene_->edgeItem(detached_->to, detached_->port))
            edge->setVisible(true);
    delete preview_;
}

void ConnectionDrag::moveTo(QPointF scenePosition)
{
    if (sourceId_ >= 0)
        preview_->setPath(EdgeItem::curve(scene_->nodeItem(sourceId_)->outputPortPosition(sourcePort_), scenePosition));
    else
        preview_->setPath(EdgeItem::curve(scenePosition, scene_->nodeItem(targetId_)->inputPortPosition(targetPort_)));
    const std::optional<nn::Edge> edge = edgeAt(scenePosition);
    if (edge && sourceId_ >= 0)
        highlight(edge->to, edge->port);
    else
        highlight(-1, -1);
}

std::optional<nn::Edge> ConnectionDrag::edgeAt(QPointF scenePosition) const
{
    const NodeItem *under = nodeUnder(scenePosition);
    if (!under)
        return std::nullopt;
    if (sourceId_ < 0)
        return nn::Edge{under->nodeId(), targetId_, targetPort_, outputPortFor(*under, scenePosition)};
    return nn::Edge{sourceId_, under->nodeId(), inputPortFor(*under, scenePosition), sourcePort_};
}

int ConnectionDrag::outputPortFor(const NodeItem &source, QPointF scenePosition)
{
    return std::max(source.outputPortAt(scenePosition), 0);
}

NodeItem *ConnectionDrag::nodeUnder(QPointF scenePosition) const
{
    const int own = sourceId_ >= 0 ? sourceId_ : targetId_;
    for (QGraphicsItem *item : scene_->items(scenePosition))
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item); node && node->nodeId() != own)
            return node;
    return nullptr;
}

// The port under the mouse; else the first free one; else the only one (its edge is replaced).
int ConnectionDrag::inputPortFor(const NodeItem &target, QPointF scenePosition) const
{
    if (const int port = target.inputPortAt(scenePosition); port >= 0)
        return port;
    const std::vector<int> inputs = scene_->document()->graph().inputsOf(target.nodeId());
    for (int port = 0; port < target.inputPorts(); ++port)
        if (port >= static_cast<int>(inputs.size()) || inputs[static_cast<size_t>(port)] < 0 ||
            (detached_ && detached_->to == target.nodeId() && detached_->port == port))
            return port;
    return 0;
}

void ConnectionDrag::highlight(int nodeId, int port)
{
    if (highlightedNode_ >= 0 && highlightedNode_ != nodeId)
        if (NodeItem *old = scene_->nodeItem(highlightedNode_))
            old->setHighlightedInput(-1);
    highlightedNode_ = nodeId;
    if (NodeItem *node = nodeId >= 0 ? scene_->nodeItem(nodeId) : nullptr)
        node->setHighlightedInput(port);
}
