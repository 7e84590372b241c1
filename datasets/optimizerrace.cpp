// OptimizerRace: the runs trained batch by batch in turn, checkpointed on the probe samples.
#include "optimizerrace.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace datasets {

namespace {

// Counts the samples each batch trains and keeps each epoch's mean training loss.
class RunRecorder : public nn::TrainingObserver {
public:
    explicit RunRecorder(RaceRun &run) : run_(run) {}
    void stepFinished(const nn::StepReport &report) override { run_.samples += report.samples; }
    void epochFinished(const nn::EpochReport &report) override { run_.epochLosses.push_back(report.trainLoss); }

private:
    RaceRun &run_;
};

std::vector<const nn::Tensor *> valuesOf(nn::Model &model)
{
    std::vector<const nn::Tensor *> values;
    for (nn::Parameter *parameter : model.parameterList())
        values.push_back(&parameter->value);
    return values;
}

std::string outcomeOf(const nn::FinishReport &report)
{
    switch (report.reason) {
    case nn::FinishReport::Reason::Completed: return "completed";
    case nn::FinishReport::Reason::Stopped: return "stopped";
    case nn::FinishReport::Reason::EarlyStopped: return "stopped early";
    case nn::FinishReport::Reason::Diverged: return "diverged: " + report.message;
    }
    return "ended";
}

} // namespace

OptimizerRace::OptimizerRace(const nn::Project &project, const std::vector<nn::RaceSetting> &settings,
                             const LoadProgress &progress)
{
    if (project.gan)
        throw nn::SettingError("An optimizer race trains one network on labelled data; '" + project.name +
                               "' is a GAN. Open a classifier or a regression project (optimizer-race, spiral).");
    if (settings.empty() || settings.size() > kMaxRuns)
        throw nn::SettingError("An optimizer race takes 1 to " + std::to_string(kMaxRuns) + " settings; " +
                               std::to_string(settings.size()) + " were given.");
    experiment_ = std::make_unique<Experiment>(project, progress);
    if (experiment_->model().inputNames().size() != 1 || experiment_->model().outputNames().size() != 1)
        throw nn::ShapeError("An optimizer race needs a network with one Input and one output.");
    const nn::TrainingConfig &base = project.training;
    const nn::BatchSource &train = experiment_->split("train");
    const nn::BatchSource *validation = experiment_->data().validation.get();
    for (const nn::RaceSetting &setting : settings) {
        auto run = std::make_unique<RaceRun>();
        run->setting = setting;
        run->model = std::make_unique<nn::Model>(project.graph, base.seed);
        run->trainer = std::make_unique<nn::Trainer>(*run->model, setting.applyTo(base), train, validation,
                                                     experiment_->classes());
        observers_.push_back(std::make_unique<RunRecorder>(*run));
        run->trainer->setObserver(observers_.back().get());
        runs_.push_back(std::move(run));
    }

    loss_ = nn::lossRegistry().create(base.loss, nn::Settings::fromJson(nn::lossRegistry().spec(base.loss), base.lossSettings));
    // The probe: kProbeSamples training samples spread evenly over the split, always the same.
    const int64_t count = std::min<int64_t>(kProbeSamples, train.size());
    std::vector<int64_t> indices(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i)
        indices[size_t(i)] = i * train.size() / std::max<int64_t>(count, 1);
    train.gather(indices, probeX_, probeY_);

    // The experiment's own model keeps the initial weights: the surface's origin.
    plane_ = nn::SurfacePlane::through(valuesOf(experiment_->model()), base.seed);
    for (auto &run : runs_)
        checkpoint(*run);
}

OptimizerRace::~OptimizerRace() = default;

int64_t OptimizerRace::trainSamples() const { return experiment_->split("train").size(); }

bool OptimizerRace::finished() const
{
    return std::all_of(runs_.begin(), runs_.end(), [](const auto &run) { return !run->outcome.empty(); });
}

double OptimizerRace::probeLoss(nn::Model &model) const
{
    return nn::batchLoss(model, *loss_, probeX_, probeY_, experiment_->project().training.seed);
}

void OptimizerRace::checkpoint(RaceRun &run)
{
    RaceCheckpoint point;
    point.step = run.trainer->globalStep();
    point.samples = run.samples;
    const int64_t perEpoch = std::max<int64_t>(run.trainer->batchesPerEpoch(), 1);
    point.epoch = double(point.step) / double(perEpoch);
    point.loss = probeLoss(*run.model);
    std::tie(point.a, point.b) = plane_.project(valuesOf(*run.model));
    run.checkpoints.push_back(point);
}

bool OptimizerRace::step()
{
    bool going = false;
    for (auto &run : runs_) {
        if (!run->outcome.empty())
            continue;
        const int64_t before = run->trainer->globalStep();
        const bool more = run->trainer->step();  // false also after the run's last batch
        const int64_t step = run->trainer->globalStep();
        const int64_t perEpoch = std::max<int64_t>(run->trainer->batchesPerEpoch(), 1);
        const int64_t every = std::max<int64_t>(perEpoch / 8, 1);
        if (step != before && (step % every == 0 || step % perEpoch == 0 || !more))
            checkpoint(*run);
        if (!more || run->trainer->finished())
            run->outcome = run->trainer->result() ? outcomeOf(*run->trainer->result()) : "completed";
        going = going || run->outcome.empty();
    }
    return going;
}

void OptimizerRace::runToEnd(const std::atomic<bool> *stop)
{
    while (!(stop && stop->load()) && step()) {
    }
}

nn::SurfaceGrid OptimizerRace::surface(int size, const std::atomic<bool> *cancel)
{
    double halfA = 0.1, halfB = 0.1;
    for (const auto &run : runs_)
        for (const RaceCheckpoint &point : run->checkpoints) {
            halfA = std::max(halfA, 1.25 * std::abs(point.a));
            halfB = std::max(halfB, 1.25 * std::abs(point.b));
        }
    return surface(halfA, halfB, size, cancel);
}

nn::SurfaceGrid OptimizerRace::surface(double halfA, double halfB, int size, const std::atomic<bool> *cancel)
{
    return nn::evaluateSurface(experiment_->model(), plane_, *loss_, probeX_, probeY_, halfA, halfB, size,
                               experiment_->project().training.seed, cancel);
}

} // namespace datasets
