// SetWeightCommand: one trained weight changed by hand (a click on a link in the Neurons view).
#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

#include <string>

class TrainingController;

// Sets a weight of the trained model to `after`; undo puts back `before`. Like any weight change, it
// is refused (with a message) while training runs.
class SetWeightCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(SetWeightCommand)

public:
    // `link` names the weight for the Edit menu: "hidden1 unit 2 → hidden2 unit 3".
    SetWeightCommand(TrainingController *training, std::string parameter, qint64 index, float before, float after,
                     const QString &link, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QPointer<TrainingController> training_;
    std::string parameter_;
    qint64 index_;
    float before_, after_;
};
