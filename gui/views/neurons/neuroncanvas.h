// NeuronCanvas: the neurons inside the canvas's nodes (TensorFlow Playground's heat maps, for any
// number of units) and the weight links between expanded layers. It owns which nodes are expanded,
// asks the worker for their maps through its probe, and gives the canvas items what to paint.
#pragma once

#include "views/neurons/neuronsnapshot.h"
#include "views/neurons/weightlinksitem.h"

#include "training/modelprobe.h"

#include <QDoubleSpinBox>
#include <QObject>
#include <QPoint>
#include <QPointer>

#include <memory>
#include <set>

class GraphScene;
class NeuronPanelItem;
class NodeItem;
class QMenu;
class TrainingController;

// Lives on the GUI thread with the scene; the probe computes on the worker thread.
class NeuronCanvas : public QObject {
    Q_OBJECT

public:
    NeuronCanvas(GraphScene *scene, TrainingController *training, QObject *parent = nullptr);
    ~NeuronCanvas() override;

    // Computes the expanded nodes' maps at Prepared, Epoch and Finished, and at Step at most 5 times a second.
    ModelProbe probe();
    void setSnapshot(NeuronSnapshot snapshot);
    const NeuronSnapshot &snapshot() const { return snapshot_; }

    // Whether a node's output is a flat layer [N, units] that can show neurons.
    bool canExpand(int nodeId) const;
    bool isExpanded(int nodeId) const { return expanded_.count(nodeId) > 0; }
    void setExpanded(int nodeId, bool expanded);
    void toggle(int nodeId) { setExpanded(nodeId, !isExpanded(nodeId)); }
    // Expands every node that can (the screenshots' --show-neurons).
    void expandAll();
    const std::set<int> &expandedIds() const { return expanded_; }
    // "Show Neurons" / "Hide Neurons" for a node's context menu (nothing for a node that cannot).
    void addActionsTo(QMenu &menu, int nodeId);

    NeuronPanelItem *panel(int nodeId) const;
    WeightLinksItem *links() const;
    // Sets the weight a link shows (as clicking it and typing a value does); refused while a run goes.
    void setWeight(const WeightLink &link, float value);
    // The editor a click on a link opened (nullptr when none is open).
    QDoubleSpinBox *editor() const { return editor_; }

signals:
    void snapshotChanged();
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Requested;  // the expanded ids, shared with the probe on the worker thread
    void projectReset();
    void sync();
    void syncNode(int nodeId);
    void updateLinks();
    void requestMaps();
    void editLink(const WeightLink &link, QPoint screenPosition);
    NodeItem *nodeUnder(QPointF scenePosition) const;

    GraphScene *scene_;
    TrainingController *training_;
    std::set<int> expanded_;
    std::shared_ptr<Requested> requested_;
    NeuronSnapshot snapshot_;
    WeightLinksItem *links_ = nullptr;  // owned by the scene (a scene's clear() deletes it: projectReset forgets it)
    QPointer<QDoubleSpinBox> editor_;
    WeightLink lastEdit_;  // the link last set, with its value before: the status bar says both
};
