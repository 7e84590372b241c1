// layerlab-bench: trains a project (by default the Fashion-MNIST MLP) with the real nn::Trainer
// and reports training samples/s (median of repeats from fresh weights), the test accuracy
// after training, the GFLOP/s that speed amounts to, and the time and GFLOP/s of each layer;
// --gemm measures Eigen's one-thread matrix-product speed on the network's own products, the
// ceiling to compare them with.
#include "gemmpeak.h"
#include "layerwork.h"

#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/model.h"
#include "nn/project.h"
#include "nn/taps.h"
#include "nn/trainer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <set>
#include <span>

namespace {

// The shipped build (scripts/package) has asserts off; a build from source has them on
// (LAYERLAB_ASSERTS), and its speed is not the one users get.
#ifdef NDEBUG
constexpr bool kAsserts = false;
#else
constexpr bool kAsserts = true;
#endif

struct Options {
    std::string project = "fashion-mnist-mlp";
    int epochs = 1;
    std::optional<int> threads;  // the project's setting when absent
    int repeats = 3;
    int64_t trainSamples = 0;  // 0: the whole training split
    bool json = false;
    bool gemm = false;
    double taps = 0.0;  // taps per second; > 0: each repeat also runs with taps, interleaved
    bool everyView = false;  // the taps ask for what every Inside view asks, plus one image's inference
};

// One training run from fresh weights. Seconds and samples/s count training batches only, as
// EpochReport does: no validation, shuffling or reporting.
struct Run {
    double seconds = 0.0;
    double samplesPerSecond = 0.0;
    double trainLoss = 0.0;
    double testAccuracy = std::nan("");
    int threads = 1;                      // of the trainer's arena: the project's setting or --threads
    std::vector<nn::LayerTiming> layers;  // forward and backward time per layer
    int64_t taps = 0;  // records taken
    double tapSeconds = std::nan("");  // median tapped step − median untapped step of the same run
};

// The first `count` samples of another source: a shorter epoch with the same data.
class FirstSamples : public nn::BatchSource {
public:
    FirstSamples(const nn::BatchSource &source, int64_t count)
        : source_(source), count_(count > 0 ? std::min(count, source.size()) : source.size())
    {
    }
    int64_t size() const override { return count_; }
    nn::Shape sampleShape() const override { return source_.sampleShape(); }
    nn::Shape targetShape() const override { return source_.targetShape(); }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        source_.gather(indices, x, y);
    }

private:
    const nn::BatchSource &source_;
    int64_t count_;
};

// What the Inside dock asks for with every view open (InsidePanel::request()): sample 0's activations,
// gradients and internals (the sequence tabs) and the first Conv2D's weights (Filters); and, at the
// same rate, what the Feature maps view's probe does at most (one image through Model::infer; the
// window runs it only after an epoch).
struct EveryView {
    nn::TapRequest request;
    const nn::Model *model = nullptr;
    nn::Tensor image;  // [1, sample…]: the first training sample
};

EveryView everyViewOf(const nn::Model &model, const nn::BatchSource &train)
{
    EveryView views{nn::TapRequest{0, ""}, &model, {}};
    for (int id : model.graph().topologicalOrder())
        if (model.graph().node(id).kind == "Conv2D" && views.request.weightsNode.empty())
            views.request.weightsNode = model.graph().node(id).name;
    const int64_t first = 0;
    nn::Tensor targets;
    train.gather(std::span<const int64_t>(&first, 1), views.image, targets);
    return views;
}

// The load average over the last minute, as /proc/loadavg has it (NaN where it cannot be read).
double loadAverage()
{
    double load = std::nan("");
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf", &load) != 1)
            load = std::nan("");
        std::fclose(file);
    }
    return load;
}

// Keeps the epoch reports of one run; with `tapsPerSecond`, asks for a tap that often, as the
// window does for its views, and times each step (from one stepFinished to the next), tapped or not.
class EpochCollector : public nn::TrainingObserver {
public:
    explicit EpochCollector(double tapsPerSecond = 0.0, const EveryView *views = nullptr)
        : interval_(tapsPerSecond > 0.0 ? 1.0 / tapsPerSecond : 0.0), views_(views)
    {
    }
    void watch(nn::Trainer *trainer) { trainer_ = trainer; }
    void stepFinished(const nn::StepReport &) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (lastStep_)
            (stepWasTapped_ ? tappedSteps : plainSteps).push_back(std::chrono::duration<double>(now - *lastStep_).count());
        stepWasTapped_ = false;
        if (interval_ > 0.0 && std::chrono::duration<double>(now - lastTap_).count() >= interval_) {
            lastTap_ = now;
            trainer_->requestTap(views_ ? views_->request : nn::TapRequest{});
        }
        lastStep_ = std::chrono::steady_clock::now();
    }
    // Inside the trainer's timed step, so that the samples/s count it.
    void tapped(const nn::TapRecord &) override
    {
        if (views_)
            views_->model->infer(pass_, {&views_->image});
        ++taps;
        stepWasTapped_ = true;
    }
    void epochFinished(const nn::EpochReport &report) override { epochs.push_back(report); }
    std::vector<nn::EpochReport> epochs;
    int64_t taps = 0;
    std::vector<double> plainSteps, tappedSteps;  // seconds per step

private:
    double interval_;
    const EveryView *views_;
    nn::Pass pass_;
    nn::Trainer *trainer_ = nullptr;
    std::chrono::steady_clock::time_point lastTap_{};
    std::optional<std::chrono::steady_clock::time_point> lastStep_;
    bool stepWasTapped_ = false;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

Run trainOnce(datasets::Experiment &experiment, const nn::BatchSource &train, double tapsPerSecond = 0.0,
              const EveryView *views = nullptr)
{
    nn::Model &model = experiment.model();
    model.initialize(experiment.project().training.seed);
    model.setTiming(true);
    // A fresh optimizer; no validation split, which is outside the timed batches anyway.
    const auto trainer =
        std::make_unique<nn::Trainer>(model, experiment.project().training, train, nullptr, experiment.classes());
    EpochCollector collector(tapsPerSecond, views);
    collector.watch(trainer.get());
    trainer->setObserver(&collector);
    const nn::FinishReport finish = trainer->run();
    if (finish.reason != nn::FinishReport::Reason::Completed)
        throw nn::TrainingError("The benchmark run did not complete: " + finish.message);

    Run run;
    run.threads = trainer->arena().threads();
    double samples = 0.0;
    for (const auto &epoch : collector.epochs) {
        run.seconds += epoch.seconds;
        samples += epoch.samplesPerSecond * epoch.seconds;
    }
    run.samplesPerSecond = samples / std::max(run.seconds, 1e-9);
    run.trainLoss = collector.epochs.back().trainLoss;
    run.taps = collector.taps;
    if (!collector.tappedSteps.empty())
        run.tapSeconds = median(collector.tappedSteps) - median(collector.plainSteps);
    run.layers = model.timings();
    model.setTiming(false);
    const nn::BatchSource *test = experiment.data().test.get();
    if (test && test->size() > 0) {
        const nn::Evaluation evaluation = trainer->evaluate(*test);
        if (evaluation.classification)
            run.testAccuracy = evaluation.classification->accuracy;
    }
    return run;
}

// The ids of the nodes that have parameters, for the FLOP count of input gradients.
std::set<int> nodesWithParameters(nn::Model &model)
{
    std::set<int> ids;
    for (const auto &[name, parameter] : model.parameters())
        if (const nn::Node *node = model.graph().findByName(name.substr(0, name.find('.'))))
            ids.insert(node->id);
    return ids;
}

nlohmann::json numberOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json gemmJson(const std::vector<bench::GemmCase> &cases)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const auto &gemm : cases)
        rows.push_back({{"case", gemm.name}, {"m", gemm.m}, {"k", gemm.k}, {"n", gemm.n}, {"gflops", gemm.gflops}});
    return rows;
}

// `text` padded with spaces to `width` columns; counts UTF-8 code points, not bytes (× and ᵀ).
std::string padded(const std::string &text, size_t width)
{
    const auto columns = static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return text + std::string(width > columns ? width - columns : 0, ' ');
}

void printGemms(const std::vector<bench::GemmCase> &square, const std::vector<bench::GemmCase> &training)
{
    std::printf("\nEigen float GEMM on one thread (EIGEN_DONT_PARALLELIZE), median of 7 timed runs:\n");
    for (const auto *cases : {&square, &training})
        for (const auto &gemm : *cases)
            std::printf("  %s %7.1f GFLOP/s\n", padded(gemm.name, 52).c_str(), gemm.gflops);
}

// One layer's time per batch (median over the runs) and, for product layers, its FLOP rate.
struct LayerRow {
    std::string node, kind;
    double forwardMicros = 0.0, backwardMicros = 0.0;  // per batch
    double forwardGflops = std::nan(""), backwardGflops = std::nan("");
};

// Everything one invocation measured.
struct Summary {
    std::string project, optimizer;
    int threads = 1, epochs = 1;
    int64_t batch = 1, trainSamples = 0;
    std::vector<Run> runs;
    double samplesPerSecond = 0.0, seconds = 0.0, testAccuracy = 0.0;  // medians over runs
    double flopsPerSample = std::nan(""), achievedGflops = std::nan("");
    std::vector<LayerRow> layers;
    std::vector<bench::GemmCase> square, training;  // with --gemm
    double peakGflops = std::nan("");               // the 512³ product's speed × threads
    double gemmBound = std::nan("");  // samples/s if a batch were only its products, on every thread
    std::vector<Run> tappedRuns;        // with --taps: the same repeats with taps on, interleaved
    double tappedSamplesPerSecond = std::nan("");
    double loadBefore = std::nan(""), loadAfter = std::nan("");  // the load average around the repeats
    double tapSeconds = std::nan("");  // median over the tapped runs of what one tap adds to a step
};

double medianOf(const std::vector<Run> &runs, double Run::*field)
{
    std::vector<double> values;
    for (const auto &run : runs)
        values.push_back(run.*field);
    return median(values);
}

// Per-layer medians over the runs, with GFLOP/s where the layer's arithmetic is counted.
std::vector<LayerRow> layerRows(const std::vector<Run> &runs, const std::vector<bench::LayerWork> &work, int64_t batch)
{
    std::vector<LayerRow> rows;
    for (size_t i = 0; i < runs.front().layers.size(); ++i) {
        std::vector<double> forward, backward;
        for (const auto &run : runs) {
            const nn::LayerTiming &t = run.layers[i];
            forward.push_back(1e6 * t.forwardSeconds / double(std::max<int64_t>(t.forwardCalls, 1)));
            backward.push_back(1e6 * t.backwardSeconds / double(std::max<int64_t>(t.backwardCalls, 1)));
        }
        LayerRow row{runs.front().layers[i].node, runs.front().layers[i].kind, median(forward), median(backward)};
        for (const auto &layer : work)
            if (layer.node == row.node) {
                row.forwardGflops = layer.forwardFlopsPerSample * double(batch) / (row.forwardMicros * 1e3);
                row.backwardGflops = layer.backwardFlopsPerSample * double(batch) / (row.backwardMicros * 1e3);
            }
        rows.push_back(row);
    }
    return rows;
}

Summary measureTraining(const Options &options)
{
    nn::Project project = nn::loadProject(datasets::resolveProjectPath(options.project));
    project.training.epochs = options.epochs;
    if (options.threads)
        project.training.threads = *options.threads;
    datasets::Experiment experiment(project);
    const FirstSamples train(*experiment.data().train, options.trainSamples);

    Summary summary;
    summary.project = project.name;
    summary.optimizer = project.training.optimizer;
    summary.epochs = options.epochs;
    summary.trainSamples = train.size();
    summary.batch = project.training.effectiveBatchSize(summary.trainSamples);
    const EveryView views = everyViewOf(experiment.model(), train);
    summary.loadBefore = loadAverage();
    for (int repeat = 0; repeat < options.repeats; ++repeat) {
        const Run &run = summary.runs.emplace_back(trainOnce(experiment, train));
        if (!options.json)
            std::fprintf(stderr, "repeat %d: %.0f samples/s (%.4g s), train loss %.4f, test accuracy %.2f%%\n", repeat + 1,
                         run.samplesPerSecond, run.seconds, run.trainLoss, 100.0 * run.testAccuracy);
        if (options.taps > 0.0) {
            const Run &tapped = summary.tappedRuns.emplace_back(
                trainOnce(experiment, train, options.taps, options.everyView ? &views : nullptr));
            if (!options.json)
                std::fprintf(stderr, "repeat %d with taps: %.0f samples/s (%.4g s), %lld taps of %.2f ms each\n",
                             repeat + 1, tapped.samplesPerSecond, tapped.seconds, static_cast<long long>(tapped.taps),
                             1e3 * tapped.tapSeconds);
        }
    }
    summary.loadAfter = loadAverage();
    summary.tappedSamplesPerSecond = medianOf(summary.tappedRuns, &Run::samplesPerSecond);
    summary.tapSeconds = medianOf(summary.tappedRuns, &Run::tapSeconds);
    summary.threads = summary.runs.front().threads;
    summary.samplesPerSecond = medianOf(summary.runs, &Run::samplesPerSecond);
    summary.seconds = medianOf(summary.runs, &Run::seconds);
    summary.testAccuracy = medianOf(summary.runs, &Run::testAccuracy);

    const auto work =
        bench::layerWork(experiment.model().graph(), summary.batch, nodesWithParameters(experiment.model()));
    summary.flopsPerSample = bench::trainingFlopsPerSample(work);
    summary.achievedGflops = summary.samplesPerSecond * summary.flopsPerSample / 1e9;
    summary.layers = layerRows(summary.runs, work, summary.batch);
    if (options.gemm) {
        summary.square = {{"square    A·B   512×512·512×512", 512, 512, 512, bench::GemmCase::Form::Plain}};
        for (const auto &layer : work)
            summary.training.insert(summary.training.end(), layer.gemms.begin(), layer.gemms.end());
        bench::measure(summary.square);
        bench::measure(summary.training);
        summary.peakGflops = summary.square.front().gflops * double(summary.threads);
        if (!summary.training.empty())
            summary.gemmBound =
                double(summary.batch) / bench::gemmSecondsPerBatch(summary.training) * double(summary.threads);
    }
    return summary;
}

nlohmann::json toJson(const Summary &summary, const Options &options)
{
    nlohmann::json result = {{"framework", "layerlab"},
                             {"project", summary.project},
                             {"threads", summary.threads},
                             {"batch", summary.batch},
                             {"epochs", summary.epochs},
                             {"train_samples", summary.trainSamples},
                             {"repeats", options.repeats},
                             {"samples_per_second", summary.samplesPerSecond},
                             {"seconds", summary.seconds},
                             {"test_accuracy", numberOrNull(summary.testAccuracy)},
                             {"flops_per_sample", numberOrNull(summary.flopsPerSample)},
                             {"flops_formula", bench::kFlopsFormula},
                             {"achieved_gflops", numberOrNull(summary.achievedGflops)},
                             {"asserts", kAsserts},
                             {"layers", nlohmann::json::array()},
                             {"runs", nlohmann::json::array()}};
    if (options.taps > 0.0) {
        result["taps_per_second"] = options.taps;
        result["tapped_samples_per_second"] = numberOrNull(summary.tappedSamplesPerSecond);
        result["tap_slowdown"] = numberOrNull(1.0 - summary.tappedSamplesPerSecond / summary.samplesPerSecond);
        result["tap_seconds"] = numberOrNull(summary.tapSeconds);
        result["every_view"] = options.everyView;
    }
    result["load_average"] = {numberOrNull(summary.loadBefore), numberOrNull(summary.loadAfter)};
    for (const auto &row : summary.layers)
        result["layers"].push_back({{"node", row.node},
                                    {"kind", row.kind},
                                    {"forward_us", row.forwardMicros},
                                    {"backward_us", row.backwardMicros},
                                    {"forward_gflops", numberOrNull(row.forwardGflops)},
                                    {"backward_gflops", numberOrNull(row.backwardGflops)}});
    for (const auto &run : summary.runs)
        result["runs"].push_back({{"seconds", run.seconds},
                                  {"samples_per_second", run.samplesPerSecond},
                                  {"train_loss", run.trainLoss},
                                  {"test_accuracy", numberOrNull(run.testAccuracy)}});
    if (options.gemm) {
        result["gemm"] = gemmJson(summary.square);
        for (const auto &row : gemmJson(summary.training))
            result["gemm"].push_back(row);
        result["gemm_peak_gflops"] = numberOrNull(summary.peakGflops);
        result["gemm_bound_samples_per_second"] = numberOrNull(summary.gemmBound);
    }
    return result;
}

void printLayers(const Summary &summary)
{
    std::printf("\nper layer, µs per batch of %lld (median over repeats)%s:\n", static_cast<long long>(summary.batch),
                std::isfinite(summary.peakGflops) ? ", GFLOP/s and % of the 512³ peak × threads" : ", GFLOP/s");
    double forward = 0.0, backward = 0.0;
    for (const auto &row : summary.layers) {
        std::printf("  %s %s forward %8.0f", padded(row.node, 10).c_str(), padded(row.kind, 16).c_str(),
                    row.forwardMicros);
        if (std::isfinite(row.forwardGflops))
            std::printf(" %6.1f GFLOP/s", row.forwardGflops);
        else
            std::printf("               ");
        std::printf("   backward %8.0f", row.backwardMicros);
        if (std::isfinite(row.backwardGflops))
            std::printf(" %6.1f GFLOP/s", row.backwardGflops);
        if (std::isfinite(row.forwardGflops) && std::isfinite(summary.peakGflops))
            std::printf("   (%.0f%% / %.0f%% of peak)", 100.0 * row.forwardGflops / summary.peakGflops,
                        100.0 * row.backwardGflops / summary.peakGflops);
        std::printf("\n");
        forward += row.forwardMicros;
        backward += row.backwardMicros;
    }
    const double batchMicros = 1e6 * double(summary.batch) / summary.samplesPerSecond;
    std::printf("  layers: forward %.0f + backward %.0f µs of %.0f µs per batch (the rest: data, loss, optimizer)\n",
                forward, backward, batchMicros);
}

void printSummary(const Summary &summary, const Options &options)
{
    std::printf("LayerLab, %s: %lld training samples, batch %lld, %s, %d thread(s), %d epoch(s)\n",
                summary.project.c_str(), static_cast<long long>(summary.trainSamples),
                static_cast<long long>(summary.batch), summary.optimizer.c_str(), summary.threads, summary.epochs);
    std::printf("training: %.0f samples/s (median of %d repeats, %.4g s per run); test accuracy %.2f%%\n",
                summary.samplesPerSecond, options.repeats, summary.seconds, 100.0 * summary.testAccuracy);
    std::printf("achieved: %.2f GFLOP/s = samples/s × %.0f FLOP/sample\n  (%s)\n", summary.achievedGflops,
                summary.flopsPerSample, bench::kFlopsFormula);
    if (options.taps > 0.0)
        std::printf("with taps at %g per second%s: %.0f samples/s (median of %d, interleaved), %.1f%% slower\n",
                    options.taps, options.everyView ? " (every view's request)" : "", summary.tappedSamplesPerSecond, options.repeats,
                    100.0 * (1.0 - summary.tappedSamplesPerSecond / summary.samplesPerSecond));
    if (options.taps > 0.0)
        std::printf("one tap adds %.2f ms to its step (median tapped step − median other step, median of %d runs): "
                    "%.1f%% of each second at %g per second\n",
                    1e3 * summary.tapSeconds, options.repeats, 100.0 * summary.tapSeconds * options.taps, options.taps);
    std::printf("load average (1 min): %.2f before, %.2f after\n", summary.loadBefore, summary.loadAfter);
    printLayers(summary);
    if (!options.gemm)
        return;
    printGemms(summary.square, summary.training);
    std::printf("\nceiling on %d thread(s): %.1f GFLOP/s (512³ product); training reaches %.0f%% of it\n",
                summary.threads, summary.peakGflops, 100.0 * summary.achievedGflops / summary.peakGflops);
    if (std::isfinite(summary.gemmBound))
        std::printf("a batch of only these products at these speeds: %.0f samples/s; training reaches %.0f%% of it\n",
                    summary.gemmBound, 100.0 * summary.samplesPerSecond / summary.gemmBound);
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"LayerLab training benchmark: samples/s of the real training loop, and Eigen's GEMM ceiling."};
    Options options;
    app.add_option("--project", options.project, "Project file (NAME.layerlab.json) or bundled example name")
        ->capture_default_str();
    app.add_option("--epochs", options.epochs, "Epochs per run")->check(CLI::Range(1, 1000))->capture_default_str();
    app.add_option("--threads", options.threads, "Threads (0 = all cores; default: the project's setting)")
        ->check(CLI::Range(0, 1024));
    app.add_option("--repeats", options.repeats, "Runs from fresh weights; the median is reported")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    app.add_option("--train-samples", options.trainSamples,
                   "Train on the first N samples of the training split only (0: all), for shorter epochs")
        ->check(CLI::Range(int64_t{0}, int64_t{1} << 40))
        ->capture_default_str();
    app.add_flag("--json", options.json, "Print one JSON object instead of text");
    app.add_option("--taps", options.taps,
                   "Also run each repeat with taps recorded this many times per second, as the window's views "
                   "ask for them, and report the slowdown")
        ->check(CLI::Range(0.0, 1000.0));
    app.add_flag("--every-view", options.everyView,
                 "With --taps: ask for what every Inside view asks (a sample's activations and gradients, the first "
                 "Conv2D's weights) and run one image through the model at each tap, as the feature maps do at most");
    app.add_flag("--gemm", options.gemm, "Also measure Eigen's one-thread GEMM speed on 512³ and the network's shapes");
    CLI11_PARSE(app, argc, argv);
    if (kAsserts)
        std::fprintf(stderr, "note: this build checks its asserts (LAYERLAB_ASSERTS=ON), the shipped one does not; "
                             "measure in a build configured with -DLAYERLAB_ASSERTS=OFF (bench/README.md)\n");
    try {
        const Summary summary = measureTraining(options);
        if (options.json)
            std::cout << toJson(summary, options).dump() << std::endl;
        else
            printSummary(summary, options);
        return 0;
    } catch (const std::exception &error) {
        std::cerr << "error: " << error.what() << std::endl;
        return 1;
    }
}
