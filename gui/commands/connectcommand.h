// ConnectCommand: wires a node's output to an input port, replacing what fed that port before.
#pragma once

#include "nn/graph.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

class GraphDocument;

// Connects `edge`; an edge that fed the same input is taken off first and restored on undo.
class ConnectCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ConnectCommand)

public:
    ConnectCommand(GraphDocument *document, nn::Edge edge, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    GraphDocument *document_;
    nn::Edge edge_;
    std::optional<nn::Edge> replaced_;
};
