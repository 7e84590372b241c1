// PastRun: an earlier run of the project kept for "Compare runs": the settings it trained with and
// its curves, thinned, drawn as faint lines behind the current run.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

// Plain values, copied into each chart.
struct PastRun {
    QString label;                      // its settings: "Adam lr 0.01 · batch 16 · L2 0.0001"
    QList<QPointF> smoothedLoss;        // (global step, smoothed training loss)
    QList<QPointF> validationAccuracy;  // (epoch, percent); empty for regression or no validation
};
