// Thread count control for the engine through oneTBB's global_control.
#include "parallel.h"

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <atomic>
#include <memory>
#include <mutex>

namespace nn {

namespace {
std::mutex controlMutex;
std::unique_ptr<tbb::global_control> control;
std::atomic<int> currentThreads{0};
} // namespace

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
