// ModelProbe: work the training worker runs on its own thread between batches, while nothing
// else touches the model; the live views compute what they draw here and post it to the window.
#pragma once

#include <functional>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
struct RunState;
} // namespace nn

// When a probe runs.
enum class ProbeMoment {
    Prepared,  // the experiment was (re)built: data loaded, model built, trained weights loaded or fresh
    Step,      // after a batch, every 100 ms (longer when the probes are costly)
    Epoch,     // after an epoch (every 100 ms or longer, as Step), once the validation split was evaluated
    Paused,    // the run paused (Pause, or the one batch of Step): the weights stay until it resumes
    Finished,  // the run ended (completed, stopped, diverged); the model holds the kept weights
};

// Runs on the worker thread and must not touch widgets, nor read a QPointer to one: it posts its
// result to the GUI thread with postToView or postSnapshot (views/postsnapshot.h).
// It gets the model read-only: it may run Model::infer, never train or change it.
using ModelProbe = std::function<void(ProbeMoment moment, const nn::Model &model, const datasets::Experiment &experiment)>;
// A probe that also reads where the run stands (its optimizers' moments and step count), or nullptr
// when the weights were never trained in a run: the backprop stepper continues the run's optimizer.
using RunProbe = std::function<void(const nn::Model &model, const datasets::Experiment &experiment, const nn::RunState *run)>;
