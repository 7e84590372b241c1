// RemoveSelectionCommand: deletes the selected layers with their connections, and selected edges.
#pragma once

#include "nn/graph.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QUndoCommand>

#include <vector>

class GraphDocument;

// Undo re-inserts what was removed from the same JSON fragment form that files use.
class RemoveSelectionCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(RemoveSelectionCommand)

public:
    RemoveSelectionCommand(GraphDocument *document, std::vector<int> nodeIds, std::vector<nn::Edge> edges,
                           QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    GraphDocument *document_;
    std::vector<int> nodeIds_;
    std::vector<nn::Edge> edges_;  // selected edges that touch none of the nodes
    nlohmann::json removed_;       // the nodes, every edge touching them, and edges_
};
