// AddNodeCommand: puts a new layer of a kind on the canvas (a palette drop).
#pragma once

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <string>

class GraphDocument;

// Adds a node with the kind's default settings; redo after undo brings back the same id and name.
class AddNodeCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(AddNodeCommand)

public:
    // `network`: a GAN project's frame the node is dropped into; empty for a project of one network.
    AddNodeCommand(GraphDocument *document, std::string kind, QPointF position, std::string network = {},
                   QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    int nodeId() const { return nodeId_; }

private:
    GraphDocument *document_;
    std::string kind_;
    QPointF position_;
    std::string network_;
    int nodeId_ = -1;
    nlohmann::json added_;  // the node as a fragment, once added
};
