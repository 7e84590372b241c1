// The canvas scene: mirrors the document and turns mouse gestures into undo commands.
#include "graphscene.h"

#include "canvasstyle.h"
#include "connectiondrag.h"
#include "edgeitem.h"
#include "nodeitem.h"

#include "commands/connectcommand.h"
#include "commands/disconnectcommand.h"
#include "commands/makegan.h"
#include "commands/movenodescommand.h"
#include "commands/removeselectioncommand.h"
#include "document/graphdocument.h"
#include "document/shapetext.h"

#include "nn/registry.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>
#include <QUndoStack>

#include <algorithm>

GraphScene::GraphScene(GraphDocument *document, QObject *parent) : QGraphicsScene(parent), document_(document)
{
    setBackgroundBrush(canvasstyle::backgroundColor());
    connect(document_, &GraphDocument::projectReset, this, &GraphScene::rebuild);
    connect(document_, &GraphDocument::nodeAdded, this, &GraphScene::addNodeItem);
    connect(document_, &GraphDocument::nodeRemoved, this, &GraphScene::removeNodeItem);
    connect(document_, &GraphDocument::nodeMoved, this, &GraphScene::moveNode);
    connect(document_, &GraphDocument::nodeChanged, this, &GraphScene::updateNode);
    connect(document_, &GraphDocument::edgeAdded, this, &GraphScene::addEdgeItem);
    connect(document_, &GraphDocument::edgeRemoved, this, &GraphScene::removeEdgeItem);
    connect(document_, &GraphDocument::shapesChanged, this, &GraphScene::updateShapes);
    connect(document_, &GraphDocument::ganChanged, this, &GraphScene::updateInputRoles);
    connect(document_, &GraphDocument::dataChanged, this, &GraphScene::updateInputRoles);
    rebuild();
}

GraphScene::~GraphScene()
{
    // Items go quietly: the observers of selectionChanged may already be gone.
    blockSignals(true);
    connection_.reset();
    clear();
}

EdgeItem *GraphScene::edgeItem(int to, int port) const
{
    const auto at = edges_.find({to, port});
    return at == edges_.end() ? nullptr : at->second;
}

std::vector<int> GraphScene::selectedNodeIds() const
{
    std::vector<int> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            ids.push_back(node->nodeId());
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<nn::Edge> GraphScene::selectedEdges() const
{
    std::vector<nn::Edge> edges;
    for (QGraphicsItem *item : selectedItems())
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(item))
            edges.push_back(edge->edge());
    return edges;
}

void GraphScene::selectNodes(const std::vector<int> &ids)
{
    clearSelection();
    for (int id : ids)
        if (NodeItem *node = nodeItem(id))
            node->setSelected(true);
}

QRectF GraphScene::nodesBoundingRect() const
{
    QRectF area;
    for (const NodeItem *node : nodes_)
        area = area.united(node->sceneBoundingRect()).united(node->mapRectToScene(node->childrenBoundingRect()));
    return area;
}

void GraphScene::rebuild()
{
    connection_.reset();
    clear();
    nodes_.clear();
    edges_.clear();
    frames_.create();
    for (const nn::Node &node : document_->graph().nodes())
        addNodeItem(node.id);
    for (const nn::Edge &edge : document_->graph().edges())
        addEdgeItem(edge.from, edge.to, edge.port);
    updateShapes();
}

void GraphScene::addNodeItem(int id)
{
    auto *item = new NodeItem(id);
    nodes_.insert(id, item);
    addItem(item);
    updateNode(id);
}

void GraphScene::removeNodeItem(int id)
{
    delete nodes_.take(id);  // its edges went before it (edgeRemoved comes first)
    frames_.update(*document_);
}

void GraphScene::addEdgeItem(int from, int to, int port)
{
    const nn::Edge edge = document_->graph().inputEdgesOf(to).at(size_t(port));  // with its output port
    auto *item = new EdgeItem(edge, nodeItem(from), nodeItem(to));
    edges_[{to, port}] = item;
    addItem(item);
    updatePorts(to);
    frames_.update(*document_);  // G's output may have changed
}

void GraphScene::removeEdgeItem(int, int to, int port)
{
    const auto at = edges_.find({to, port});
    if (at == edges_.end())
        return;
    delete at->second;
    edges_.erase(at);
    if (document_->graph().contains(to))  // not when the edge goes with its node
        updatePorts(to);
    frames_.update(*document_);
}

void GraphScene::updateNode(int id)
{
    const nn::Node &node = document_->graph().node(id);
    nodeItem(id)->setNode(node, nn::layerRegistry().spec(node.kind));
    updateRole(id);
    updatePorts(id);  // a setting can change the outputs (Split's parts)
    frames_.update(*document_);  // its network may have changed
}

// A GAN project's Inputs are its noise source and its real-data node, and say so.
void GraphScene::updateRole(int id)
{
    const nn::Node &node = document_->graph().node(id);
    const std::optional<nn::GanConfig> &gan = document_->project().gan;
    if (!gan || node.kind != "Input" || node.network.empty())
        return;
    if (node.network == "generator")
        nodeItem(id)->setRoleText(tr("Noise · %1").arg(QString::fromStdString(gan->noise)),
                                  tr("The noise source of the generator: z drawn from the %1 distribution; its shape is "
                                     "z's dimension. Set both in the inspector.")
                                      .arg(QString::fromStdString(gan->noise)));
    else
        nodeItem(id)->setRoleText(tr("Real data · %1").arg(QString::fromStdString(document_->project().data.source)),
                                  tr("The discriminator's input: batches of real samples of the data, then the "
                                     "generator's fake samples. Its shape is the data's."));
}

void GraphScene::updateInputRoles()
{
    for (const nn::Node &node : document_->graph().nodes())
        if (node.kind == "Input")
            updateNode(node.id);
}

void GraphScene::moveNode(int id)
{
    const nn::Node &node = document_->graph().node(id);
    nodeItem(id)->setPos(node.x, node.y);
    updateEdgesOf(id);
    frames_.update(*document_);
}

// Port counts and which inputs are taken; the node's edges follow the ports.
void GraphScene::updatePorts(int id)
{
    NodeItem *item = nodeItem(id);
    item->setInputPorts(document_->visibleInputPorts(id));
    item->setOutputPorts(document_->graph().outputPortsOf(id));
    std::vector<bool> connected;
    for (int input : document_->graph().inputsOf(id))
        connected.push_back(input >= 0);
    item->setConnectedInputs(connected);
    updateEdgesOf(id);
}

void GraphScene::updateShapes()
{
    for (NodeItem *node : std::as_const(nodes_))
        node->setStatus(document_->status(node->nodeId()), document_->waitsForInput(node->nodeId()));
    for (const auto &[key, edge] : edges_)
        edge->setLabel(shapeText(document_->status(edge->edge().from).output(size_t(edge->edge().fromPort))));
}

void GraphScene::updateEdgesOf(int id)
{
    for (const auto &[key, edge] : edges_)
        if (edge->edge().from == id || edge->edge().to == id)
            edge->updateGeometry();
}

void GraphScene::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    connection_.reset();
    pressedOnNode_ = moving_ = false;
    update();
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (readOnly_) {
        QGraphicsScene::mousePressEvent(event);  // selection only
        return;
    }
    if (event->button() == Qt::LeftButton && beginConnection(event->scenePos())) {
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
    pressedOnNode_ = event->button() == Qt::LeftButton && qgraphicsitem_cast<NodeItem *>(mouseGrabberItem());
    if (!pressedOnNode_)
        return;
    pressPosition_ = event->scenePos();
    moving_ = false;
    dragStart_.clear();
    for (int id : selectedNodeIds()) {
        const nn::Node &node = document_->graph().node(id);
        dragStart_[id] = QPointF(node.x, node.y);
    }
    ++dragNumber_;
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (connection_) {
        connection_->moveTo(event->scenePos());
        return;
    }
    if (pressedOnNode_ && (event->buttons() & Qt::LeftButton)) {
        dragSelection(event->scenePos());
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (connection_) {
        finishConnection(event->scenePos());
        return;
    }
    if (moving_)
        finishDrag();
    pressedOnNode_ = false;
    moving_ = false;
    QGraphicsScene::mouseReleaseEvent(event);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    QGraphicsItem *item = itemAt(event->scenePos(), QTransform());
    if (item && item->parentItem() && qgraphicsitem_cast<NodeItem *>(item->parentItem()))
        item = item->parentItem();  // a part of the card (its neurons): the node's menu
    QMenu menu;
    if (readOnly_) {
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item); node && nodeMenu_)
            nodeMenu_(menu, node->nodeId());
        if (menu.isEmpty())
            emit statusMessage(tr("Training — stop to edit the network."));
        else
            menu.exec(event->screenPos());
        return;
    }
    if (auto *edge = qgraphicsitem_cast<EdgeItem *>(item)) {
        const nn::Edge target = edge->edge();
        connect(menu.addAction(tr("Disconnect")), &QAction::triggered, this,
                [this, target] { document_->undoStack()->push(new DisconnectCommand(document_, target)); });
    } else if (auto *node = qgraphicsitem_cast<NodeItem *>(item)) {
        if (!node->isSelected())
            selectNodes({node->nodeId()});
        connect(menu.addAction(tr("Delete")), &QAction::triggered, this, [this] {
            document_->undoStack()->push(new RemoveSelectionCommand(document_, selectedNodeIds(), selectedEdges()));
        });
        if (nodeMenu_)
            nodeMenu_(menu, node->nodeId());
    } else if (!NetworkFrames::showsFrames(*document_)) {
        addBackgroundActions(menu);
    } else {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    menu.exec(event->screenPos());
}

// Starts a connection when the press is on a port; false leaves the press to selection and moving.
bool GraphScene::beginConnection(QPointF scenePosition)
{
    for (QGraphicsItem *item : items(scenePosition)) {
        auto *node = qgraphicsitem_cast<NodeItem *>(item);
        if (!node)
            continue;
        const int outputPort = node->outputPortAt(scenePosition);
        const int inputPort = outputPort >= 0 ? -1 : node->inputPortAt(scenePosition);
        if (outputPort < 0 && inputPort < 0)
            return false;  // on the card itself: a move
        connection_ = std::make_unique<ConnectionDrag>(this, node->nodeId(), inputPort, std::max(outputPort, 0));
        connection_->moveTo(scenePosition);
        return true;
    }
    return false;
}

// A release on a node connects (or moves a picked-up connection there); on nothing it cancels,
// or for a picked-up connection, disconnects it.
void GraphScene::finishConnection(QPointF scenePosition)
{
    const std::optional<nn::Edge> edge = connection_->edgeAt(scenePosition);
    const std::optional<nn::Edge> detached = connection_->detached();
    connection_.reset();
    QUndoStack *stack = document_->undoStack();
    if (!edge) {
        if (detached)
            stack->push(new DisconnectCommand(document_, *detached));
        return;
    }
    if (edge == detached)
        return;
    if (const QString problem = document_->connectionProblem(*edge); !problem.isEmpty()) {
        emit statusMessage(problem);
        return;
    }
    if (!detached) {
        stack->push(new ConnectCommand(document_, *edge));
        return;
    }
    stack->beginMacro(tr("Reconnect %1").arg(QString::fromStdString(document_->graph().node(edge->from).name)));
    stack->push(new DisconnectCommand(document_, *detached));
    stack->push(new ConnectCommand(document_, *edge));
    stack->endMacro();
}

void GraphScene::dragSelection(QPointF scenePosition)
{
    const QPointF delta = scenePosition - pressPosition_;
    if (!moving_ && delta.manhattanLength() < QApplication::startDragDistance())
        return;
    moving_ = true;
    std::map<int, QPointF> to;
    bool changes = false;
    for (const auto &[id, start] : dragStart_) {
        to[id] = canvasstyle::snappedToGrid(start + delta);
        const nn::Node &node = document_->graph().node(id);
        changes = changes || to[id] != QPointF(node.x, node.y);
    }
    if (changes)
        document_->undoStack()->push(new MoveNodesCommand(document_, dragStart_, to, dragNumber_));
}

// A node dropped inside the other network's frame joins that network, in the drag's undo step.
void GraphScene::finishDrag()
{
    std::vector<int> moved;
    std::map<int, QPointF> at;
    for (const auto &[id, start] : dragStart_) {
        moved.push_back(id);
        const nn::Node &node = document_->graph().node(id);
        at[id] = QPointF(node.x, node.y);
    }
    MoveNodesCommand::NetworkChanges landings = frames_.landings(*document_, moved);
    if (!landings.empty())
        document_->undoStack()->push(new MoveNodesCommand(document_, dragStart_, at, dragNumber_, std::move(landings)));
}

void GraphScene::addBackgroundActions(QMenu &menu)
{
    QAction *action = menu.addAction(tr("Make This a GAN"));
    action->setStatusTip(tr("Replaces the network with a small generator and discriminator for the current data "
                            "(Undo brings it back)."));
    connect(action, &QAction::triggered, this, [this] { makegan::push(document_); });
}
