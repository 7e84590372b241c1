// Thread count control for the engine through oneTBB's global_control.
#include "parallel.h"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_scheduler_observer.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>

namespace nn {

namespace {
std::mutex controlMutex;
std::unique_ptr<tbb::global_control> control;
std::atomic<int> currentThreads{0};

// Renices each pool thread as it joins the engine's work.
class NiceObserver : public tbb::task_scheduler_observer {
public:
    explicit NiceObserver(int niceness) : niceness_(niceness) { observe(true); }
    ~NiceObserver() override { observe(false); }
    void on_scheduler_entry(bool isWorker) override
    {
        if (isWorker)
            reniceCallingThread(niceness_);
    }
    static void reniceCallingThread(int niceness)
    {
#ifdef __linux__
        const auto thread = static_cast<id_t>(syscall(SYS_gettid));
        setpriority(PRIO_PROCESS, thread, std::max(getpriority(PRIO_PROCESS, thread), niceness));
#else
        (void)niceness;
#endif
    }

private:
    int niceness_;
};

std::unique_ptr<NiceObserver> niceObserver;
} // namespace

void lowerTrainingPriority(int niceness)
{
    std::lock_guard lock(controlMutex);
    NiceObserver::reniceCallingThread(niceness);
    if (!niceObserver)
        niceObserver = std::make_unique<NiceObserver>(niceness);
}

void setThreadCount(int count)
{
    std::lock_guard lock(controlMutex);
    control.reset();
    if (count > 0)
        control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                         static_cast<size_t>(count));
    currentThreads = count;
}

int threadCount()
{
    if (currentThreads > 0)
        return currentThreads;
    return static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
}

} // namespace nn
