// Deterministic parallel loops on oneTBB: work is cut into fixed chunks that do not depend on
// the number of threads, so the same seed gives bitwise the same run on 1, 2 or 16 threads.
// A loop uses the threads of the arena it runs in (nn::ThreadArena, nn/threadarena.h).
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#if defined(__SANITIZE_THREAD__)
#define LAYERLAB_TSAN_FORK_JOIN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LAYERLAB_TSAN_FORK_JOIN 1
#endif
#endif
#ifdef LAYERLAB_TSAN_FORK_JOIN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace nn {

// ThreadSanitizer cannot see oneTBB's scheduler (libtbb.so is not instrumented): these tell it that
// a loop's chunks start after the call that forks them and end before it returns.
inline void tsanRelease([[maybe_unused]] void *token)
{
#ifdef LAYERLAB_TSAN_FORK_JOIN
    __tsan_release(token);
#endif
}
inline void tsanAcquire([[maybe_unused]] void *token)
{
#ifdef LAYERLAB_TSAN_FORK_JOIN
    __tsan_acquire(token);
#endif
}

// Below this many floating-point operations a loop runs on the calling thread: a thread pool
// costs a few microseconds to wake, more than small layers take.
inline constexpr double kParallelFlopThreshold = 2.0e5;

// Calls body(begin, end) for the chunks [0, grain), [grain, 2·grain), … of [0, count).
// Chunks must write disjoint outputs. `flops` is the whole loop's cost, to skip the pool for
// small work; in an arena of one thread the chunks run in order on the calling thread. Chunk
// boundaries are the same either way.
template <typename Body>
void parallelChunks(int64_t count, int64_t grain, double flops, const Body &body)
{
    grain = std::max<int64_t>(grain, 1);
    const int64_t chunks = (count + grain - 1) / grain;
    const auto run = [&](int64_t chunk) { body(chunk * grain, std::min(count, (chunk + 1) * grain)); };
    if (chunks <= 1 || flops < kParallelFlopThreshold || tbb::this_task_arena::max_concurrency() == 1) {
        for (int64_t chunk = 0; chunk < chunks; ++chunk)
            run(chunk);
        return;
    }
    char fork = 0, join = 0;
    tsanRelease(&fork);
    tbb::parallel_for(
        tbb::blocked_range<int64_t>(0, chunks, 1),
        [&](const tbb::blocked_range<int64_t> &range) {
            tsanAcquire(&fork);
            for (int64_t chunk = range.begin(); chunk < range.end(); ++chunk)
                run(chunk);
            tsanRelease(&join);
        },
        tbb::simple_partitioner());
    tsanAcquire(&join);
}

// Sums partial(begin, end) -> T over fixed chunks, adding the partials in chunk order.
template <typename T, typename Partial>
T deterministicSum(int64_t count, int64_t grain, double flops, T zero, const Partial &partial)
{
    grain = std::max<int64_t>(grain, 1);
    const int64_t chunks = (count + grain - 1) / grain;
    std::vector<T> partials(static_cast<size_t>(chunks), zero);
    parallelChunks(count, grain, flops, [&](int64_t begin, int64_t end) {
        partials[static_cast<size_t>(begin / grain)] = partial(begin, end);
    });
    T total = zero;
    for (const T &value : partials)
        total += value;
    return total;
}

} // namespace nn
