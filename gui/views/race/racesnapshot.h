// RaceSnapshot: what the optimizer race window shows after a moment of racing, as plain values
// copied from the race's worker thread: each run's losses, checkpoints and decision boundary.
#pragma once

#include "views/plots/boundarysnapshot.h"

#include "datasets/optimizerrace.h"

#include <QColor>
#include <QString>

#include <vector>

struct RaceRunSnapshot {
    QString label;
    std::vector<double> epochLosses;  // each finished epoch's mean training loss
    std::vector<datasets::RaceCheckpoint> checkpoints;
    QString outcome;  // empty while it goes
    BoundarySnapshot boundary;  // Kind::Empty until computed, or when the data is not 2-D
};

struct RaceSnapshot {
    std::vector<RaceRunSnapshot> runs;
    int epochs = 0;
    int64_t trainSamples = 0;
    int64_t probeSamples = 0;
    bool finished = false;
    QString boundaryProblem;  // why there are no decision boundaries; empty when there are
};

// Run k's colour in every view of the race (tab10's first four).
QColor raceColor(int run);
