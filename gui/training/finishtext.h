// finishText: how a run ended, in the window's language. The trainer's FinishReport carries an
// English message for the CLI, and the facts the window writes its own from.
#pragma once

#include "nn/trainer.h"

#include <QString>

// Where the window's run stood when it stopped: the epoch and the batches counted across the runs
// that continue each other, and whether a lesson's limit (not the user) stopped it.
struct StopFacts {
    int epoch = 1;
    qint64 batches = 0;
    bool atLimit = false;
};

// The message for `report`; its own (English) one for a reason the window does not word itself.
QString finishText(const nn::FinishReport &report, const StopFacts &stop);
