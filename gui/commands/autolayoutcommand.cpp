// Auto layout as one undoable step.
#include "autolayoutcommand.h"

#include "document/graphdocument.h"
#include "document/layeredlayout.h"

AutoLayoutCommand::AutoLayoutCommand(GraphDocument *document, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), after_(layeredlayout::positionsByNetwork(document->graph()))
{
    for (const nn::Node &node : document_->graph().nodes())
        before_[node.id] = QPointF(node.x, node.y);
    setText(tr("Auto Layout"));
}

void AutoLayoutCommand::redo()
{
    for (const auto &[id, position] : after_)
        document_->moveNode(id, position);
}

void AutoLayoutCommand::undo()
{
    for (const auto &[id, position] : before_)
        document_->moveNode(id, position);
}
