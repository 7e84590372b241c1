// PasteCommand: inserts copied layers with fresh ids and names, moved so they do not hide the originals.
#pragma once

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <vector>

class GraphDocument;

// Pastes a fragment (the clipboard's JSON). The constructor renumbers it against the document
// and throws nn::Error when the clipboard does not hold a valid piece of network.
class PasteCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PasteCommand)

public:
    PasteCommand(GraphDocument *document, const nlohmann::json &fragment, QPointF offset,
                 QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    const std::vector<int> &pastedIds() const { return pastedIds_; }

private:
    GraphDocument *document_;
    nlohmann::json pasted_;  // with the ids and names it gets in the document
    std::vector<int> pastedIds_;
};
