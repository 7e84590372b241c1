// Disconnecting an edge, and undoing it.
#include "disconnectcommand.h"

#include "document/graphdocument.h"

DisconnectCommand::DisconnectCommand(GraphDocument *document, nn::Edge edge, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), edge_(edge)
{
    const nn::Graph &graph = document_->graph();
    setText(tr("Disconnect %1 from %2")
                .arg(QString::fromStdString(graph.node(edge_.from).name), QString::fromStdString(graph.node(edge_.to).name)));
}

void DisconnectCommand::redo()
{
    document_->disconnectPort(edge_.to, edge_.port);
}

void DisconnectCommand::undo()
{
    document_->connectPorts(edge_);
}
