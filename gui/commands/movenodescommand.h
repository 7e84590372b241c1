// MoveNodesCommand: moves one or several nodes; the steps of one mouse drag fold into one command,
// with the network a GAN project's node takes when it is dropped into the other frame.
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <map>
#include <string>
#include <utility>

class GraphDocument;

// Moves nodes from their old to their new positions (and networks). Commands with the same drag
// number merge, keeping the first command's starting positions and the last one's ends.
class MoveNodesCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(MoveNodesCommand)

public:
    static constexpr int kId = 1001;
    // Per node: its network before and after ("generator" → "discriminator").
    using NetworkChanges = std::map<int, std::pair<std::string, std::string>>;

    MoveNodesCommand(GraphDocument *document, std::map<int, QPointF> from, std::map<int, QPointF> to, int drag,
                     NetworkChanges networks = {}, QUndoCommand *parent = nullptr);

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
    NetworkChanges networks_;
};
