// The training worker: preparation, the batch loop on the worker's event loop, throttled reports,
// probes, and the weights file.
#include "trainingworker.h"

#include "finishtext.h"
#include "modelfiles.h"
#include "weightcarryover.h"

#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/runstate.h"
#include "nn/weights.h"

#include <QFileInfo>
#include <QLocale>
#include <QScopeGuard>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace {

constexpr qint64 kStepsIntervalMs = 33;      // stepsReported at most ~30 times a second
constexpr qint64 kTapIntervalMs = 100;        // tapsRecorded at most 10 times a second
constexpr qint64 kProgressIntervalMs = 100;  // progress at most ~10 times a second
// Training threads run this much nicer than the window's thread, which then never waits for a core.
constexpr int kTrainingNiceness = 5;
// Step probes, and Epoch probes, every 100 ms each (the views update 10 times a second) while they
// are cheap; probes that take longer run at most a fifth of the time.
constexpr qint64 kProbeIntervalMs = 100;
constexpr qint64 kProbeCostShare = 5;
constexpr qint64 kSliceMs = 4;               // batches per timer event, so queued requests wait little
constexpr double kLongestTickMs = 100.0;     // a slow pace still looks at Pause and Stop 10 times a second

} // namespace

TrainingWorker::TrainingWorker(QObject *parent) : QObject(parent), timer_(new QTimer(this))
{
    timer_->setInterval(0);
    connect(timer_, &QTimer::timeout, this, &TrainingWorker::trainSlice);
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::addProbe(ModelProbe probe)
{
    std::lock_guard lock(probesMutex_);
    probes_.push_back(std::move(probe));
}

void TrainingWorker::prepare(const nn::Project &project, const QString &weightsPath, bool sameProject)
{
    if (trainer_)
        stop();
    if (experiment_)
        stash_ = namedTensors(experiment_->model());
    if (!sameProject) {  // a new or opened project starts at epoch 1, step 1
        stash_.clear();
        trained_ = false;
        runState_.reset();
        epochOffset_ = 0;
        stepOffset_ = 0;
    }
    experiment_.reset();
    try {
        // The views' probes run on the project's threads (0: all cores), as a run does.
        probeArena_ = std::make_unique<nn::ThreadArena>(project.training.threads);
        probeArena_->lowerPriority(kTrainingNiceness);  // the window's thread comes first
        auto experiment = std::make_unique<datasets::Experiment>(
            project, [this](int64_t done, int64_t total) { emit loadProgress(qint64(done), qint64(total)); });
        experiment->makeTrainer();  // the loss, optimizer and settings fit the model and the data
        QString note;
        if (!weightsPath.isEmpty() && QFileInfo::exists(weightsPath)) {
            runState_.reset();
            try {
                nn::loadWeights(experiment->models(), weightsPath.toStdString());
                trained_ = true;
                note = tr("trained weights loaded from %1").arg(QFileInfo(weightsPath).fileName());
                note += loadRunState(experiment->models(), nn::runStatePathBeside(weightsPath.toStdString()));
            } catch (const nn::Error &error) {
                trained_ = false;
                note = tr("the saved weights do not fit this network, so it starts fresh (%1)").arg(QString::fromUtf8(error.what()));
            }
            epochOffset_ = 0;
            stepOffset_ = 0;
        } else if (!stash_.empty()) {
            const int kept = carryOverWeights(stash_, experiment->model());
            // The optimizer's state and the position carry over only with every tensor.
            if (size_t(kept) != experiment->model().parametersAndBuffers().size())
                runState_.reset();
            if (kept == 0) {
                trained_ = false;
                epochOffset_ = 0;
                stepOffset_ = 0;
            } else if (trained_) {
                note = kept == 1 ? tr("1 trained tensor kept") : tr("%1 trained tensors kept").arg(kept);
            }
        }
        experiment_ = std::move(experiment);
        stash_.clear();
        runProbes(ProbeMoment::Prepared);  // before `prepared`, so the views are filled when it arrives
        emit prepared(summary(note), trained_);
    } catch (const std::exception &error) {
        emit failed(QString::fromStdString(nn::messageOf(error)));
    }
}

QString TrainingWorker::summary(const QString &note) const
{
    const auto &data = experiment_->data();
    const QLocale locale;
    QString text = tr("%1: %2 training and %3 validation samples, %4 parameters")
                       .arg(QString::fromStdString(data.info.name), locale.toString(qint64(data.train->size())),
                            locale.toString(qint64(data.validation ? data.validation->size() : 0)),
                            locale.toString(qint64(experiment_->model().parameterCount())));
    return note.isEmpty() ? text : text + QStringLiteral(" · ") + note;
}

void TrainingWorker::train()
{
    if (trainer_) {
        resume();
        return;
    }
    control_.setPaused(false);
    startRun(false);
}

// Reads the run state saved beside the weights, if any; a note for the summary.
QString TrainingWorker::loadRunState(const std::vector<nn::Model *> &models, const std::string &path)
{
    if (!std::filesystem::exists(path))
        return {};
    try {
        runState_ = nn::loadRunState(models, path);
        return tr("; training continues after epoch %1, step %2")
            .arg(runState_->completedEpochs())
            .arg(QLocale().toString(qint64(runState_->globalStep)));
    } catch (const nn::Error &error) {
        return tr("; the optimizer starts afresh (%1)").arg(QString::fromUtf8(error.what()));
    }
}

// Continues the last run in the new trainer: its epochs and steps count on from the run's own.
// Returns what makes it differ from a run that never stopped, for the status bar.
QString TrainingWorker::continueRun()
{
    if (!runState_)
        return {};
    try {
        const std::vector<std::string> changes = trainer_->continueFrom(*runState_);
        epochOffset_ = 0;
        stepOffset_ = 0;
        QStringList sentences;
        for (const std::string &change : changes)
            sentences << QString::fromStdString(change);
        return sentences.isEmpty() ? QString() : tr("Continuing with changes: %1.").arg(sentences.join(QStringLiteral("; ")));
    } catch (const nn::Error &error) {
        runState_.reset();
        trainer_ = experiment_->makeTrainer();
        return tr("The last run cannot be continued exactly (%1); the optimizer starts afresh.").arg(QString::fromUtf8(error.what()));
    }
}

bool TrainingWorker::startRun(bool paused)
{
    if (!experiment_) {
        emit runFailed(tr("The network cannot be trained until it builds; fix the layers marked red."));
        return false;
    }
    QString note;
    try {
        nn::TrainingConfig config = experiment_->project().training;
        // Stopped before its last epoch, a run goes on to it; finished, it trains its epochs once more.
        if (runState_ && runState_->completedEpochs() >= config.epochs)
            config.epochs += runState_->completedEpochs();
        trainer_ = experiment_->makeTrainer(config);
        note = continueRun();
        trainer_->arena().lowerPriority(kTrainingNiceness);
    } catch (const std::exception &error) {
        trainer_.reset();
        emit runFailed(QString::fromStdString(nn::messageOf(error)));
        return false;
    }
    trainer_->setObserver(this);
    trainer_->setControl(&control_);
    control_.reset(paused);
    stoppedAtLimit_ = false;
    reportedPaused_ = false;
    stepsDone_ = 0;
    lastStep_ = {};
    pendingSteps_.clear();
    activeSeconds_ = 0.0;
    samplesDone_ = 0;
    stepsClock_.start();
    progressClock_.start();
    probeClock_.start();
    epochProbeClock_.invalidate();
    probedAtStep_ = -1;
    paceClock_.invalidate();
    emit runStarted(epochOffset_ > 0 || stepOffset_ > 0 || trained_ || runState_.has_value(), note);
    timer_->start();
    return true;
}

void TrainingWorker::stepOnce(nn::StepKind kind)
{
    if (!trainer_ && !startRun(true))
        return;
    control_.setPaused(true);
    control_.stepOnce(kind);
    timer_->start();
}

void TrainingWorker::resume()
{
    control_.setPaused(false);
    paceClock_.invalidate();  // the pace counts from now, without catching up on the pause
    if (trainer_)
        timer_->start();
}

void TrainingWorker::stop()
{
    if (!trainer_)
        return;
    control_.requestStop();
    trainer_->advance(std::chrono::milliseconds(0));  // finishes the run as Stopped, training nothing
    endRun(finishedReport());
}

// One timer event: the trainer trains batches for a few milliseconds, obeying control_.
void TrainingWorker::trainSlice()
{
    if (!trainer_) {
        timer_->stop();
        return;
    }
    if (reportedPaused_ && !control_.paused())
        emit pausedChanged(reportedPaused_ = false);
    requestTapIfDue();
    QElapsedTimer clock;
    clock.start();
    const nn::Trainer::Progress progress =
        pace_ > 0.0 && !control_.paused() ? trainPaced() : trainer_->advance(std::chrono::milliseconds(kSliceMs));
    // Probes run on this thread between slices: the wall time training costs includes them.
    const auto countTime = qScopeGuard([this, &clock] { activeSeconds_ += double(clock.nsecsElapsed()) * 1e-9; });
    switch (progress) {
    case nn::Trainer::Progress::Finished:
        endRun(finishedReport());
        return;
    case nn::Trainer::Progress::Paused:
        timer_->stop();
        flushSteps(true);
        reportProgress(true);
        if (!reportedPaused_)
            emit pausedChanged(reportedPaused_ = true);
        // Every view catches up with the weights it will show while the run rests, throttled or not.
        if (stepsDone_ != probedAtStep_)
            runProbesTimed(ProbeMoment::Paused, probeClock_);
        break;
    case nn::Trainer::Progress::Running:
        break;
    }
    if (stepsDone_ != probedAtStep_)
        runProbesIfDue(ProbeMoment::Step, probeClock_);
}

void TrainingWorker::setPace(double stepsPerSecond)
{
    pace_ = std::max(stepsPerSecond, 0.0);
    paceClock_.invalidate();
    timer_->setInterval(pace_ > 0.0 ? int(std::min(1000.0 / pace_, kLongestTickMs)) : 0);
}

// The batches due at the pace since paceClock_ started, each one advance(0), which trains exactly
// one batch through the trainer's controls. A run that cannot keep up trains as fast as it can.
nn::Trainer::Progress TrainingWorker::trainPaced()
{
    if (!paceClock_.isValid()) {
        paceClock_.start();
        pacedSteps_ = 0;
    }
    const qint64 due = qint64(double(paceClock_.elapsed()) * 1e-3 * pace_) + 1;
    QElapsedTimer slice;
    slice.start();
    nn::Trainer::Progress progress = nn::Trainer::Progress::Running;
    while (pacedSteps_ < due && progress == nn::Trainer::Progress::Running && slice.elapsed() < kSliceMs) {
        progress = trainer_->advance(std::chrono::milliseconds(0));
        ++pacedSteps_;
    }
    if (pacedSteps_ < due)
        paceClock_.invalidate();  // behind: go on at the pace from here rather than catch up in a burst
    return progress;
}

// Runs the probes of `moment` when `clock` says the last ran long enough ago.
void TrainingWorker::runProbesIfDue(ProbeMoment moment, QElapsedTimer &clock)
{
    if (!clock.isValid() || clock.elapsed() >= probeIntervalMs_)
        runProbesTimed(moment, clock);
}

// Runs the probes of `moment` now, restarting `clock`; the next are due after a share of their cost.
void TrainingWorker::runProbesTimed(ProbeMoment moment, QElapsedTimer &clock)
{
    clock.start();
    probedAtStep_ = stepsDone_;
    runProbes(moment);
    probeIntervalMs_ = std::max(kProbeIntervalMs, kProbeCostShare * clock.elapsed());
}

void TrainingWorker::setTapRequest(std::optional<nn::TapRequest> request)
{
    std::lock_guard lock(tapMutex_);
    tapRequest_ = std::move(request);
}

// Asks the trainer to record the next step when a view wants taps and the last is 100 ms old.
void TrainingWorker::requestTapIfDue()
{
    std::lock_guard lock(tapMutex_);
    if (!tapRequest_ || (tapClock_.isValid() && tapClock_.elapsed() < kTapIntervalMs))
        return;
    tapClock_.start();
    trainer_->requestTap(*tapRequest_);
}

void TrainingWorker::tapped(const nn::TapRecord &record)
{
    emit tapsRecorded(record);
}

// The trainer's finish report, in the window's words where it has its own.
nn::FinishReport TrainingWorker::finishedReport() const
{
    nn::FinishReport report = *trainer_->result();
    const StopFacts stop{epochOffset_ + std::max(trainer_->epoch(), 1), stepOffset_ + stepsDone_, stoppedAtLimit_};
    report.message = finishText(report, stop).toStdString();
    return report;
}

void TrainingWorker::endRun(nn::FinishReport report)
{
    timer_->stop();
    flushSteps(true);
    reportProgress(true);
    runState_ = trainer_->runState();
    epochOffset_ += runState_->completedEpochs();
    stepOffset_ += runState_->globalStep;
    if (report.reason == nn::FinishReport::Reason::Diverged)
        runState_.reset();  // its weights may be those of the epoch's start: a new run starts from them afresh
    trainer_.reset();
    control_.reset(false);
    if (reportedPaused_)
        emit pausedChanged(reportedPaused_ = false);
    emit finished(report.reason, QString::fromStdString(report.message));
    runProbes(ProbeMoment::Finished);
}

void TrainingWorker::stepFinished(const nn::StepReport &report)
{
    ++batchesTrained_;
    ++stepsDone_;
    samplesDone_ += report.samples;
    trained_ = true;
    lastStep_ = report;
    StepPoint point{stepOffset_ + report.globalStep, epochOffset_ + report.epoch, report.loss, report.learningRate};
    if (report.losses.size() > 1) {
        point.lossNames = lossNames(report.losses);
        for (const auto &[name, value] : report.losses)
            point.losses.append(value);
    }
    pendingSteps_.push_back(std::move(point));
    flushSteps(false);
    reportProgress(false);
    countTowardsLimit(1, 0);
}

void TrainingWorker::setLimit(qint64 steps, int epochs)
{
    stepLimit_ = steps;
    epochLimit_ = epochs;
}

void TrainingWorker::countTowardsLimit(qint64 steps, int epochs)
{
    const bool stepsReached = stepLimit_ > 0 && (stepLimit_ -= steps) <= 0;
    const bool epochsReached = epochLimit_ > 0 && (epochLimit_ -= epochs) <= 0;
    if (stepsReached || epochsReached) {
        stepLimit_ = 0;
        epochLimit_ = 0;
        stoppedAtLimit_ = true;
        control_.requestStop();  // seen before the next batch
    }
}

void TrainingWorker::epochFinished(const nn::EpochReport &report)
{
    EpochPoint point;
    point.epoch = epochOffset_ + report.epoch;
    point.step = stepOffset_ + lastStep_.globalStep;
    point.trainLoss = report.trainLoss;
    point.trainAccuracy = report.trainAccuracy;
    if (report.hasValidation) {
        point.validationLoss = report.validation.loss;
        if (report.validation.classification)
            point.validationAccuracy = report.validation.classification->accuracy;
    }
    point.learningRate = report.learningRate;
    point.seconds = report.seconds;
    if (report.trainLosses.size() > 1) {
        point.lossNames = lossNames(report.trainLosses);
        for (const auto &[name, value] : report.trainLosses)
            point.trainLosses.append(value);
    }
    for (const auto &[name, value] : report.measures) {
        point.measureNames.append(QString::fromStdString(name));
        point.measures.append(value);
    }
    flushSteps(true);  // the chart has the epoch's steps before its validation point
    emit epochReported(point);
    // Small networks finish hundreds of epochs a second; the views need ten of them a second.
    runProbesIfDue(ProbeMoment::Epoch, epochProbeClock_);
    countTowardsLimit(0, 1);
}

// The names of `losses`, kept from step to step so each point shares one list.
const QStringList &TrainingWorker::lossNames(const nn::Measures &losses)
{
    bool same = lossNames_.size() == qsizetype(losses.size());
    for (qsizetype i = 0; same && i < lossNames_.size(); ++i)
        same = lossNames_[i] == QLatin1String(losses[size_t(i)].first.data(), qsizetype(losses[size_t(i)].first.size()));
    if (!same) {
        lossNames_.clear();
        for (const auto &[name, value] : losses)
            lossNames_.append(QString::fromStdString(name));
    }
    return lossNames_;
}

void TrainingWorker::flushSteps(bool force)
{
    if (pendingSteps_.isEmpty() || (!force && stepsClock_.elapsed() < kStepsIntervalMs))
        return;
    stepsClock_.restart();
    emit stepsReported(pendingSteps_);
    pendingSteps_.clear();
}

// Epoch and batch of the run, samples per second, and the seconds left at this run's pace.
void TrainingWorker::reportProgress(bool force)
{
    if (!trainer_ || (!force && progressClock_.elapsed() < kProgressIntervalMs))
        return;
    progressClock_.restart();
    const int epochs = trainer_->config().epochs;
    const qint64 perEpoch = trainer_->batchesPerEpoch();
    const qint64 total = qint64(epochs) * perEpoch;
    const qint64 done = qint64(std::max(lastStep_.epoch, 1) - 1) * perEpoch + lastStep_.batch;
    const qint64 remaining = std::max<qint64>(0, total - done);
    // A paced run goes no faster than its pace, whatever the engine could do.
    const double paced = pace_ > 0.0 && stepsDone_ > 0 ? double(stepsDone_) / pace_ : 0.0;
    const double seconds = std::max(activeSeconds_, paced);
    const double samplesPerSecond = seconds > 0.0 ? double(samplesDone_) / seconds : 0.0;
    // Stepping batch by batch says nothing of the pace of a run: no estimate then (NaN).
    const double secondsPerBatch = stepsDone_ > 0 && !control_.paused() ? seconds / double(stepsDone_) : std::nan("");
    emit progress(epochOffset_ + std::max(lastStep_.epoch, 1), epochOffset_ + epochs, lastStep_.batch, perEpoch,
                  samplesPerSecond, secondsPerBatch * double(remaining));
}

void TrainingWorker::runProbes(ProbeMoment moment)
{
    if (!experiment_)
        return;
    std::vector<ModelProbe> probes;
    {
        std::lock_guard lock(probesMutex_);
        probes = probes_;
    }
    probeArena_->run([&] {
        for (const ModelProbe &probe : probes) {
            try {
                probe(moment, experiment_->model(), *experiment_);
            } catch (const std::exception &error) {
                qWarning("A training view could not update: %s", error.what());
            }
        }
    });
}

void TrainingWorker::runProbeNow(const ModelProbe &probe, const std::function<void()> &orElse)
{
    if (!experiment_) {
        orElse();
        return;
    }
    probeArena_->run([&] {
        try {
            probe(ProbeMoment::Prepared, experiment_->model(), *experiment_);
        } catch (const std::exception &error) {
            qWarning("A view could not run the model: %s", error.what());
        }
    });
}

void TrainingWorker::runRunProbeNow(const RunProbe &probe, const std::function<void()> &orElse)
{
    if (!experiment_) {
        orElse();
        return;
    }
    const std::optional<nn::RunState> state = trainer_ ? std::optional(trainer_->runState()) : runState_;
    runProbeNow([&](ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
        probe(model, experiment, state ? &*state : nullptr);
    }, orElse);
}

void TrainingWorker::setWeight(const std::string &parameter, qint64 index, float value)
{
    const QString name = QString::fromStdString(parameter);
    if (!experiment_) {
        emit weightSet(name, index, value, tr("The network is not built, so it has no weights to change."));
        return;
    }
    for (const nn::NamedParameter &named : experiment_->model().parameters())
        if (named.name == parameter && index >= 0 && index < named.parameter->value.size()) {
            named.parameter->value[index] = value;
            trained_ = true;  // the weights now differ from the seed's: Save writes them
            emit weightSet(name, index, value, {});
            runProbes(ProbeMoment::Prepared);
            return;
        }
    emit weightSet(name, index, value, tr("The network has no weight %1[%2] any more.").arg(name).arg(index));
}

void TrainingWorker::resetWeights()
{
    if (trainer_)
        stop();
    if (!experiment_)
        return;
    experiment_->model().initialize(experiment_->project().training.seed);
    trained_ = false;
    runState_.reset();
    epochOffset_ = 0;
    stepOffset_ = 0;
    emit runReset();
    runProbes(ProbeMoment::Prepared);
}

void TrainingWorker::saveWeights(const QString &path)
{
    if (!experiment_ || (!trained_ && !QFileInfo::exists(path))) {
        emit weightsSaved(path, false, {});
        return;
    }
    try {
        modelfiles::saveWeights(*experiment_, trainer_ ? std::optional(trainer_->runState()) : runState_, path.toStdString());
        emit weightsSaved(path, true, {});
    } catch (const std::exception &error) {
        emit weightsSaved(path, false, QString::fromStdString(nn::messageOf(error)));
    }
}

void TrainingWorker::exportModel(const QString &format, const QString &path)
{
    if (!experiment_) {
        emit exported(path, false, tr("The network cannot be exported until it builds and its data loads."));
        return;
    }
    try {
        modelfiles::exportModel(*experiment_, format, path.toStdString());
        emit exported(path, trained_, {});
    } catch (const std::exception &error) {
        emit exported(path, trained_, QString::fromStdString(nn::messageOf(error)));
    }
}

void TrainingWorker::shutdown()
{
    if (trainer_)
        stop();
    experiment_.reset();
}
