// TrainingWorker: the engine side of the window. It lives on its own QThread, owns the experiment
// (project, data, model) and the trainer, and trains batch by batch from its event loop.
#pragma once

#include "finishreason.h"
#include "modelprobe.h"
#include "trainingprogress.h"

#include "nn/project.h"
#include "nn/tensor.h"
#include "nn/threadarena.h"
#include "nn/trainer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

class QTimer;
namespace datasets {
class Experiment;
}

// Runs everything engine-side on its thread; the window talks to it only through queued calls
// (QMetaObject::invokeMethod) and the thread-safe requests, and hears back through signals.
class TrainingWorker : public QObject, private nn::TrainingObserver {
    Q_OBJECT

public:
    explicit TrainingWorker(QObject *parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe: a probe runs on this worker's thread at every ProbeMoment.
    void addProbe(ModelProbe probe);
    // Thread-safe: stop before the next batch, and pause or resume between batches.
    void requestStop() { control_.requestStop(); }
    // Stops the run (or the runs that continue it) after `steps` more steps or `epochs` more epochs,
    // exactly there: the request is made as the last one ends. 0 and 0: no limit.
    void setLimit(qint64 steps, int epochs);
    void requestPause(bool paused) { control_.setPaused(paused); }
    // Thread-safe: what to record from inside the next steps (none: nothing), at most 10 times a
    // second; each record comes as tapsRecorded().
    void setTapRequest(std::optional<nn::TapRequest> request);
    // Thread-safe: batches trained since this worker was made (for tests and diagnostics).
    qint64 batchesTrained() const { return batchesTrained_; }

    // The slots below run on the worker's thread (call them through a queued invocation).
    // Builds the experiment; `weightsPath` (when the file exists) holds trained weights to load;
    // `sameProject` false forgets the weights of the previous network instead of carrying them over.
    void prepare(const nn::Project &project, const QString &weightsPath, bool sameProject);
    // Starts a run (continuing from the current weights), or resumes a paused one.
    void train();
    // Trains exactly one batch, as `kind` (a GAN's D or G part alone); starts a paused run when none is going.
    void stepOnce(nn::StepKind kind = nn::StepKind::Both);
    void resume();
    // Ends a run that is going or paused with reason Stopped.
    void stop();
    // At most `stepsPerSecond` batches a second from now on (0: as fast as possible), this run and the next.
    void setPace(double stepsPerSecond);
    // Fresh weights from the project's seed; forgets the trainer and the epoch count.
    void resetWeights();
    // Writes the weights (atomically) when they were trained or loaded, or when a file is there
    // already (so the file never disagrees with the model); emits weightsSaved either way.
    void saveWeights(const QString &path);
    // Writes the model as `format` ("onnx", "safetensors" or "pytorch": the script and its weights
    // beside it) to `path`, with the loaded data's input scaling; emits exported.
    void exportModel(const QString &format, const QString &path);
    // Ends any run and drops the experiment (before the thread quits).
    void shutdown();
    // Runs `probe` once now, between batches, with the model as it is (ProbeMoment::Prepared);
    // `orElse` runs instead when no experiment is prepared (the network or its data do not load).
    void runProbeNow(const ModelProbe &probe, const std::function<void()> &orElse);
    // The same for a probe that reads the run's state (the trainer's, or the last run's once it ended).
    void runRunProbeNow(const RunProbe &probe, const std::function<void()> &orElse);
    // Sets one value of the parameter `parameter` ("hidden1.weight") between batches, then runs the
    // probes so the views show the change; emits weightSet (an empty error when it was set).
    void setWeight(const std::string &parameter, qint64 index, float value);

signals:
    // `trained`: the weights hold more than the seed's initialisation (loaded, kept or trained).
    void prepared(const QString &summary, bool trained);
    // The project could not be prepared (a missing dataset, a shape that does not fit, …).
    void failed(const QString &message);
    // A run could not start.
    void runFailed(const QString &message);
    // `note` says what makes a continued run differ from one that never stopped (changed settings).
    void runStarted(bool continuing, const QString &note);
    void runReset();
    void pausedChanged(bool paused);
    void stepsReported(const QVector<StepPoint> &steps);
    void epochReported(const EpochPoint &epoch);
    void progress(int epoch, int epochs, qint64 batch, qint64 batchesPerEpoch, double samplesPerSecond,
                  double etaSeconds);
    void finished(nn::FinishReport::Reason reason, const QString &message);
    // `error` is empty on success; `written` false when there was nothing trained to write.
    void weightsSaved(const QString &path, bool written, const QString &error);
    // `error` is empty on success; `trained` false when the weights were never trained.
    void exported(const QString &path, bool trained, const QString &error);
    void tapsRecorded(const nn::TapRecord &record);
    void weightSet(const QString &parameter, qint64 index, float value, const QString &error);
    // While a folder of images is decoded: files done of all (emitted from the loading threads).
    void loadProgress(qint64 done, qint64 total);

private:
    bool startRun(bool paused);
    QString loadRunState(const std::vector<nn::Model *> &models, const std::string &path);
    QString continueRun();
    void trainSlice();
    nn::Trainer::Progress trainPaced();
    void runProbesIfDue(ProbeMoment moment, QElapsedTimer &clock);
    void runProbesTimed(ProbeMoment moment, QElapsedTimer &clock);
    nn::FinishReport finishedReport() const;
    void requestTapIfDue();
    void endRun(nn::FinishReport report);
    const QStringList &lossNames(const nn::Measures &losses);
    void flushSteps(bool force);
    void reportProgress(bool force);
    void runProbes(ProbeMoment moment);
    QString summary(const QString &note) const;

    // nn::TrainingObserver, called inside trainer_->step() on this thread.
    void stepFinished(const nn::StepReport &report) override;
    // Counts a step or an epoch against setLimit()'s; requests the stop when one is reached.
    void countTowardsLimit(qint64 steps, int epochs);
    void epochFinished(const nn::EpochReport &report) override;
    void tapped(const nn::TapRecord &record) override;

    std::unique_ptr<datasets::Experiment> experiment_;
    std::unique_ptr<nn::Trainer> trainer_;        // trains on its own arena of the project's threads
    std::unique_ptr<nn::ThreadArena> probeArena_;  // where the views' probes run, niced as the trainer's
    QTimer *timer_;
    std::map<std::string, nn::Tensor> stash_;  // weights of the last network that built, while the graph does not
    bool trained_ = false;                     // the weights hold more than the seed's initialisation
    std::optional<nn::RunState> runState_;     // where the last run stopped: the next one continues it

    std::mutex probesMutex_;
    std::vector<ModelProbe> probes_;
    std::mutex tapMutex_;
    std::optional<nn::TapRequest> tapRequest_;
    QElapsedTimer tapClock_;

    nn::RunControl control_;  // every run obeys it: the window's Pause, Step and Stop
    std::atomic<qint64> batchesTrained_{0};
    bool reportedPaused_ = false;

    // Counting on from earlier runs of the same weights.
    int epochOffset_ = 0;
    qint64 stepOffset_ = 0;
    qint64 stepsDone_ = 0;   // in this run
    qint64 stepLimit_ = 0;  // setLimit(): steps and epochs left before the stop, 0: none
    int epochLimit_ = 0;
    bool stoppedAtLimit_ = false;  // the run's stop was setLimit()'s, not the user's
    nn::StepReport lastStep_;

    QVector<StepPoint> pendingSteps_;
    QStringList lossNames_;  // of the last step that reported several losses
    QElapsedTimer stepsClock_, progressClock_, probeClock_, epochProbeClock_;
    qint64 probeIntervalMs_ = 0;  // grows with what the probes cost, so they take a small share of a run
    qint64 probedAtStep_ = -1;    // stepsDone_ when the probes last ran: a slow pace probes each step once

    // The pace: batches a second (0: as fast as possible), counted from paceClock_'s start.
    double pace_ = 0.0;
    QElapsedTimer paceClock_;
    qint64 pacedSteps_ = 0;
    // Seconds spent training batches in this run (probes included, pauses not) and the samples
    // trained: the status bar's samples per second and ETA.
    double activeSeconds_ = 0.0;
    qint64 samplesDone_ = 0;
};
