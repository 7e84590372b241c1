// AutoLayoutCommand: arranges every node in rows by depth (View ▸ Auto Layout).
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <map>

class GraphDocument;

// Moves all nodes to their layered-layout positions; undo puts each back.
class AutoLayoutCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(AutoLayoutCommand)

public:
    explicit AutoLayoutCommand(GraphDocument *document, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // False when the nodes already sit where the layout puts them.
    bool movesAnything() const { return before_ != after_; }

private:
    GraphDocument *document_;
    std::map<int, QPointF> before_;
    std::map<int, QPointF> after_;
};
