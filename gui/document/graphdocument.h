// GraphDocument: the open project as an editable model. Every edit goes through it by node id;
// the canvas and the panels observe its signals, undo commands call its methods.
#pragma once

#include "nn/graph.h"
#include "nn/project.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QPointF>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QUndoStack;

// The project being edited, its file path, its undo history and the shapes of its nodes.
class GraphDocument : public QObject {
    Q_OBJECT

public:
    explicit GraphDocument(QObject *parent = nullptr);

    const nn::Project &project() const { return project_; }
    const nn::Graph &graph() const { return project_.graph; }
    QUndoStack *undoStack() const { return undoStack_; }

    // Replaces the whole project (New, Open) and forgets the undo history.
    void setProject(nn::Project project, const QString &filePath = {});
    QString filePath() const { return filePath_; }
    // After Save As: the new path, and the project named after the file.
    void setFilePath(const QString &path);
    // "spiral.layerlab.json" → "spiral": the name a project saved at `path` takes.
    static QString projectNameFor(const QString &path);
    // Unsaved edits exist: the undo stack is away from its clean state.
    // Edits not saved, or trained weights not saved (setWeightsUnsaved): the title's "*" and the
    // question before closing.
    bool isModified() const;
    void markSaved();
    // Training changed the weights since the last save: unsaved work too.
    void setWeightsUnsaved();

    // The result of shape inference for a node, current after every edit.
    const nn::NodeStatus &status(int id) const;
    // True when the node's problem is not its own: an input is not connected yet, or an input
    // has a problem of its own. The canvas draws such nodes muted, not red.
    bool waitsForInput(int id) const;
    // Input ports the canvas shows: the kind's count, or for Add and Concat one free port more
    // than the highest one connected (and at least the kind's minimum).
    int visibleInputPorts(int id) const;

    // Edits by id. Each emits its signal, then re-runs shape inference and emits shapesChanged.
    // They throw nn::Error for a request the graph refuses; the checks below say so beforehand.
    // `network`: in a GAN project, the frame the node is dropped into ("generator", "discriminator").
    int addNode(const std::string &kind, QPointF position, const std::string &network = {});
    void removeNode(int id);
    void moveNode(int id, QPointF position);
    void renameNode(int id, const std::string &name);
    // Moves a GAN project's node into the other network's frame (emits nodeChanged).
    void setNetwork(int id, const std::string &network);
    void setSetting(int id, const std::string &setting, const nn::SettingValue &value);
    void connectPorts(const nn::Edge &edge);
    void disconnectPort(int to, int port);

    // Why an edit would be refused, in words for the status bar; empty when it is fine. An input
    // that is taken is no problem for connectionProblem: ConnectCommand replaces what feeds it.
    QString connectionProblem(const nn::Edge &edge) const;
    QString renameProblem(int id, const std::string &name) const;
    QString settingProblem(int id, const std::string &setting, const nn::SettingValue &value) const;

    // The data and training settings (the training panel's edits, through
    // ChangeProjectSettingsCommand). Each emits dataChanged or trainingChanged.
    void setData(const nn::DataSpec &data);
    void setTraining(const nn::TrainingConfig &training);
    // The "gan" section (the GAN settings, or none for a project of one network); emits ganChanged.
    void setGan(const std::optional<nn::GanConfig> &gan);
    bool isGan() const { return project_.gan.has_value(); }

    // Inserts a fragment's nodes (keeping their ids and names), then its edges; returns the ids.
    std::vector<int> insertFragment(const nlohmann::json &fragment);

signals:
    void projectReset();
    void nodeAdded(int id);
    void nodeRemoved(int id);
    void nodeMoved(int id);
    void nodeChanged(int id);  // name or settings
    void edgeAdded(int from, int to, int port);
    void edgeRemoved(int from, int to, int port);
    void shapesChanged();
    void dataChanged();
    void trainingChanged();
    void ganChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void connectInOrder(const nn::Edge &edge);
    void sortEdges();
    void updateShapes();

    nn::Project project_;
    QString filePath_;
    QUndoStack *undoStack_;
    bool weightsUnsaved_ = false;
    std::map<int, nn::NodeStatus> status_;
};
