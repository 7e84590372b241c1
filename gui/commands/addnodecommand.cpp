// Adding a node, and taking it away again.
#include "addnodecommand.h"

#include "document/graphdocument.h"
#include "document/graphfragment.h"

AddNodeCommand::AddNodeCommand(GraphDocument *document, std::string kind, QPointF position, std::string network,
                               QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), kind_(std::move(kind)), position_(position), network_(std::move(network))
{
    setText(tr("Add %1").arg(QString::fromStdString(kind_)));
}

void AddNodeCommand::redo()
{
    if (added_.is_null()) {
        nodeId_ = document_->addNode(kind_, position_, network_);
        added_ = graphfragment::of(document_->graph(), {nodeId_}, graphfragment::Edges::Inside);
    } else {
        document_->insertFragment(added_);
    }
}

void AddNodeCommand::undo()
{
    document_->removeNode(nodeId_);
}
