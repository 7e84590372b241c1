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

void RunControl::stepOnce(StepKind kind)
{
    {
        std::lock_guard lock(mutex_);
        kinds_.push_back(kind);
        ++steps_;
    }
    changed_.notify_all();
}

void RunControl::reset(bool paused)
{
    stop_ = false;
    {
        std::lock_guard lock(mutex_);
        kinds_.clear();
        steps_ = 0;
    }
    setPaused(paused);
}

std::optional<StepKind> RunControl::nextStep()
{
    if (stop_)
        return std::nullopt;
    if (!paused_)
        return StepKind::Both;
    std::lock_guard lock(mutex_);
    if (kinds_.empty())
        return std::nullopt;
    const StepKind kind = kinds_.front();
    kinds_.pop_front();
    --steps_;
    return kind;
}

bool RunControl::waitWhilePaused()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !paused_ || stop_ || steps_ > 0; });
    return !stop_;
}

} // namespace nn
