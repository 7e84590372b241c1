// RunControl: pause, step and stop for a training run, safe to use from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "stepkind.h"

namespace nn {

// The one implementation of a run's controls: stop before the next batch, pause between batches,
// and let exactly one batch through while paused. A Trainer has its own; a window keeps one for
// its lifetime and hands it to every run, so its buttons work even between runs.
class RunControl {
public:
    void requestStop();
    bool stopRequested() const { return stop_; }
    void setPaused(bool paused);
    bool paused() const { return paused_; }
    // Lets one more batch through while paused, trained as `kind` (a GAN's D or G part alone).
    void stepOnce(StepKind kind = StepKind::Both);
    // A new run: not stopped, no steps allowed; paused as given.
    void reset(bool paused);

    // Whether a batch may run now, and as what: nothing when stopped or paused with no step allowed;
    // the whole step when not paused; else the kind of the oldest step allowed (which it uses).
    std::optional<StepKind> nextStep();
    // Waits while paused with no step allowed; false when stopped.
    bool waitWhilePaused();
    // Paused with no step left.
    bool holding() const { return paused_ && steps_ == 0; }

private:
    void notify();
    std::atomic<bool> stop_{false};
    std::atomic<bool> paused_{false};
    std::atomic<int> steps_{0};  // kinds_.size(), readable without the lock
    std::mutex mutex_;
    std::deque<StepKind> kinds_;  // the steps allowed, oldest first; guarded by mutex_
    std::condition_variable changed_;
};

} // namespace nn
