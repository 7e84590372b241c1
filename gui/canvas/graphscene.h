// GraphScene: the canvas's items, kept in step with the GraphDocument, and the mouse gestures
// that edit it (moving nodes, drawing connections), which it turns into undo commands.
#pragma once

#include "networkframes.h"

#include "nn/graph.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointF>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class ConnectionDrag;
class EdgeItem;
class GraphDocument;
class NodeItem;
class QMenu;

// Observes the document: one NodeItem per node, one EdgeItem per edge, refreshed on its signals.
class GraphScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit GraphScene(GraphDocument *document, QObject *parent = nullptr);
    ~GraphScene() override;

    GraphDocument *document() const { return document_; }
    NodeItem *nodeItem(int id) const { return nodes_.value(id); }
    EdgeItem *edgeItem(int to, int port) const;

    std::vector<int> selectedNodeIds() const;
    std::vector<nn::Edge> selectedEdges() const;
    void selectNodes(const std::vector<int> &ids);
    // The area the nodes cover (for Fit to View); empty when there are none.
    QRectF nodesBoundingRect() const;

    // A GAN project's frames; networkAt says which network a node dropped at `point` joins
    // (empty for a project of one network).
    const NetworkFrames &frames() const { return frames_; }
    std::string networkAt(QPointF point) const { return frames_.networkAt(*document_, point); }

    // Adds the actions of another part of the window (Show Neurons) to a node's context menu, also
    // while training.
    void setNodeMenuExtension(std::function<void(QMenu &menu, int nodeId)> extension) { nodeMenu_ = std::move(extension); }

    // While training: selecting still works; moving and connecting do not, and a node's context menu
    // holds only the extension's actions.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }

signals:
    // Something the status bar should say ("Connection refused: …").
    void statusMessage(const QString &message);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void rebuild();
    void addNodeItem(int id);
    void removeNodeItem(int id);
    void addEdgeItem(int from, int to, int port);
    void removeEdgeItem(int from, int to, int port);
    void updateNode(int id);
    void updateRole(int id);
    void updateInputRoles();
    void moveNode(int id);
    void updatePorts(int id);
    void updateShapes();
    void updateEdgesOf(int id);

    bool beginConnection(QPointF scenePosition);
    void finishConnection(QPointF scenePosition);
    void dragSelection(QPointF scenePosition);
    void finishDrag();
    void addBackgroundActions(QMenu &menu);

    GraphDocument *document_;
    QHash<int, NodeItem *> nodes_;
    std::map<std::pair<int, int>, EdgeItem *> edges_;  // keyed by (to, port): one edge per input

    NetworkFrames frames_{this};
    std::unique_ptr<ConnectionDrag> connection_;
    // A node drag: where it started and where each selected node was; one drag = one undo step.
    bool readOnly_ = false;
    bool pressedOnNode_ = false;
    bool moving_ = false;
    QPointF pressPosition_;
    std::map<int, QPointF> dragStart_;
    int dragNumber_ = 0;
    std::function<void(QMenu &, int)> nodeMenu_;
};
