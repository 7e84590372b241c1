#include "lessons/lessonrunner.h"

#include <cmath>
#include <limits>

LessonRunner::LessonRunner(TrainingController *training, QObject *parent) : QObject(parent), training_(training) {}

LessonRunner::~LessonRunner()
{
    if (running_)
        training_->setFullSpeed(false);
}

void LessonRunner::start(const LessonRun &run)
{
    if (running_)
        return;
    run_ = run;
    running_ = true;
    started_ = stopping_ = false;
    steps_ = 0;
    epochs_ = 0;
    measures_.clear();
    lastMessage_.clear();
    training_->setFullSpeed(true);
    connections_ << connect(training_, &TrainingController::stateChanged, this, &LessonRunner::onState)
                 << connect(training_, &TrainingController::stepsReported, this, &LessonRunner::onSteps)
                 << connect(training_, &TrainingController::epochReported, this, &LessonRunner::onEpoch)
                 << connect(training_, &TrainingController::tapsRecorded, this, &LessonRunner::onTaps)
                 << connect(training_, &TrainingController::finished, this, &LessonRunner::onFinished)
                 << connect(training_, &TrainingController::statusMessage, this,
                            [this](const QString &message) { lastMessage_ = message; })
                 << connect(training_, &TrainingController::preparationFailed, this,
                            [this](const QString &problem) { end(tr("The network does not build: %1").arg(problem)); });
    if (training_->isRunActive())
        training_->stop();  // the student's own run: this one starts from where it stopped
    else
        onState(training_->state());
}

void LessonRunner::stop()
{
    if (!running_)
        return;
    if (!started_) {
        end({});
        return;
    }
    stopping_ = true;
    training_->stop();
}

void LessonRunner::onState(TrainingController::State state)
{
    using State = TrainingController::State;
    if (!started_ && (state == State::Idle || state == State::Finished)) {
        begin();
        return;
    }
    // A run the trainer refused (its message is on the status bar) goes back to Idle unfinished.
    if (started_ && state == State::Idle && !stopping_)
        end(lastMessage_.isEmpty() ? tr("The run could not start.") : lastMessage_);
}

void LessonRunner::begin()
{
    started_ = true;
    emit progress(run_.unit == LessonRun::Unit::Steps ? tr("Step %1 of %2").arg(0).arg(run_.count)
                                                      : tr("Epoch %1 of %2").arg(0).arg(run_.count));
    // The worker stops the run exactly at the count, as the last step or epoch ends.
    const bool steps = run_.unit == LessonRun::Unit::Steps;
    training_->setRunLimit(steps ? run_.count : 0, steps ? 0 : int(run_.count));
    training_->train();
}

bool LessonRunner::countReached() const
{
    return run_.unit == LessonRun::Unit::Steps ? steps_ >= run_.count : epochs_ >= run_.count;
}

void LessonRunner::onSteps(const QVector<StepPoint> &steps)
{
    if (!started_ || steps.isEmpty())
        return;
    for (const StepPoint &step : steps) {
        if (!measures_.contains(QStringLiteral("first_loss")))
            measures_[QStringLiteral("first_loss")] = step.loss;
        measures_[QStringLiteral("step_loss")] = step.loss;
        ++steps_;
    }
    if (run_.unit == LessonRun::Unit::Steps)
        emit progress(tr("Step %1 of %2").arg(std::min(steps_, run_.count)).arg(run_.count));
}

void LessonRunner::onEpoch(const EpochPoint &epoch)
{
    if (!started_)
        return;
    ++epochs_;
    const auto keep = [this](const char *name, double value) {
        if (!std::isnan(value))
            measures_[QString::fromLatin1(name)] = value;
    };
    keep("epoch_loss", epoch.trainLoss);
    keep("accuracy", epoch.trainAccuracy);
    keep("val_loss", epoch.validationLoss);
    keep("val_accuracy", epoch.validationAccuracy);
    if (!std::isnan(epoch.validationLoss))
        measures_[QStringLiteral("best_val_loss")] =
            std::min(measures_.value(QStringLiteral("best_val_loss"), std::numeric_limits<double>::infinity()),
                     epoch.validationLoss);
    if (run_.unit == LessonRun::Unit::Epochs)
        emit progress(tr("Epoch %1 of %2").arg(std::min<qint64>(epochs_, run_.count)).arg(run_.count));
}

void LessonRunner::onTaps(const nn::TapRecord &record)
{
    if (!started_)
        return;
    for (const nn::NodeTap &node : record.nodes) {
        const QString name = QString::fromStdString(node.name);
        measures_[QStringLiteral("grad/") + name] = node.gradientNorm;
        measures_[QStringLiteral("dead/") + name] = node.activation.zeros;
        measures_[QStringLiteral("saturated/") + name] = node.activation.saturated;
    }
}

void LessonRunner::onFinished(nn::FinishReport::Reason reason, const QString &)
{
    if (!started_)
        return;
    using Reason = nn::FinishReport::Reason;
    // A run whose loss became NaN ends there; its measures say so (diverged = 1, and its steps).
    if (reason == Reason::Diverged) {
        measures_[QStringLiteral("diverged")] = 1.0;
        end({});
        return;
    }
    // The project's epochs ran out first: a finished run trains its epochs once more.
    if (!stopping_ && !countReached() && reason == Reason::Completed) {
        training_->train();
        return;
    }
    end({});
}

void LessonRunner::end(const QString &problem)
{
    for (const QMetaObject::Connection &connection : connections_)
        disconnect(connection);
    connections_.clear();
    running_ = false;
    training_->setFullSpeed(false);
    training_->setRunLimit(0, 0);
    RunMeasures measures;
    if (problem.isEmpty()) {
        measures = measures_;
        // The loss at the run's end: its last epoch's mean, or its last step's when it ran for steps.
        const QString last = run_.unit == LessonRun::Unit::Epochs && measures_.contains(QStringLiteral("epoch_loss"))
                                 ? QStringLiteral("epoch_loss")
                                 : QStringLiteral("step_loss");
        if (measures_.contains(last))
            measures[QStringLiteral("loss")] = measures_.value(last);
        measures[QStringLiteral("steps")] = double(steps_);
        measures[QStringLiteral("diverged")] = measures_.value(QStringLiteral("diverged"), 0.0);
        measures[QStringLiteral("epochs")] = double(epochs_);
    }
    emit finished(measures, problem);
}
