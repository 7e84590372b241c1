// DisconnectCommand: removes one edge (an input pulled off its port, or Disconnect on an edge).
#pragma once

#include "nn/graph.h"

#include <QCoreApplication>
#include <QUndoCommand>

class GraphDocument;

// Takes `edge` off its input port; undo puts it back.
class DisconnectCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(DisconnectCommand)

public:
    DisconnectCommand(GraphDocument *document, nn::Edge edge, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    GraphDocument *document_;
    nn::Edge edge_;
};
