// RaceRunner: the race loop on a QThread, with throttled snapshots and a surface that follows the paths.
#include "racerunner.h"

#include "nn/error.h"

#include <QThread>

#include <chrono>
#include <cmath>

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kSnapshotEvery = std::chrono::milliseconds(100);
constexpr auto kBoundaryEvery = std::chrono::milliseconds(500);
constexpr auto kSurfaceEvery = std::chrono::milliseconds(2000);
constexpr int kBoundaryGrid = 48;

RaceSnapshot snapshotOf(const datasets::OptimizerRace &race, std::vector<BoundarySnapshot> *boundaries)
{
    RaceSnapshot snapshot;
    snapshot.epochs = race.epochs();
    snapshot.trainSamples = race.trainSamples();
    snapshot.probeSamples = std::min<int64_t>(datasets::OptimizerRace::kProbeSamples, race.trainSamples());
    snapshot.finished = race.finished();
    snapshot.boundaryProblem = boundaryProblem(race.experiment());
    for (size_t i = 0; i < race.size(); ++i) {
        const datasets::RaceRun &run = race.run(i);
        RaceRunSnapshot view;
        view.label = QString::fromStdString(run.setting.label());
        view.epochLosses = run.epochLosses;
        view.checkpoints = run.checkpoints;
        view.outcome = QString::fromStdString(run.outcome);
        if (boundaries && i < boundaries->size())
            view.boundary = (*boundaries)[i];
        snapshot.runs.push_back(std::move(view));
    }
    return snapshot;
}

// The half-widths that frame every path: 1.3 × its farthest point (at least 0.05).
std::pair<double, double> pathExtent(const datasets::OptimizerRace &race)
{
    double a = 0.05, b = 0.05;
    for (size_t i = 0; i < race.size(); ++i)
        for (const datasets::RaceCheckpoint &point : race.run(i).checkpoints) {
            a = std::max(a, 1.3 * std::abs(point.a));
            b = std::max(b, 1.3 * std::abs(point.b));
        }
    return {a, b};
}

} // namespace

QColor raceColor(int run)
{
    static const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40)};
    return colors[size_t(run) % 4];
}

RaceRunner::RaceRunner(QObject *parent) : QObject(parent) {}

RaceRunner::~RaceRunner() { stop(); }

void RaceRunner::start(const nn::Project &project, const std::vector<nn::RaceSetting> &settings)
{
    stop();
    stop_ = false;
    const int generation = ++generation_;
    running_ = true;
    thread_ = QThread::create([this, project, settings, generation] { race(project, settings, generation); });
    thread_->setObjectName(QStringLiteral("optimizer race"));
    thread_->start();
}

void RaceRunner::stop()
{
    if (!thread_)
        return;
    stop_ = true;
    thread_->wait();
    running_ = false;
    delete thread_;
    thread_ = nullptr;
}

template <typename Emit>
void RaceRunner::post(int generation, Emit emitter)
{
    QMetaObject::invokeMethod(this, [this, generation, emitter = std::move(emitter)]() {
        if (generation == generation_)
            emitter();
    }, Qt::QueuedConnection);
}

void RaceRunner::race(nn::Project project, std::vector<nn::RaceSetting> settings, int generation)
{
    try {
        datasets::OptimizerRace race(project, settings);
        const bool drawBoundaries = boundaryProblem(race.experiment()).isEmpty();
        std::vector<BoundarySnapshot> boundaries(race.size());
        auto lastSnapshot = Clock::now() - kSnapshotEvery, lastBoundary = Clock::now() - kBoundaryEvery;
        auto lastSurface = Clock::now() - kSurfaceEvery;
        double halfA = 0.0, halfB = 0.0;  // the surface shown; 0: none yet
        auto refreshSurface = [&](bool force) {
            const auto [a, b] = pathExtent(race);
            const bool outgrown = a > halfA || b > halfB, dwarfed = a < 0.4 * halfA && b < 0.4 * halfB;
            if (!force && !(halfA == 0.0 || outgrown || dwarfed))
                return;
            nn::SurfaceGrid grid = race.surface(a, b, kSurfaceSize, &stop_);
            if (grid.size == 0)
                return;
            halfA = a, halfB = b;
            post(generation, [this, grid = std::move(grid)] { emit surfaceReady(grid); });
            lastSurface = Clock::now();
        };
        bool going = true;
        while (going && !stop_) {
            going = race.step();
            const auto now = Clock::now();
            if (drawBoundaries && (now - lastBoundary >= kBoundaryEvery || !going)) {
                for (size_t i = 0; i < race.size(); ++i)
                    boundaries[i] = computeBoundary(race.model(i), race.experiment(), kBoundaryGrid);
                lastBoundary = now;
            }
            if (now - lastSnapshot >= kSnapshotEvery || !going) {
                post(generation, [this, snapshot = snapshotOf(race, &boundaries)] { emit snapshotReady(snapshot); });
                lastSnapshot = now;
            }
            if (now - lastSurface >= kSurfaceEvery)
                refreshSurface(false);
        }
        if (!stop_)
            refreshSurface(true);
        post(generation, [this, snapshot = snapshotOf(race, &boundaries)] { emit snapshotReady(snapshot); });
    } catch (const std::exception &error) {
        post(generation, [this, message = QString::fromStdString(nn::messageOf(error))] { emit failed(message); });
    }
    post(generation, [this] {
        running_ = false;
        emit finished();
    });
}
