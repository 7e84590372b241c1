// Removing nodes and edges, and putting them back from their fragment.
#include "removeselectioncommand.h"

#include "document/graphdocument.h"
#include "document/graphfragment.h"

#include <algorithm>

RemoveSelectionCommand::RemoveSelectionCommand(GraphDocument *document, std::vector<int> nodeIds,
                                               std::vector<nn::Edge> edges, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), nodeIds_(std::move(nodeIds)), edges_(std::move(edges))
{
    // Edges of removed nodes go with them; keep only the others.
    std::erase_if(edges_, [this](const nn::Edge &e) {
        return std::count(nodeIds_.begin(), nodeIds_.end(), e.from) || std::count(nodeIds_.begin(), nodeIds_.end(), e.to);
    });
    removed_ = graphfragment::of(document_->graph(), nodeIds_, graphfragment::Edges::Touching);
    for (const nn::Edge &e : edges_)
        removed_["edges"].push_back({{"from", e.from}, {"to", e.to}, {"port", e.port}});

    if (nodeIds_.size() == 1 && edges_.empty())
        setText(tr("Delete %1").arg(QString::fromStdString(document_->graph().node(nodeIds_.front()).name)));
    else if (nodeIds_.empty())
        setText(edges_.size() == 1 ? tr("Delete Connection") : tr("Delete %1 Connections").arg(edges_.size()));
    else
        setText(tr("Delete %1 Layers").arg(nodeIds_.size()));
}

void RemoveSelectionCommand::redo()
{
    for (const nn::Edge &e : edges_)
        document_->disconnectPort(e.to, e.port);
    for (int id : nodeIds_)
        document_->removeNode(id);
}

void RemoveSelectionCommand::undo()
{
    document_->insertFragment(removed_);
}
