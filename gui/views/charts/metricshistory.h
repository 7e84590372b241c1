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
    // The names of the losses when the steps report several (an adversarial run's d_loss and
    // g_loss), else empty; and each one's smoothed values, one per step (NaN where a step lacks it).
    const QStringList &lossNames() const { return lossNames_; }
    const QVector<double> &smoothedLoss(qsizetype named) const { return namedSmoothed_[named]; }
    // A step's value of named loss `named` (NaN when it does not report it).
    double namedLoss(const StepPoint &step, qsizetype named) const;
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
    // One smoothed line: the running average before debiasing and w^t for the finite values seen so far.
    struct Smoother {
        double average = 0.0;
        double weightPower = 1.0;
        double next(double value, double weight);
    };
    void resmooth();

    QVector<StepPoint> steps_;
    QVector<double> smoothed_;
    QVector<EpochPoint> epochs_;
    QStringList lossNames_;
    QVector<QVector<double>> namedSmoothed_;  // [named loss][step]
    QVector<Smoother> namedSmoothers_;
    double smoothing_ = kDefaultSmoothing;
    Smoother smoother_;
    bool hasAccuracy_ = false;
};
