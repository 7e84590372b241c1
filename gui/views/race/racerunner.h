// RaceRunner: runs an OptimizerRace on its own thread and hands the window plain snapshots: the
// runs' progress at most 10 times a second, their decision boundaries twice a second, and the loss
// surface whenever the paths outgrow it (or it dwarfs them). The GUI thread never trains.
#pragma once

#include "views/race/racesnapshot.h"

#include "nn/losssurface.h"
#include "nn/project.h"
#include "nn/racesetting.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

class RaceRunner : public QObject {
    Q_OBJECT

public:
    static constexpr int kSurfaceSize = 25;  // grid points a side

    explicit RaceRunner(QObject *parent = nullptr);
    ~RaceRunner() override;  // stops the race and waits for its thread

    // Starts a race (stopping one that goes); results come as signals on this object's thread.
    void start(const nn::Project &project, const std::vector<nn::RaceSetting> &settings);
    // Asks the race to stop after the batch under way, and waits for it.
    void stop();
    // From start until `finished` is delivered here: the thread may have ended a moment before.
    bool running() const { return running_; }

signals:
    void snapshotReady(const RaceSnapshot &snapshot);
    void surfaceReady(const nn::SurfaceGrid &grid);
    // The race could not start (its message names what to fix) or stopped on an error.
    void failed(const QString &message);
    void finished();

private:
    void race(nn::Project project, std::vector<nn::RaceSetting> settings, int generation);
    // Runs `emitter` on this object's thread unless a newer race has started since.
    template <typename Emit>
    void post(int generation, Emit emitter);

    QThread *thread_ = nullptr;
    bool running_ = false;  // read and written on this object's thread only
    std::atomic<bool> stop_{false};
    std::atomic<int> generation_{0};
};
