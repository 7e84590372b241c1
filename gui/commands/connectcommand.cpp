// Connecting two nodes, and undoing it.
#include "connectcommand.h"

#include "document/graphdocument.h"

ConnectCommand::ConnectCommand(GraphDocument *document, nn::Edge edge, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), edge_(edge)
{
    for (const nn::Edge &e : document_->graph().edges())
        if (e.to == edge_.to && e.port == edge_.port)
            replaced_ = e;
    const nn::Graph &graph = document_->graph();
    setText(tr("Connect %1 to %2")
                .arg(QString::fromStdString(graph.node(edge_.from).name), QString::fromStdString(graph.node(edge_.to).name)));
}

void ConnectCommand::redo()
{
    if (replaced_)
        document_->disconnectPort(replaced_->to, replaced_->port);
    document_->connectPorts(edge_);
}

void ConnectCommand::undo()
{
    document_->disconnectPort(edge_.to, edge_.port);
    if (replaced_)
        document_->connectPorts(*replaced_);
}
