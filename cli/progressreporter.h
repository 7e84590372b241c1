// ProgressReporter: shows a training run in the terminal (a progress bar with ETA and samples/s)
// or as JSON lines for scripts.
#pragma once

#include "nn/trainer.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace cli {

class ProgressReporter : public nn::TrainingObserver {
public:
    enum class Style { Bar, Lines, Json };

    ProgressReporter(Style style, int epochs, int64_t samplesPerEpoch);

    void stepFinished(const nn::StepReport &report) override;
    void epochFinished(const nn::EpochReport &report) override;
    void trainingFinished(const nn::FinishReport &report) override;


private:
    void drawBar(const nn::StepReport &report);
    void clearBar();

    Style style_;
    int epochs_;
    int64_t samplesPerEpoch_;
    std::chrono::steady_clock::time_point lastDraw_{};
    bool barVisible_ = false;
};

// "1:05" or "1:02:03".
std::string formatDuration(double seconds);
// A figure for JSON output, which has no NaN or infinity: those become null.
nlohmann::json finiteOrNull(double value);

} // namespace cli
