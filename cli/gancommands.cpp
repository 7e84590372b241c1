// layerlab-cli's GAN summary and the generate command.
#include "gancommands.h"

#include "commands.h"

#include "datasets/classifierverdict.h"
#include "datasets/generatedsamples.h"
#include "datasets/imagegrid.h"
#include "datasets/mixturecoverage.h"
#include "datasets/mixtureset.h"
#include "nn/error.h"
#include "nn/samplestatistics.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace cli {

namespace {

constexpr int64_t kSummarySamples = 2000;
constexpr uint64_t kSummarySeed = 1;
constexpr double kModeShare = 0.05;  // a mode counts as covered when it holds 5% of the samples

// NAME.layerlab.json → NAME-samples + extension, in the current folder.
std::string defaultSamplesPath(const std::string &name, const std::string &extension)
{
    return name + "-samples" + extension;
}

// The classifier's verdict on the samples, printed as text or JSON.
void printVerdict(const datasets::ClassifierVerdict &verdict, const std::string &classifier, bool json)
{
    if (json) {
        nlohmann::json line = {{"event", "verdict"},           {"classifier", classifier},
                               {"samples", verdict.samples},   {"threshold", verdict.threshold},
                               {"confident", verdict.confident}, {"confident_share", verdict.confidentShare()},
                               {"classes_seen", verdict.classesSeen()}, {"class_names", verdict.classNames},
                               {"confident_per_class", verdict.confidentPerClass}};
        std::cout << line.dump() << std::endl;
        return;
    }
    std::printf("%s is sure (p > %.2f) of %lld of %lld samples (%.1f%%); %d of %zu classes among them:\n",
                classifier.c_str(), verdict.threshold, static_cast<long long>(verdict.confident),
                static_cast<long long>(verdict.samples), 100.0 * verdict.confidentShare(), verdict.classesSeen(),
                verdict.confidentPerClass.size());
    for (size_t c = 0; c < verdict.confidentPerClass.size(); ++c)
        std::printf("  %s: %lld\n", c < verdict.classNames.size() ? verdict.classNames[c].c_str() : std::to_string(c).c_str(),
                    static_cast<long long>(verdict.confidentPerClass[c]));
}

} // namespace

nn::Tensor generatedSamples(datasets::Experiment &experiment, int64_t n, uint64_t seed)
{
    return datasets::generatedSamplesInDataUnits(experiment, n, seed);
}

nlohmann::json ganSummary(datasets::Experiment &experiment, bool print)
{
    const nn::Tensor samples = generatedSamples(experiment, kSummarySamples, kSummarySeed);
    nlohmann::json summary = {{"samples", kSummarySamples}};
    const nn::DataSpec &data = experiment.project().data;
    if (const auto centres = datasets::MixtureSet::centres(data.source); !centres.empty()) {
        const auto coverage = datasets::MixtureCoverage::measure(samples, centres, data.noise);
        summary["modes"] = centres.size();
        summary["modes_covered"] = coverage.modesHolding(kModeShare);
        summary["near_mode"] = coverage.nearAnyMode;
        summary["mode_shares"] = coverage.perMode;
        if (print)
            std::printf("\n%d of %zu modes hold at least 5%% of %lld samples; %.1f%% of them lie within 3σ of a mode.\n",
                        coverage.modesHolding(kModeShare), centres.size(), static_cast<long long>(kSummarySamples),
                        100.0 * coverage.nearAnyMode);
    }
    return summary;
}

int generate(const GenerateOptions &options)
{
    datasets::Experiment experiment = openTrained(options.project);
    const datasets::DataInfo &info = experiment.data().info;
    const bool image = info.isImage && info.sampleShape.size() == 3;
    const std::string out = options.out.empty() ? defaultSamplesPath(experiment.project().name, image ? ".png" : ".csv") : options.out;
    // A classifier that cannot judge these samples is refused before anything is written.
    std::optional<datasets::Experiment> classifier;
    if (!options.classifier.empty()) {
        classifier.emplace(openTrained(options.classifier));
        nn::Shape samples = info.sampleShape;
        samples.insert(samples.begin(), options.count);
        datasets::ClassifierVerdict::checkFits(*classifier, samples);
    }
    if (image) {
        // Images are written as the model sees them, which for pixel-scaled sets is [0, 1].
        const nn::Tensor samples = datasets::generatorSamples(experiment, options.count, options.seed);
        datasets::writeImageGrid(samples, out, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(options.count)))));
    } else {
        const nn::Tensor samples = generatedSamples(experiment, options.count, options.seed);
        std::ofstream file(out);
        if (!file)
            throw nn::FileError("Cannot write " + out + "; check that its folder exists and is writable.");
        const int64_t features = samples.size() / std::max<int64_t>(options.count, 1);
        for (int64_t f = 0; f < features; ++f)
            file << (f ? "," : "") << (f < static_cast<int64_t>(info.featureNames.size()) ? info.featureNames[static_cast<size_t>(f)]
                                                                                          : "x" + std::to_string(f + 1));
        file << "\n";
        for (int64_t i = 0; i < options.count; ++i)
            for (int64_t f = 0; f < features; ++f)
                file << samples[i * features + f] << (f + 1 == features ? "\n" : ",");
    }
    if (!options.json)
        std::printf("Wrote %d samples of %s to %s\n", options.count, experiment.project().name.c_str(), out.c_str());
    if (classifier) {
        const auto verdict = datasets::ClassifierVerdict::judge(*classifier, generatedSamples(experiment, options.count, options.seed));
        printVerdict(verdict, classifier->project().name, options.json);
    }
    return 0;
}

} // namespace cli
