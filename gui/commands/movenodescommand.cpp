// Moving nodes, one drag at a time.
#include "movenodescommand.h"

#include "document/graphdocument.h"

MoveNodesCommand::MoveNodesCommand(GraphDocument *document, std::map<int, QPointF> from, std::map<int, QPointF> to,
                                   int drag, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), from_(std::move(from)), to_(std::move(to)), drag_(drag)
{
    updateText();
}

void MoveNodesCommand::redo()
{
    for (const auto &[id, position] : to_)
        document_->moveNode(id, position);
}

void MoveNodesCommand::undo()
{
    for (const auto &[id, position] : from_)
        document_->moveNode(id, position);
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (move->drag_ != drag_)
        return false;
    for (const auto &[id, position] : move->to_)
        to_[id] = position;
    for (const auto &[id, position] : move->from_)
        from_.try_emplace(id, position);
    setObsolete(from_ == to_);  // dragged back to where it started: nothing to undo
    updateText();
    return true;
}

void MoveNodesCommand::updateText()
{
    if (to_.size() == 1)
        setText(tr("Move %1").arg(QString::fromStdString(document_->graph().node(to_.begin()->first).name)));
    else
        setText(tr("Move %1 Layers").arg(to_.size()));
}
