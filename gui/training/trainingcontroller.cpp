// The training controller: actions and their states, the worker's thread, re-preparation,
// the status bar and the divergence message.
#include "trainingcontroller.h"

#include "pacecontrol.h"
#include "stepkindactions.h"
#include "trainingstatus.h"
#include "trainingworker.h"

#include "document/graphdocument.h"

#include "datasets/experiment.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QThread>
#include <QTimer>
#include <QToolBar>

#include <cmath>

namespace {
constexpr int kDebounceMs = 300;
} // namespace

TrainingController::TrainingController(GraphDocument *document, QWidget *window, QObject *parent)
    : QObject(parent), document_(document), window_(window), thread_(new QThread(this)), worker_(new TrainingWorker),
      status_(new TrainingStatus), debounce_(new QTimer(this))
{
    qRegisterMetaType<StepPoint>();
    qRegisterMetaType<EpochPoint>();
    qRegisterMetaType<QVector<StepPoint>>();
    qRegisterMetaType<nn::FinishReport::Reason>();
    qRegisterMetaType<nn::TapRecord>();
    createActions();
    thread_->setObjectName(QStringLiteral("training"));
    worker_->moveToThread(thread_);
    connectWorker();
    thread_->start();

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &TrainingController::prepareNow);
    connect(document_, &GraphDocument::projectReset, this, &TrainingController::projectReset);
    connect(document_, &GraphDocument::shapesChanged, this, &TrainingController::scheduleReprepare);
    // The pace applies at once, to a run that goes too; it needs no preparation.
    connect(document_, &GraphDocument::trainingChanged, this, &TrainingController::sendPace);
    connect(document_, &GraphDocument::projectReset, this, &TrainingController::sendPace);
    connect(document_, &GraphDocument::projectReset, this, &TrainingController::updateStepKinds);
    updateActions();
    updateStepKinds();
    projectReset();
    sendPace();
}

TrainingController::~TrainingController()
{
    // Stop within a batch, let the queued requests (a weights save) run, then end the thread.
    worker_->requestStop();
    QMetaObject::invokeMethod(worker_, [worker = worker_] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete worker_;
}

void TrainingController::createActions()
{
    train_ = new QAction(tr("&Train"), this);
    train_->setShortcut(QKeySequence(Qt::Key_F5));
    train_->setStatusTip(tr("Train the network on the project's data"));
    connect(train_, &QAction::triggered, this, &TrainingController::train);
    pause_ = new QAction(tr("&Pause"), this);
    pause_->setShortcut(QKeySequence(Qt::Key_Pause));
    connect(pause_, &QAction::triggered, this, &TrainingController::togglePause);
    step_ = new QAction(tr("S&tep"), this);
    step_->setShortcut(QKeySequence(Qt::Key_F10));
    step_->setStatusTip(tr("Train exactly one batch"));
    connect(step_, &QAction::triggered, this, &TrainingController::step);
    stepKinds_ = new StepKindActions(this);
    connect(stepKinds_, &StepKindActions::stepRequested, this, &TrainingController::stepKind);
    stop_ = new QAction(tr("St&op"), this);
    stop_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stop_->setStatusTip(tr("Stop training and keep the weights trained so far"));
    connect(stop_, &QAction::triggered, this, &TrainingController::stop);
    reset_ = new QAction(tr("&Reset Weights"), this);
    reset_->setStatusTip(tr("Start again from fresh random weights (the project's seed)"));
    connect(reset_, &QAction::triggered, this, &TrainingController::resetWeights);
    train_->setWhatsThis(tr("<b>Train</b><p>Trains the network on the project's data, epoch after epoch, on a "
                            "worker thread; the charts and views follow it live. The network is read-only until "
                            "the run stops. Training again continues from the weights trained so far.</p>"));
    pause_->setWhatsThis(tr("<b>Pause / Resume</b><p>Holds the run between two batches, to look at the views; "
                            "Resume goes on exactly where it stopped.</p>"));
    step_->setWhatsThis(tr("<b>Step</b><p>Trains exactly one batch: one forward pass, one backward pass and one "
                           "update of the weights. Use it to watch gradient descent one step at a time.</p>"));
    stop_->setWhatsThis(tr("<b>Stop</b><p>Ends the run within a batch and keeps the weights trained so far.</p>"));
    reset_->setWhatsThis(tr("<b>Reset Weights</b><p>Starts again from fresh random weights (the project's seed). "
                            "With Compare Runs on, the run before stays on the charts as a faint line.</p>"));
}

void TrainingController::updateStepKinds()
{
    const bool gan = document_->project().gan.has_value();
    stepKinds_->setGan(gan);
    step_->setStatusTip(gan ? tr("Train one step of each: the discriminator, then the generator") : tr("Train exactly one batch"));
}

void TrainingController::connectWorker()
{
    connect(worker_, &TrainingWorker::prepared, this, &TrainingController::onPrepared);
    connect(worker_, &TrainingWorker::prepared, this, [this](const QString &, bool trained) { emit modelTrainedChanged(trained); });
    connect(worker_, &TrainingWorker::failed, this, &TrainingController::onFailed);
    connect(worker_, &TrainingWorker::runFailed, this, &TrainingController::onRunFailed);
    connect(worker_, &TrainingWorker::runStarted, this, [this](bool continuing, const QString &note) {
        if (state_ != State::Paused)  // Step starts a paused run
            setState(State::Running);
        status_->showMessage(tr("Training…"));
        if (!note.isEmpty())
            emit statusMessage(note);
        emit runStarted(continuing);
        emit modelTrainedChanged(true);
    });
    // Trained (or reset) weights differ from the saved ones: unsaved work until saved.
    connect(worker_, &TrainingWorker::stepsReported, document_, &GraphDocument::setWeightsUnsaved);
    connect(worker_, &TrainingWorker::runReset, document_, &GraphDocument::setWeightsUnsaved);
    connect(worker_, &TrainingWorker::weightSet, this, [this](const QString &parameter, qint64 index, float value, const QString &error) {
        if (error.isEmpty()) {
            document_->setWeightsUnsaved();
            emit modelTrainedChanged(true);
        }
        emit weightSet(parameter, index, value, error);
    });
    connect(worker_, &TrainingWorker::runReset, this, [this] {
        lastEpoch_ = {};
        if (!isRunActive())  // a run asked for right after the reset has already begun
            setState(State::Idle);
        status_->showMessage(tr("Weights reset: the network starts from fresh random weights."));
        emit modelTrainedChanged(false);
        emit runReset();
    });
    connect(worker_, &TrainingWorker::pausedChanged, this, [this](bool paused) {
        if (isRunActive())
            setState(paused ? State::Paused : State::Running);
    });
    connect(worker_, &TrainingWorker::stepsReported, this, &TrainingController::stepsReported);
    connect(worker_, &TrainingWorker::tapsRecorded, this, &TrainingController::tapsRecorded);
    connect(worker_, &TrainingWorker::epochReported, this, [this](const EpochPoint &epoch) {
        lastEpoch_ = epoch;
        emit epochReported(epoch);
    });
    connect(worker_, &TrainingWorker::progress, status_, &TrainingStatus::showProgress);
    connect(worker_, &TrainingWorker::loadProgress, this, &TrainingController::dataLoadProgress);
    connect(worker_, &TrainingWorker::finished, this, &TrainingController::onFinished);
    connect(worker_, &TrainingWorker::weightsSaved, this, &TrainingController::onWeightsSaved);
    connect(worker_, &TrainingWorker::exported, this, &TrainingController::onExported);
}

void TrainingController::addActionsTo(QMenu *menu) const
{
    menu->addActions({train_, pause_, step_, stepKinds_->discriminatorOnly(), stepKinds_->generatorOnly(), stop_});
    menu->addSeparator();
    menu->addAction(reset_);
}

void TrainingController::addActionsTo(QToolBar *bar)
{
    bar->addActions({train_, pause_});
    stepKinds_->addStepButtonTo(bar, step_);
    bar->addActions({stop_, reset_});
    bar->addSeparator();
    bar->addWidget(new PaceControl(document_, bar));
}

qint64 TrainingController::batchesTrained() const
{
    return worker_->batchesTrained();
}

void TrainingController::setTapRequest(std::optional<nn::TapRequest> request)
{
    worker_->setTapRequest(std::move(request));
}

void TrainingController::addProbe(ModelProbe probe)
{
    worker_->addProbe(std::move(probe));
}

void TrainingController::runProbeNow(ModelProbe probe, std::function<void()> orElse)
{
    flushPendingPreparation();
    post([worker = worker_, probe = std::move(probe), orElse = std::move(orElse)] { worker->runProbeNow(probe, orElse); });
}

void TrainingController::runRunProbeNow(RunProbe probe, std::function<void()> orElse)
{
    flushPendingPreparation();
    post([worker = worker_, probe = std::move(probe), orElse = std::move(orElse)] { worker->runRunProbeNow(probe, orElse); });
}

void TrainingController::setWeight(const std::string &parameter, qint64 index, float value)
{
    if (state_ == State::Running) {
        emit weightSet(QString::fromStdString(parameter), index, value, tr("Pause or stop training to change a weight."));
        return;
    }
    post([worker = worker_, parameter, index, value] { worker->setWeight(parameter, index, value); });
}

void TrainingController::setFullSpeed(bool fullSpeed)
{
    fullSpeed_ = fullSpeed;
    sendPace();
}

void TrainingController::setRunLimit(qint64 steps, int epochs)
{
    post([worker = worker_, steps, epochs] { worker->setLimit(steps, epochs); });
}

void TrainingController::sendPace()
{
    const double pace = fullSpeed_ ? 0.0 : document_->project().training.stepsPerSecond;
    post([worker = worker_, pace] { worker->setPace(pace); });
}

template <typename Work>
void TrainingController::post(Work work)
{
    QMetaObject::invokeMethod(worker_, std::move(work), Qt::QueuedConnection);
}

void TrainingController::train()
{
    if (state_ != State::Idle && state_ != State::Finished)
        return;
    flushPendingPreparation();
    setState(State::Running);  // until the worker says it started, or why it cannot
    post([worker = worker_] { worker->train(); });
}

void TrainingController::togglePause()
{
    if (state_ == State::Running) {
        worker_->requestPause(true);
    } else if (state_ == State::Paused) {
        worker_->requestPause(false);
        post([worker = worker_] { worker->resume(); });
    }
}

void TrainingController::step()
{
    stepKind(nn::StepKind::Both);
}

void TrainingController::stepKind(nn::StepKind kind)
{
    if (state_ == State::Running || state_ == State::Preparing)
        return;
    flushPendingPreparation();
    if (state_ != State::Paused)
        setState(State::Paused);
    post([worker = worker_, kind] { worker->stepOnce(kind); });
}

void TrainingController::stop()
{
    if (!isRunActive())
        return;
    worker_->requestStop();  // seen before the next batch, even while this request waits in the queue
    post([worker = worker_] { worker->stop(); });
}

void TrainingController::resetWeights()
{
    if (isRunActive() || state_ == State::Preparing)
        return;
    post([worker = worker_] { worker->resetWeights(); });
}

void TrainingController::saveWeightsBeside(const QString &projectPath)
{
    if (datasets::isBundledExample(projectPath.toStdString()))
        return;  // the examples folder is never written into
    const QString path = QString::fromStdString(nn::weightsPathFor(projectPath.toStdString()));
    post([worker = worker_, path] { worker->saveWeights(path); });
}

void TrainingController::exportModel(const QString &format, const QString &path)
{
    flushPendingPreparation();  // export what the canvas shows
    post([worker = worker_, format, path] { worker->exportModel(format, path); });
}

void TrainingController::onExported(const QString &path, bool trained, const QString &error)
{
    if (!error.isEmpty()) {
        status_->showMessage(error, true);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Export"), error, QMessageBox::Ok, window_);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setModal(false);  // the window goes on; a run is not held up by the question
        box->show();
    } else if (trained)
        emit statusMessage(tr("Exported the trained model to %1").arg(QFileInfo(path).fileName()));
    else
        emit statusMessage(tr("Exported %1 with untrained weights: train the network first for a useful model")
                               .arg(QFileInfo(path).fileName()));
    emit exported(path, error);
}

// A newly opened project: stop what runs, forget the old network, and load its trained weights.
void TrainingController::projectReset()
{
    fresh_ = true;
    preparedKey_.clear();
    stop();
    if (isRunActive()) {
        pendingPrepare_ = true;  // once the run has ended
        return;
    }
    setState(State::Preparing);  // Train waits for the new project
    debounce_->start(0);
}

void TrainingController::flushPendingPreparation()
{
    if (!debounce_->isActive())
        return;
    debounce_->stop();
    const State state = state_;
    prepareNow();
    state_ = state;  // the request to train follows the preparation in the worker's queue
}

void TrainingController::scheduleReprepare()
{
    if (isRunActive()) {
        pendingPrepare_ = true;
        return;
    }
    if (!debounce_->isActive() || debounce_->interval() != 0)
        debounce_->start(fresh_ ? 0 : kDebounceMs);
}

// The network, data and training settings, without canvas positions or names: what a run depends on.
std::string TrainingController::preparationKey() const
{
    const nn::Project &project = document_->project();
    nlohmann::json graph = project.graph.toJson();
    if (graph.contains("nodes"))
        for (auto &node : graph["nodes"])
            node.erase("position");
    nlohmann::json training = project.training.toJson();
    training.erase("steps_per_second");  // the pace goes to the worker directly (sendPace)
    return nlohmann::json{{"graph", graph}, {"data", project.data.toJson()}, {"training", training}}.dump();
}

void TrainingController::prepareNow()
{
    if (isRunActive()) {
        pendingPrepare_ = true;
        return;
    }
    pendingPrepare_ = false;
    std::string key = preparationKey();
    if (!fresh_ && key == preparedKey_)
        return;  // only positions or names changed
    preparedKey_ = std::move(key);
    const QString file = document_->filePath();
    const QString weights = fresh_ && !file.isEmpty() ? QString::fromStdString(nn::weightsPathFor(file.toStdString())) : QString();
    const bool sameProject = !fresh_;
    fresh_ = false;
    setState(State::Preparing);
    status_->showMessage(tr("Preparing the data and the network…"));
    ++unansweredPreparations_;
    post([worker = worker_, project = document_->project(), weights, sameProject] {
        worker->prepare(project, weights, sameProject);
    });
}

void TrainingController::onPrepared(const QString &summary)
{
    --unansweredPreparations_;
    problem_.clear();
    if (state_ == State::Preparing)
        setState(State::Idle);
    status_->showMessage(summary);
    updateActions();
    emit prepared(summary);
}

void TrainingController::onFailed(const QString &message)
{
    problem_ = message;
    if (state_ == State::Preparing)
        setState(State::Idle);
    status_->showMessage(message);
    updateActions();
    // Only the answer for the project as it is now: no other preparation is posted or waiting.
    if (--unansweredPreparations_ == 0 && !debounce_->isActive() && !pendingPrepare_)
        emit preparationFailed(message);
}

void TrainingController::onRunFailed(const QString &message)
{
    if (isRunActive())
        setState(State::Idle);
    status_->showMessage(message, true);
    emit statusMessage(message);
}

void TrainingController::onFinished(nn::FinishReport::Reason reason, const QString &message)
{
    setState(State::Finished);
    if (reason == nn::FinishReport::Reason::Diverged)
        showDivergence(message);
    else
        status_->showMessage(lastEpochText() + message);  // the result first: a long message is cut at its end
    emit finished(reason, message);
    if (pendingPrepare_)
        prepareNow();
}

// "Validation accuracy 95.0%, loss 0.123. " after the last epoch, where those exist.
QString TrainingController::lastEpochText() const
{
    if (lastEpoch_.epoch == 0 || std::isnan(lastEpoch_.validationLoss))
        return {};
    if (!std::isnan(lastEpoch_.validationAccuracy))
        return tr("Validation accuracy %1%, loss %2. ").arg(100.0 * lastEpoch_.validationAccuracy, 0, 'f', 1).arg(lastEpoch_.validationLoss, 0, 'g', 3);
    return tr("Validation loss %1. ").arg(lastEpoch_.validationLoss, 0, 'g', 3);
}

void TrainingController::showDivergence(const QString &message)
{
    status_->showMessage(message, true);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Training Diverged"), message, QMessageBox::Ok, window_);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->setObjectName(QStringLiteral("divergenceMessage"));
    box->show();
}

void TrainingController::onWeightsSaved(const QString &path, bool written, const QString &error)
{
    if (!error.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot Save Weights"), error);
    } else if (written) {
        emit statusMessage(tr("Saved the trained weights to %1").arg(QFileInfo(path).fileName()));
    }
    emit weightsSaved(path, written, error);
}

void TrainingController::setState(State state)
{
    const bool wasLocked = isRunActive();
    state_ = state;
    updateActions();
    if (wasLocked != isRunActive())
        emit editingLockedChanged(isRunActive());
    emit stateChanged(state);
}

void TrainingController::updateActions()
{
    const bool ready = problem_.isEmpty();
    const bool idle = state_ == State::Idle || state_ == State::Finished;
    train_->setEnabled(idle && ready);
    train_->setToolTip(ready ? tr("Train (F5)") : problem_);
    pause_->setEnabled(isRunActive());
    pause_->setText(state_ == State::Paused ? tr("&Resume") : tr("&Pause"));
    step_->setEnabled((idle && ready) || state_ == State::Paused);
    stepKinds_->setEnabled(step_->isEnabled());
    stop_->setEnabled(isRunActive());
    reset_->setEnabled(idle && ready);
}
