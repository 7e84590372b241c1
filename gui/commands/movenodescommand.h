// MoveNodesCommand: moves one or several nodes; the steps of one mouse drag fold into one command.
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <map>

class GraphDocument;

// Moves nodes from their old to their new positions. Commands with the same drag number merge,
// keeping the first command's starting positions and the last one's ends.
class MoveNodesCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(MoveNodesCommand)

public:
    static constexpr int kId = 1001;

    MoveNodesCommand(GraphDocument *document, std::map<int, QPointF> from, std::map<int, QPointF> to, int drag,
                     QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void updateText();

    GraphDocument *document_;
    std::map<int, QPointF> from_;
    std::map<int, QPointF> to_;
    int drag_;
};
