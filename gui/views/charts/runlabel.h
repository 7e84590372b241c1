// The settings a run trained with, in a few words, for the legend of "Compare runs".
#pragma once

#include <QCoreApplication>
#include <QString>

namespace nn {
struct Project;
struct TrainingConfig;
}

// Names a run by its settings.
class RunLabel {
    Q_DECLARE_TR_FUNCTIONS(RunLabel)

public:
    // "Adam lr 0.01 · batch 16 · L2 0.0001 · dropout 0.3": the optimizer and its learning rate, the
    // batch, and regularization where it is on (L1, L2, the dropout layers' rates).
    static QString of(const nn::Project &project);

private:
    static QString learningRate(const nn::TrainingConfig &training);
};
