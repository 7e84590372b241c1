// LessonRunner: a lesson page's Run: trains the open project for N steps or N epochs from its
// current weights, at full speed, then stops and hands back what the run measured (loss,
// val_loss, grad/NAME, …; docs/lessons.md, "Conditions").
#pragma once

#include "lessons/lesson.h"
#include "lessons/lessoncondition.h"
#include "training/trainingcontroller.h"

#include <QList>
#include <QMetaObject>
#include <QObject>

class LessonRunner : public QObject {
    Q_OBJECT

public:
    explicit LessonRunner(TrainingController *training, QObject *parent = nullptr);
    ~LessonRunner() override;

    // Starts `run` once the project is prepared (a run already going is stopped first).
    void start(const LessonRun &run);
    bool isRunning() const { return running_; }
    // Stops the run; finished() follows with what it measured so far.
    void stop();

signals:
    // "Step 12 of 50", "Epoch 3 of 20".
    void progress(const QString &text);
    // The run's measures, or why it could not run (then `measures` is empty).
    void finished(const RunMeasures &measures, const QString &problem);

private:
    void onState(TrainingController::State state);
    void begin();
    void onSteps(const QVector<StepPoint> &steps);
    void onEpoch(const EpochPoint &epoch);
    void onTaps(const nn::TapRecord &record);
    void onFinished(nn::FinishReport::Reason reason, const QString &message);
    void end(const QString &problem);
    bool countReached() const;

    TrainingController *training_;
    LessonRun run_;
    QList<QMetaObject::Connection> connections_;
    bool running_ = false;
    bool started_ = false;   // the trainer has taken the run
    bool stopping_ = false;  // stop() sent
    qint64 steps_ = 0;
    int epochs_ = 0;
    RunMeasures measures_;
    QString lastMessage_;
};
