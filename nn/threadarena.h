// ThreadArena: the threads one run owns, so that a window can evaluate on one arena while another
// trains. The engine's parallel loops split their work over the arena they run in (nn/parallel.h).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace nn {

// A oneTBB task_arena of a fixed number of threads; work passed to run() executes inside it.
// oneTBB stays out of this header: its profiling header names a parameter `emit`, Qt's macro.
class ThreadArena {
public:
    // `threads`: how many threads a loop inside run() may use, the calling thread included; 0 or
    // more than the machine has: all cores (oneTBB keeps one pool thread per core, no more, unless
    // a tbb::global_control's max_allowed_parallelism allows more).
    explicit ThreadArena(int threads = 0);
    ~ThreadArena();
    ThreadArena(const ThreadArena &) = delete;
    ThreadArena &operator=(const ThreadArena &) = delete;

    int threads() const;

    // Lowers the scheduling priority (Linux nice, by `niceness` steps) of the calling thread and of
    // every pool thread as it joins this arena, so that a window's own thread stays responsive
    // while a run uses every core. Elsewhere a no-op.
    void lowerPriority(int niceness);

    // Calls work() on the calling thread inside the arena and returns what it returns; an
    // exception thrown by work() propagates.
    template <typename Work>
    std::invoke_result_t<Work &> run(Work &&work)
    {
        using Result = std::invoke_result_t<Work &>;
        static_assert(!std::is_reference_v<Result>, "run() returns by value");
        if constexpr (std::is_void_v<Result>) {
            execute([&] { work(); });
        } else {
            std::optional<Result> result;
            execute([&] { result.emplace(work()); });
            return std::move(*result);
        }
    }

private:
    void execute(const std::function<void()> &work);

    class PriorityObserver;
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace nn
