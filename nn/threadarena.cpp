// ThreadArena: a oneTBB task_arena, and the observer that lowers its pool threads' priority.
#include "threadarena.h"

#include <tbb/info.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <tbb/task_scheduler_observer.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <mutex>

namespace nn {

namespace {

// Renices the calling thread by `niceness` steps at least; never raises its priority.
void reniceThreadArenaThread(int niceness)
{
#ifdef __linux__
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, std::max(getpriority(PRIO_PROCESS, thread), niceness));
#else
    (void)niceness;
#endif
}

} // namespace

// Renices each pool thread as it joins the arena. A thread keeps its niceness when it later
// serves another arena: without privileges Linux lowers priorities but never raises them.
class ThreadArena::PriorityObserver : public tbb::task_scheduler_observer {
public:
    PriorityObserver(tbb::task_arena &arena, int niceness) : tbb::task_scheduler_observer(arena), niceness_(niceness)
    {
        observe(true);
    }
    ~PriorityObserver() override { observe(false); }
    void on_scheduler_entry(bool isWorker) override
    {
        if (isWorker)
            reniceThreadArenaThread(niceness_);
    }

private:
    int niceness_;
};

// One thread per core, unless a tbb::global_control allows more (a test of 16 threads on 2 cores).
namespace {
int allowedArenaThreads()
{
    return static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
}
} // namespace

// The observer is declared after the arena: it stops observing before the arena goes.
struct ThreadArena::State {
    explicit State(int threads)
        : arena(threads > 0 && threads <= allowedArenaThreads() ? threads : tbb::task_arena::automatic)
    {
    }
    tbb::task_arena arena;
    std::mutex observerMutex;
    std::unique_ptr<PriorityObserver> observer;
};

ThreadArena::ThreadArena(int threads) : state_(std::make_unique<State>(threads)) {}

ThreadArena::~ThreadArena() = default;

int ThreadArena::threads() const
{
    return state_->arena.max_concurrency();
}

void ThreadArena::lowerPriority(int niceness)
{
    reniceThreadArenaThread(niceness);
    std::lock_guard lock(state_->observerMutex);
    if (!state_->observer)
        state_->observer = std::make_unique<PriorityObserver>(state_->arena, niceness);
}

void ThreadArena::execute(const std::function<void()> &work)
{
    state_->arena.execute(work);
}

} // namespace nn
