// RenameNodeCommand: gives a node a new name (the inspector's name field).
#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>

class GraphDocument;

// Renames a node; the name must be free (GraphDocument::renameProblem is empty).
class RenameNodeCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(RenameNodeCommand)

public:
    RenameNodeCommand(GraphDocument *document, int nodeId, std::string name, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    GraphDocument *document_;
    int nodeId_;
    std::string old_;
    std::string new_;
};
