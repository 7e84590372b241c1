// Pasting a fragment, and removing it again.
#include "pastecommand.h"

#include "document/graphdocument.h"
#include "document/graphfragment.h"

PasteCommand::PasteCommand(GraphDocument *document, const nlohmann::json &fragment, QPointF offset,
                           QUndoCommand *parent)
    : QUndoCommand(parent), document_(document),
      pasted_(graphfragment::withFreshIds(fragment, document->graph(), offset.x(), offset.y()))
{
    const size_t count = pasted_["nodes"].size();
    setText(count == 1 ? tr("Paste %1").arg(QString::fromStdString(pasted_["nodes"][0]["name"].get<std::string>()))
                       : tr("Paste %1 Layers").arg(count));
}

void PasteCommand::redo()
{
    pastedIds_ = document_->insertFragment(pasted_);
}

void PasteCommand::undo()
{
    for (int id : pastedIds_)
        document_->removeNode(id);
}
