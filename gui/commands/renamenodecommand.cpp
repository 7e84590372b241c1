// Renaming a node, and back.
#include "renamenodecommand.h"

#include "document/graphdocument.h"

RenameNodeCommand::RenameNodeCommand(GraphDocument *document, int nodeId, std::string name, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), nodeId_(nodeId), old_(document->graph().node(nodeId).name),
      new_(std::move(name))
{
    setText(tr("Rename %1 to %2").arg(QString::fromStdString(old_), QString::fromStdString(new_)));
}

void RenameNodeCommand::redo()
{
    document_->renameNode(nodeId_, new_);
}

void RenameNodeCommand::undo()
{
    document_->renameNode(nodeId_, old_);
}
