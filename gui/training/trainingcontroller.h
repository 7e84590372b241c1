// TrainingController: the window's side of training: the Train, Pause/Resume, Step, Stop and
// Reset actions, the worker thread, re-preparing when the project changes, and the status bar.
#pragma once

#include "finishreason.h"
#include "modelprobe.h"
#include "trainingprogress.h"

#include "nn/stepkind.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>
#include <string>

class GraphDocument;
class QAction;
class QMenu;
class QThread;
class QTimer;
class QToolBar;
class StepKindActions;
class TrainingStatus;
class TrainingWorker;

// Lives on the GUI thread; never touches engine state, only sends requests to the worker.
class TrainingController : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Preparing, Running, Paused, Finished };
    Q_ENUM(State)

    // `window` parents the divergence message.
    TrainingController(GraphDocument *document, QWidget *window, QObject *parent = nullptr);
    ~TrainingController() override;

    QAction *trainAction() const { return train_; }
    QAction *pauseAction() const { return pause_; }
    QAction *stepAction() const { return step_; }
    // A GAN's step kinds: D's part alone, G's part alone (shown for GAN projects only); stepAction
    // trains one of each.
    StepKindActions *stepKinds() const { return stepKinds_; }
    QAction *stopAction() const { return stop_; }
    QAction *resetAction() const { return reset_; }
    void addActionsTo(QMenu *menu) const;
    // The actions, then the pace slider (a PaceControl); for a GAN, Step's button opens the step kinds.
    void addActionsTo(QToolBar *bar);
    // The status bar part; the window adds it (and so takes it over).
    TrainingStatus *statusWidget() const { return status_; }

    State state() const { return state_; }
    // Editing is locked while a run is going or paused.
    bool isRunActive() const { return state_ == State::Running || state_ == State::Paused; }
    // The last preparation's problem ("" when the network built).
    QString preparationProblem() const { return problem_; }
    // Batches the worker trained so far, read without waiting for it (thread-safe counter).
    qint64 batchesTrained() const;

    // A probe for the live views; it runs on the worker thread (see modelprobe.h).
    void addProbe(ModelProbe probe);
    // Runs `probe` once on the worker thread, after any preparation still waiting, with the model
    // as it is now; `orElse` runs there instead when nothing is prepared (see TrainingWorker).
    void runProbeNow(ModelProbe probe, std::function<void()> orElse);
    // The same for a probe that reads where the run stands (see RunProbe).
    void runRunProbeNow(RunProbe probe, std::function<void()> orElse);
    // What the views inside the network want recorded (none: no taps); tapsRecorded() brings it.
    void setTapRequest(std::optional<nn::TapRequest> request);
    // Sets one value of a parameter ("hidden1.weight", row-major index) on the worker thread, between
    // batches; weightSet() answers. Refused while a run goes (pause it first).
    void setWeight(const std::string &parameter, qint64 index, float value);

    // Ignores the project's pace (steps_per_second) until turned off again: a lesson's short runs.
    void setFullSpeed(bool fullSpeed);
    // Ends the coming run (and the runs that continue it) after exactly `steps` steps or `epochs`
    // epochs; 0 and 0 lift the limit.
    void setRunLimit(qint64 steps, int epochs);

public slots:
    void train();
    void togglePause();
    void step();
    // One step of `kind`: a GAN's D or G part alone (a network without parts trains the whole step).
    void stepKind(nn::StepKind kind);
    void stop();
    void resetWeights();
    // Re-prepares ~300 ms after the last change (now or once the run ends).
    void scheduleReprepare();
    // After File ▸ Save: the trained weights go to NAME.safetensors beside `projectPath`.
    void saveWeightsBeside(const QString &projectPath);
    // File ▸ Export: the model as "onnx", "safetensors" or "pytorch", written on the worker thread.
    void exportModel(const QString &format, const QString &path);

signals:
    void stateChanged(TrainingController::State state);
    void editingLockedChanged(bool locked);
    void prepared(const QString &summary);
    // The network or its data cannot be prepared (a broken graph, a missing file): `message` says why.
    void preparationFailed(const QString &message);
    // Whether the model's weights are trained (loaded, kept or trained here) or the seed's random ones.
    void modelTrainedChanged(bool trained);
    void runStarted(bool continuing);
    void runReset();
    void stepsReported(const QVector<StepPoint> &steps);
    void epochReported(const EpochPoint &epoch);
    // A training step seen from inside, at most 10 times a second while a tap request is set.
    void tapsRecorded(const nn::TapRecord &record);
    // A setWeight() was done (`error` empty) or refused.
    void weightSet(const QString &parameter, qint64 index, float value, const QString &error);
    void finished(nn::FinishReport::Reason reason, const QString &message);
    void weightsSaved(const QString &path, bool written, const QString &error);
    void exported(const QString &path, const QString &error);
    void statusMessage(const QString &message);
    // While a folder of images is decoded: files done of all.
    void dataLoadProgress(qint64 done, qint64 total);

private:
    void createActions();
    void connectWorker();
    void setState(State state);
    void updateActions();
    // Shows the step kinds for a GAN project and hides them for any other.
    void updateStepKinds();
    void projectReset();
    // The project's pace (training.steps_per_second) to the worker.
    void sendPace();
    void prepareNow();
    std::string preparationKey() const;
    void onPrepared(const QString &summary);
    void onFailed(const QString &message);
    void onRunFailed(const QString &message);
    // Sends a re-preparation still waiting for its debounce now, so a run uses the current project.
    void flushPendingPreparation();
    void onFinished(nn::FinishReport::Reason reason, const QString &message);
    void onExported(const QString &path, bool trained, const QString &error);
    void onWeightsSaved(const QString &path, bool written, const QString &error);
    void showDivergence(const QString &message);
    QString lastEpochText() const;
    template <typename Work>
    void post(Work work);

    GraphDocument *document_;
    QWidget *window_;
    QThread *thread_;
    TrainingWorker *worker_;
    TrainingStatus *status_;
    QTimer *debounce_;
    QAction *train_, *pause_, *step_, *stop_, *reset_;
    StepKindActions *stepKinds_;

    State state_ = State::Idle;
    int unansweredPreparations_ = 0;  // posted to the worker, not yet answered (prepared or failed)
    QString problem_;
    std::string preparedKey_;  // what was last sent to prepare: a changed project re-prepares
    bool fullSpeed_ = false;
    bool fresh_ = true;        // the next preparation is for a newly opened project
    bool pendingPrepare_ = false;
    EpochPoint lastEpoch_;  // the last epoch reported, for the summary when a run ends
};
