// Training progress as the worker sends it to the window: plain values, copied through queued
// signals, so nothing in the GUI thread reads the trainer's state.
#pragma once

#include "nn/taps.h"

#include <QMetaType>
#include <QStringList>
#include <QVector>

#include <limits>

// One training batch: its loss. The worker sends these in bundles, at most ~30 a second.
struct StepPoint {
    StepPoint(qint64 step = 0, int epoch = 0, double loss = 0.0, double learningRate = 0.0)
        : step(step), epoch(epoch), loss(loss), learningRate(learningRate)
    {
    }

    qint64 step = 0;  // global step, 1-based
    int epoch = 0;    // 1-based
    double loss = 0.0;
    double learningRate = 0.0;
    // When the step reports several losses (an adversarial run's d_loss and g_loss): their names
    // (shared, not copied, from step to step) and values; both empty for a single loss.
    QStringList lossNames;
    QVector<double> losses;
};

// One finished epoch; NaN where a value does not exist (no validation split, regression).
struct EpochPoint {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0;    // 1-based, counting on from earlier runs of the same weights
    qint64 step = 0;  // global step at the end of the epoch
    double trainLoss = kNone;
    double trainAccuracy = kNone;  // running accuracy over the epoch's batches
    double validationLoss = kNone;
    double validationAccuracy = kNone;
    double learningRate = kNone;
    double seconds = 0.0;
    // Each named loss's mean over the epoch, as StepPoint's (empty for a single loss).
    QStringList lossNames;
    QVector<double> trainLosses;
    // The step's measures at the epoch's end (a GAN's spread and, for 2D data, energy_distance),
    // by name; both empty when the step has none.
    QStringList measureNames;
    QVector<double> measures;
};

Q_DECLARE_METATYPE(StepPoint)
Q_DECLARE_METATYPE(EpochPoint)
Q_DECLARE_METATYPE(nn::TapRecord)
