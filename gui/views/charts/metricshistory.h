// Everything a training run has reported to the charts, kept whole: every step with its smoothed
// loss and every epoch. The charts show a thinned copy; the CSV export writes all of it.
#pragma once

#include "training/trainingprogress.h"

#include <QByteArray>
#include <QVector>

// The steps and epochs of the current run, with the training loss smoothed TensorBoard's way: an
// exponential moving average, debiased so the first steps are not pulled towards zero.
class MetricsHistory {
public:
    static constexpr double kDefaultSmoothing = 0.9;

    void clear();
    void appendSteps(const QVector<StepPoint> &steps);
    void appendEpoch(const EpochPoint &epoch);

    // The smoothing weight w in [0, 0.99]: s_t = (w·m_{t−1} + (1−w)·loss_t) / (1 − w^t), with m the
    // running average before debiasing. Changing it recomputes every smoothed value.
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }

    const QVector<StepPoint> &steps() const { return steps_; }
    const QVector<double> &smoothedLoss() const { return smoothed_; }  // one per step
    const QVector<EpochPoint> &epochs() const { return epochs_; }
    bool isEmpty() const { return steps_.isEmpty() && epochs_.isEmpty(); }

    // Index of the step whose global step is nearest `step`, or -1 when there are none.
    qsizetype nearestStep(double step) const;
    // True once an epoch reported a training or validation accuracy (classification).
    bool hasAccuracy() const { return hasAccuracy_; }

    // The whole history as one CSV table, in step order: a `kind` column says whether a row is a
    // training step or the end of an epoch; cells that do not apply are empty.
    QByteArray toCsv() const;

private:
    double smoothedNext(double loss);
    void resmooth();

    QVector<StepPoint> steps_;
    QVector<double> smoothed_;
    QVector<EpochPoint> epochs_;
    double smoothing_ = kDefaultSmoothing;
    double average_ = 0.0;     // the running average before debiasing
    double weightPower_ = 1.0; // w^t for the finite losses seen so far
    bool hasAccuracy_ = false;
};
