// layerlab-bench-sequence: training samples/s of the word-language model (which language is this
// word?): the real words data (datasets' word lists, 8 languages × 4,000 words, 80% = 25,600
// training samples, T = 16 padded with id 0), Embedding 32 → GRU or LSTM 128 (masked by the ids:
// padded steps neither update the state nor count) → Dense 8, cross-entropy, Adam 1e-3, batch 64,
// trained by the real nn::Trainer over full epochs. --export-data writes the same splits for the
// PyTorch twin (pytorch_sequence.py).
#include "datasets/experiment.h"
#include "nn/error.h"
#include "nn/project.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <vector>

namespace {

struct Options {
    std::string cell = "GRU";
    std::string project;  // a project file instead of the model built here
    int threads = 1, repeats = 3, epochs = 1;
    std::string exportData;  // a folder for train.csv and test.csv
};

// The words data as issue 12 states it: all eight languages, 4,000 words each, 80/20, no validation.
nn::DataSpec wordSpec()
{
    nn::DataSpec spec;
    spec.source = "words";
    spec.wordsPerLanguage = 4000;
    spec.validationSplit = 0.0;
    spec.testSplit = 0.2;
    return spec;
}

// Input [T] → Embedding(vocabulary → 32, padding 0) → cell 128 (its second input the ids, the mask)
// → Dense 8; Adam 1e-3, batch 64.
nn::Project wordProject(const std::string &cell, int64_t vocabulary, int64_t steps, int64_t classes)
{
    nn::Project project;
    project.name = "word-language-" + cell;
    project.data = wordSpec();
    nn::Graph &graph = project.graph;
    const int input = graph.addNode("Input", "input");
    graph.node(input).settings.set("shape", std::vector<int64_t>{steps});
    const int embed = graph.addNode("Embedding", "embed");
    graph.node(embed).settings.set("vocabulary_size", vocabulary);
    graph.node(embed).settings.set("dimension", int64_t{32});
    graph.node(embed).settings.set("padding_index", int64_t{0});
    const int recurrent = graph.addNode(cell, "rnn");
    graph.node(recurrent).settings.set("hidden_size", int64_t{128});
    const int dense = graph.addNode("Dense", "output");
    graph.node(dense).settings.set("units", classes);
    graph.connect(input, embed);
    graph.connect(embed, recurrent, 0);
    graph.connect(input, recurrent, 1);
    graph.connect(recurrent, dense);
    project.training.optimizer = "Adam";
    project.training.optimizerSettings = {{"lr", 1e-3}};
    project.training.batchSize = 64;
    return project;
}

nn::Project benchProject(const Options &options)
{
    if (!options.project.empty())
        return nn::loadProject(datasets::resolveProjectPath(options.project));
    const datasets::LoadedData data = datasets::load(wordSpec(), 1);
    return wordProject(options.cell, int64_t(data.info.vocabulary.size()), data.info.sequenceLength,
                       data.info.numClasses);
}

// Each sample as one CSV line: the label, then its T ids. The first line names the vocabulary's size.
void writeSplit(const nn::BatchSource &source, int64_t vocabulary, const std::string &path)
{
    std::vector<int64_t> all(size_t(source.size()));
    std::iota(all.begin(), all.end(), int64_t{0});
    nn::Tensor x, y;
    source.gather(all, x, y);
    std::ofstream out(path);
    if (!out)
        throw nn::FileError("Cannot write " + path + "; give --export-data a folder that exists.");
    out << "# vocabulary_size " << vocabulary << "\n";
    const int64_t steps = x.size() / std::max<int64_t>(source.size(), 1);
    for (int64_t n = 0; n < source.size(); ++n) {
        out << std::lround(y[n]);
        for (int64_t t = 0; t < steps; ++t)
            out << ',' << std::lround(x[n * steps + t]);
        out << '\n';
    }
}

// Collects the epoch reports of a run.
class Epochs : public nn::TrainingObserver {
public:
    void epochFinished(const nn::EpochReport &report) override { reports.push_back(report); }
    std::vector<nn::EpochReport> reports;
};

struct Run {
    double samplesPerSecond = 0.0, testAccuracy = std::nan("");
};

// One run from fresh weights (seeded `seed`); the time counts the training batches only (EpochReport).
Run trainOnce(datasets::Experiment &experiment, uint64_t seed)
{
    nn::Model &model = experiment.model();
    model.initialize(seed);
    const nn::BatchSource &train = *experiment.data().train;
    nn::Trainer trainer(model, experiment.project().training, train, nullptr, experiment.classes());
    Epochs epochs;
    trainer.setObserver(&epochs);
    const nn::FinishReport finish = trainer.run();
    if (finish.reason != nn::FinishReport::Reason::Completed)
        throw nn::TrainingError("The benchmark run did not complete: " + finish.message);
    double seconds = 0.0;
    for (const auto &epoch : epochs.reports)
        seconds += epoch.seconds;
    Run run;
    run.samplesPerSecond = double(train.size()) * double(epochs.reports.size()) / std::max(seconds, 1e-9);
    const nn::Evaluation test = trainer.evaluate(*experiment.data().test);
    if (test.classification)
        run.testAccuracy = test.classification->accuracy;
    return run;
}

int runBench(const Options &options)
{
    nn::Project project = benchProject(options);
    project.training.epochs = options.epochs;
    project.training.threads = options.threads;
    datasets::Experiment experiment(project);
    const datasets::LoadedData &data = experiment.data();
    if (!options.exportData.empty()) {
        const auto vocabulary = int64_t(data.info.vocabulary.size());
        writeSplit(*data.train, vocabulary, options.exportData + "/train.csv");
        writeSplit(*data.test, vocabulary, options.exportData + "/test.csv");
    }
    if (options.repeats == 0)
        return 0;
    std::vector<Run> runs;
    for (int r = 0; r < options.repeats; ++r)
        runs.push_back(trainOnce(experiment, project.training.seed + uint64_t(r)));
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.samplesPerSecond < b.samplesPerSecond; });
    const Run &median = runs[runs.size() / 2];
    const nlohmann::json result = {{"framework", "layerlab"},
                                   {"cell", options.project.empty() ? options.cell : project.name},
                                   {"threads", options.threads},
                                   {"train_samples", data.train->size()},
                                   {"steps", data.info.sequenceLength},
                                   {"epochs", options.epochs},
                                   {"samples_per_second", std::round(median.samplesPerSecond * 10.0) / 10.0},
                                   {"test_accuracy", std::isfinite(median.testAccuracy) ? median.testAccuracy : -1.0}};
    std::cout << result.dump() << std::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"Training samples/s of Embedding 32 → GRU/LSTM 128 → Dense 8 on the words data (8 languages)"};
    Options options;
    app.add_option("--cell", options.cell, "GRU, LSTM or SimpleRNN")
        ->check(CLI::IsMember({"GRU", "LSTM", "SimpleRNN"}))
        ->capture_default_str();
    app.add_option("--project", options.project, "Train this project file (or bundled example) instead");
    app.add_option("--threads", options.threads, "Threads of the trainer's arena")->check(CLI::Range(1, 1024));
    app.add_option("--repeats", options.repeats, "Runs from fresh weights; the median is reported (0: only export)")
        ->check(CLI::Range(0, 1000));
    app.add_option("--epochs", options.epochs, "Full epochs per run")->check(CLI::Range(1, 1000));
    app.add_option("--export-data", options.exportData,
                   "Write the training and test splits to train.csv and test.csv in this folder (for the PyTorch twin)");
    CLI11_PARSE(app, argc, argv);
#ifndef NDEBUG  // run_sequence_bench.py refuses a build that says this
    std::fprintf(stderr, "note: this build checks its asserts (LAYERLAB_ASSERTS=ON), the shipped one does not; "
                         "measure in a build configured with -DLAYERLAB_ASSERTS=OFF (bench/README.md)\n");
#endif
    try {
        return runBench(options);
    } catch (const std::exception &error) {
        std::cerr << "error: " << error.what() << std::endl;
        return 1;
    }
}
