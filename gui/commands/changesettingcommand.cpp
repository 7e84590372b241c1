// Changing a setting, and changing it back.
#include "changesettingcommand.h"

#include "document/graphdocument.h"
#include "document/settingtext.h"

ChangeSettingCommand::ChangeSettingCommand(GraphDocument *document, int nodeId, std::string setting,
                                           nn::SettingValue value, QUndoCommand *parent)
    : QUndoCommand(parent), document_(document), nodeId_(nodeId), setting_(std::move(setting)), new_(std::move(value))
{
    const nn::Node &node = document_->graph().node(nodeId_);
    old_ = node.settings.value(setting_);
    setText(tr("Set %1 of %2 to %3")
                .arg(QString::fromStdString(setting_), QString::fromStdString(node.name), settingText(new_)));
}

void ChangeSettingCommand::redo()
{
    document_->setSetting(nodeId_, setting_, new_);
}

void ChangeSettingCommand::undo()
{
    document_->setSetting(nodeId_, setting_, old_);
}
