// ChangeSettingCommand: one edit of one setting of one node, from the inspector.
#pragma once

#include "nn/settings.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>

class GraphDocument;

// Sets a node's setting to a new value; undo restores the old one. The value must be valid
// (GraphDocument::settingProblem is empty), as it is checked before the command is made.
class ChangeSettingCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ChangeSettingCommand)

public:
    ChangeSettingCommand(GraphDocument *document, int nodeId, std::string setting, nn::SettingValue value,
                         QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    GraphDocument *document_;
    int nodeId_;
    std::string setting_;
    nn::SettingValue old_;
    nn::SettingValue new_;
};
