// Training to the moment of the picture, then grabbing the window.
#include "app/screenshotrun.h"

#include "app/mainwindow.h"
#include "training/trainingcontroller.h"
#include "views/inside/insidepanel.h"
#include "views/inside/stepper/backpropstepperview.h"

#include <QAction>
#include <QApplication>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

namespace {

constexpr int kSettleMs = 700;  // the views' last snapshots arrive and the layout settles

} // namespace

ScreenshotRun::ScreenshotRun(MainWindow *window, QString path, Moment when)
    : QObject(window), window_(window), path_(std::move(path)), when_(when)
{
    window_->setGeometry(window_->screen()->availableGeometry());
    TrainingController *training = window_->training();
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        if (state == TrainingController::State::Idle)
            trainWhenIdle();
        else if (state == TrainingController::State::Finished && started_)
            grabSoon();
    });
    connect(training, &TrainingController::stepsReported, this, [this](const QVector<StepPoint> &steps) {
        if (when_.steps > 0 && !steps.isEmpty() && steps.back().step >= when_.steps)
            stopAndGrab();
    });
    connect(training, &TrainingController::epochReported, this, [this](const EpochPoint &epoch) {
        if (when_.epochs > 0 && epoch.epoch >= when_.epochs)
            stopAndGrab();
    });
    trainWhenIdle();
}

void ScreenshotRun::trainWhenIdle()
{
    TrainingController *training = window_->training();
    if (started_ || training->state() != TrainingController::State::Idle)
        return;
    started_ = true;
    training->trainAction()->trigger();
}

// Stopping, unlike pausing, brings every view up to the weights it stops at (the evaluation is
// otherwise computed once per epoch at most every 200 ms): the picture then shows one model.
void ScreenshotRun::stopAndGrab()
{
    TrainingController *training = window_->training();
    if (grabbing_ || stopping_)
        return;
    stopping_ = true;
    if (training->isRunActive())
        training->stopAction()->trigger();  // Finished follows, and grabs
    else
        grabSoon();
}

void ScreenshotRun::grabSoon()
{
    if (grabbing_)
        return;
    grabbing_ = true;
    QTimer::singleShot(kSettleMs, this, [this] {
        // The stepper takes its batch again when training stops, after the worker's last evaluation:
        // the picture waits for that walk, so that it shows the weights the run stopped at.
        BackpropStepperView *stepper = window_->insidePanel()->stepper();
        if (stepper->isVisible() && stepper->isTaking()) {
            connect(stepper, &BackpropStepperView::snapshotShown, this, &ScreenshotRun::grabNow, Qt::SingleShotConnection);
            return;
        }
        grabNow();
    });
}

void ScreenshotRun::grabNow()
{
    QCoreApplication::processEvents();  // the walk's widgets are laid out
    const bool saved = window_->grab().save(path_);
    QApplication::exit(saved ? 0 : 1);
}
