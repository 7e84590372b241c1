// ProgressReporter: terminal bar, plain lines, or JSON lines.
#include "progressreporter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace cli {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr int kBarWidth = 28;

} // namespace

nlohmann::json finiteOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

std::string formatDuration(double seconds)
{
    const auto total = static_cast<long>(std::lround(std::max(seconds, 0.0)));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

ProgressReporter::ProgressReporter(Style style, int epochs, int64_t samplesPerEpoch)
    : style_(style), epochs_(epochs), samplesPerEpoch_(samplesPerEpoch)
{
}

void ProgressReporter::stepFinished(const nn::StepReport &report)
{
    if (style_ != Style::Bar)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastDraw_ < kRedrawInterval && report.batch != report.batchesPerEpoch)
        return;
    lastDraw_ = now;
    drawBar(report);
}

void ProgressReporter::drawBar(const nn::StepReport &report)
{
    const double fraction = static_cast<double>(report.batch) / static_cast<double>(std::max<int64_t>(report.batchesPerEpoch, 1));
    const int64_t remainingBatches = (report.batchesPerEpoch - report.batch) +
                                     static_cast<int64_t>(epochs_ - report.epoch) * report.batchesPerEpoch;
    const double samplesPerBatch = static_cast<double>(samplesPerEpoch_) / static_cast<double>(std::max<int64_t>(report.batchesPerEpoch, 1));
    const double eta = report.samplesPerSecond > 0 ? static_cast<double>(remainingBatches) * samplesPerBatch / report.samplesPerSecond : 0.0;
    std::string bar(static_cast<size_t>(fraction * kBarWidth), '#');
    bar.resize(kBarWidth, '.');
    std::fprintf(stdout, "\r\033[Kepoch %d/%d [%s] %3.0f%%  loss %.4f  %.0f samples/s  ETA %s", report.epoch, epochs_,
                 bar.c_str(), fraction * 100.0, report.loss, report.samplesPerSecond, formatDuration(eta).c_str());
    std::fflush(stdout);
    barVisible_ = true;
}

void ProgressReporter::clearBar()
{
    if (barVisible_)
        std::fprintf(stdout, "\r\033[K");
    barVisible_ = false;
}

void ProgressReporter::epochFinished(const nn::EpochReport &report)
{
    if (style_ == Style::Json) {
        nlohmann::json line = {{"event", "epoch"},
                               {"epoch", report.epoch},
                               {"epochs", report.epochs},
                               {"train_loss", finiteOrNull(report.trainLoss)},
                               {"train_accuracy", finiteOrNull(report.trainAccuracy)},
                               {"val_loss", finiteOrNull(report.validation.loss)},
                               {"learning_rate", report.learningRate},
                               {"samples_per_sec", report.samplesPerSecond},
                               {"seconds", report.seconds}};
        if (report.trainLosses.size() > 1 || !report.measures.empty())  // named values: a GAN's d_loss, g_loss, …
            for (const auto &values : {report.trainLosses, report.measures})
                for (const auto &[name, value] : values)
                    line[name] = finiteOrNull(value);
        if (report.validation.classification)
            line["val_accuracy"] = report.validation.classification->accuracy;
        if (report.validation.regression) {
            line["val_mae"] = report.validation.regression->mae;
            line["val_r2"] = report.validation.regression->r2;
        }
        std::cout << line.dump() << std::endl;
        return;
    }
    // Long runs of small epochs (300 spiral epochs take a second) print about 20 lines, not hundreds.
    const int every = std::max(1, report.epochs / 20);
    if (report.epoch != 1 && report.epoch % every != 0 && report.epoch != report.epochs)
        return;
    clearBar();
    std::printf("epoch %*d/%d", static_cast<int>(std::to_string(report.epochs).size()), report.epoch, report.epochs);
    if (report.trainLosses.size() > 1)
        for (const auto &values : {report.trainLosses, report.measures})
            for (const auto &[name, value] : values)
                std::printf("  %s %.4f", name.c_str(), value);
    else
        std::printf("  train loss %.4f", report.trainLoss);
    if (std::isfinite(report.trainAccuracy))
        std::printf("  acc %5.1f%%", 100.0 * report.trainAccuracy);
    if (report.hasValidation) {
        std::printf("  val loss %.4f", report.validation.loss);
        if (report.validation.classification)
            std::printf("  val acc %5.1f%%", 100.0 * report.validation.classification->accuracy);
        if (report.validation.regression)
            std::printf("  val R² %.3f", report.validation.regression->r2);
    }
    std::printf("  %.0f samples/s  %.1f s\n", report.samplesPerSecond, report.seconds);
    std::fflush(stdout);
}

void ProgressReporter::trainingFinished(const nn::FinishReport &report)
{
    if (style_ == Style::Json)
        return;  // the command prints the final "done" object with the test results
    clearBar();
    std::printf("%s\n", report.message.c_str());
}

} // namespace cli
