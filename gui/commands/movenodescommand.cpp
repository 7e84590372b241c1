// Moving nodes, one drag at a time, and between a GAN project's frames.
#include "movenodescommand.h"

#include "document/ganstatus.h"
#include "document/graphdocument.h"

#include <algorithm>

MoveNodesCommand::MoveNodesCommand(GraphDocument *document, std::map<int, QPointF> from, std::map<int, QPointF> to,
                                   int drag, NetworkChanges networks, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), from_(std::move(from)), to_(std::move(to)), drag_(drag),
      networks_(std::move(networks))
{
    updateText();
}

void MoveNodesCommand::redo()
{
    for (const auto &[id, position] : to_)
        document_->moveNode(id, position);
    for (const auto &[id, network] : networks_)
        if (network.first != network.second)
            document_->setNetwork(id, network.second);
}

void MoveNodesCommand::undo()
{
    for (const auto &[id, network] : networks_)
        if (network.first != network.second)
            document_->setNetwork(id, network.first);
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
    for (const auto &[id, network] : move->networks_)
        networks_.try_emplace(id, network).first->second.second = network.second;
    const bool sameNetworks = std::all_of(networks_.begin(), networks_.end(), [](const auto &n) { return n.second.first == n.second.second; });
    setObsolete(from_ == to_ && sameNetworks);  // dragged back to where it started: nothing to undo
    updateText();
    return true;
}

void MoveNodesCommand::updateText()
{
    const auto moved = std::find_if(networks_.begin(), networks_.end(), [](const auto &n) { return n.second.first != n.second.second; });
    if (moved != networks_.end())
        setText(tr("Move %1 into %2")
                    .arg(QString::fromStdString(document_->graph().node(moved->first).name),
                         ganstatus::frameName(moved->second.second)));
    else if (to_.size() == 1)
        setText(tr("Move %1").arg(QString::fromStdString(document_->graph().node(to_.begin()->first).name)));
    else
        setText(tr("Move %1 Layers").arg(to_.size()));
}
