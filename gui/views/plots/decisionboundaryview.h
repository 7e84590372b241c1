// DecisionBoundaryView: TensorFlow Playground's signature view, for any number of classes: the
// predicted class over the input plane with the data on top, or a one-input regression's fitted
// curve; otherwise a message saying what data it needs.
#pragma once

#include "views/plots/boundarysnapshot.h"

#include "training/modelprobe.h"

#include <QWidget>

class PlotCanvas;
class QCheckBox;
class QLabel;
class QStackedLayout;

// Paints the last BoundarySnapshot its probe posted; the probe does the work on the worker thread.
class DecisionBoundaryView : public QWidget {
    Q_OBJECT

public:
    explicit DecisionBoundaryView(QWidget *parent = nullptr);

    // Computes a snapshot at Prepared, Epoch and Finished, and at Step at most 5 times a second.
    ModelProbe probe();

    void setSnapshot(BoundarySnapshot snapshot);
    const BoundarySnapshot &snapshot() const { return snapshot_; }
    PlotCanvas *canvas() const { return canvas_; }
    QString message() const;
    // "Validation points": draws the held-out points (hollow) over the boundary, or only the training ones.
    QCheckBox *validationToggle() const { return validation_; }

signals:
    void snapshotChanged();

private:
    BoundarySnapshot snapshot_;
    QStackedLayout *stack_;
    PlotCanvas *canvas_;
    QLabel *message_;
    QCheckBox *validation_;
};
