// RunControl: atomics for the flags, a condition variable for whoever waits on them.
#include "runcontrol.h"

namespace nn {

void RunControl::notify()
{
    std::lock_guard lock(mutex_);  // a waiter between its check and its wait still sees the change
    changed_.notify_all();
}

void RunControl::requestStop()
{
    stop_ = true;
    notify();
}

void RunControl::setPaused(bool paused)
{
    paused_ = paused;
    notify();
}

void RunControl::stepOnce()
{
    ++steps_;
    notify();
}

void RunControl::reset(bool paused)
{
    stop_ = false;
    steps_ = 0;
    setPaused(paused);
}

bool RunControl::mayTrain()
{
    if (stop_)
        return false;
    if (!paused_)
        return true;
    int allowed = steps_;
    while (allowed > 0 && !steps_.compare_exchange_weak(allowed, allowed - 1)) {
    }
    return allowed > 0;
}

bool RunControl::waitWhilePaused()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !paused_ || stop_ || steps_ > 0; });
    return !stop_;
}

} // namespace nn
