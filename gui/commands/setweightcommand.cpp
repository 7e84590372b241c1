// SetWeightCommand: the change goes through the controller to the worker, as every weight change does.
#include "commands/setweightcommand.h"

#include "training/trainingcontroller.h"

SetWeightCommand::SetWeightCommand(TrainingController *training, std::string parameter, qint64 index, float before,
                                   float after, const QString &link, QUndoCommand *parent)
    : QUndoCommand(tr("Set Weight %1").arg(link), parent), training_(training), parameter_(std::move(parameter)),
      index_(index), before_(before), after_(after)
{
}

void SetWeightCommand::redo()
{
    if (training_)
        training_->setWeight(parameter_, index_, after_);
}

void SetWeightCommand::undo()
{
    if (training_)
        training_->setWeight(parameter_, index_, before_);
}
