// OptimizerRace: up to four trainings of one project's network that start from the same weights
// and see the same data in the same order, each under its own optimizer, learning rate and batch
// mode; what each run's loss did, and where its weights went on a 2-D slice of the loss surface.
#pragma once

#include "datasets/experiment.h"
#include "nn/losssurface.h"
#include "nn/racesetting.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace datasets {

// A run's loss on the race's probe samples at one moment, and its weights' place on the plane.
struct RaceCheckpoint {
    int64_t step = 0;     // batches trained
    double epoch = 0.0;   // epochs trained, with fractions
    int64_t samples = 0;  // training samples seen
    double loss = 0.0;    // on the probe samples (the surface's), evaluation mode
    double a = 0.0, b = 0.0;  // the weights projected on the surface's plane
};

// One contestant: its own model and trainer, and what it has done so far.
struct RaceRun {
    nn::RaceSetting setting;
    std::unique_ptr<nn::Model> model;
    std::unique_ptr<nn::Trainer> trainer;
    std::vector<double> epochLosses;  // each finished epoch's mean training loss (EpochReport::trainLoss)
    std::vector<RaceCheckpoint> checkpoints;  // at the start, about 8 times an epoch, and at each epoch's end
    int64_t samples = 0;  // training samples seen
    std::string outcome;  // "" while it goes; why it ended once it has
};

class OptimizerRace {
public:
    static constexpr size_t kMaxRuns = 4;
    static constexpr int64_t kProbeSamples = 256;  // the fixed training samples the probe loss and surface use

    // Loads the project's data once and builds one model per setting from the project's seed (so
    // every run starts from the same weights) with a trainer under the project's training settings,
    // the setting's optimizer and, when it has one, its batch mode. Throws nn::Error subclasses (a
    // GAN project, no settings or more than kMaxRuns, a setting the model does not take).
    OptimizerRace(const nn::Project &project, const std::vector<nn::RaceSetting> &settings,
                  const LoadProgress &progress = {});
    ~OptimizerRace();

    const Experiment &experiment() const { return *experiment_; }
    size_t size() const { return runs_.size(); }
    const RaceRun &run(size_t index) const { return *runs_[index]; }
    nn::Model &model(size_t index) { return *runs_[index]->model; }
    int epochs() const { return experiment_->project().training.epochs; }
    int64_t trainSamples() const;
    bool finished() const;

    // Trains one batch of every run still going; false once every run has ended.
    bool step();
    // Trains every run to its end, or until `stop` turns true.
    void runToEnd(const std::atomic<bool> *stop = nullptr);

    // The plane through the initial weights that the checkpoints are projected on.
    const nn::SurfacePlane &plane() const { return plane_; }
    // The loss on the probe samples over a size × size grid of the plane, its half-widths fitted
    // to every run's path so far (at least 0.1). Runs on oneTBB's threads; empty when cancelled.
    nn::SurfaceGrid surface(int size, const std::atomic<bool> *cancel = nullptr);
    nn::SurfaceGrid surface(double halfA, double halfB, int size, const std::atomic<bool> *cancel = nullptr);
    // The loss on the probe samples of `model` (one of the runs' or any with the same graph).
    double probeLoss(nn::Model &model) const;

private:
    void checkpoint(RaceRun &run);

    std::unique_ptr<Experiment> experiment_;
    std::vector<std::unique_ptr<RaceRun>> runs_;
    std::vector<std::unique_ptr<nn::TrainingObserver>> observers_;
    std::unique_ptr<nn::Loss> loss_;
    nn::Tensor probeX_, probeY_;
    nn::SurfacePlane plane_;
};

} // namespace datasets
