// BackpropStepperView: the Inside dock's "Backprop stepper" tab: one real mini-batch walked node by
// node, forward, through the loss, backward, to the optimizer's update of one chosen weight, with
// every formula's numbers filled in from the engine.
#pragma once

#include "views/inside/stepper/steppersnapshot.h"

#include <QList>
#include <QWidget>

#include <algorithm>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTimer;
class TrainingController;

// Takes a batch whenever training is not running (before it, paused or stopped) and the tab is on
// screen; the trace is computed on the worker thread (TrainingController::runRunProbeNow).
class BackpropStepperView : public QWidget {
    Q_OBJECT

public:
    explicit BackpropStepperView(QWidget *parent = nullptr);

    void connectTo(TrainingController *training);
    const StepperSnapshot &snapshot() const { return snapshot_; }
    // A batch is being taken: snapshotShown() follows.
    bool isTaking() const { return busy_; }
    int currentStep() const { return current_; }
    void setCurrentStep(int index);
    // The step (0-based) a new walk opens at; the first by default (for screenshots of a later one).
    void setOpeningStep(int index) { openingStep_ = std::max(index, 0); }
    QListWidget *stepList() const { return steps_; }
    // The choices of the next batch.
    StepperRequest request() const;
    void setRequest(const StepperRequest &request);
    // Shows a walk computed on the worker thread.
    void setSnapshot(StepperSnapshot snapshot);

public slots:
    // Takes the batch again with the current choices (when training is not running).
    void retrace();
    void next();
    void previous();

signals:
    // A new walk is shown (or why there is none: snapshot().problem).
    void snapshotShown();
    // The node of the step on screen (-1 for the loss) and the nodes walked before it in this phase.
    void stepChanged(int nodeId, const QList<int> &walked);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showStep();
    void updateChoices();
    bool canTrace() const;

    TrainingController *training_ = nullptr;
    QSpinBox *first_, *batch_, *sample_, *unit_, *element_;
    QComboBox *parameter_;
    QPushButton *take_, *previous_, *next_;
    QListWidget *steps_;
    QLabel *title_, *formula_, *status_;
    QWidget *tensors_;
    QScrollArea *detail_, *tensorScroll_;
    QTimer *debounce_;
    StepperSnapshot snapshot_;
    int current_ = -1;
    int openingStep_ = 0;
    bool busy_ = false, again_ = false;
};
