// The layerlab-cli subcommands; each returns the process exit code.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cli {

// Exit codes: 0 success, 1 a problem the user can fix (message on stderr), 3 training diverged.
inline constexpr int kExitError = 1;
inline constexpr int kExitDiverged = 3;

struct TrainOptions {
    std::string project;
    std::string data;
    std::optional<int> epochs;
    std::optional<int> batch;
    std::string optimizer;
    std::optional<double> learningRate;
    std::string schedule;  // empty: the project's
    std::optional<uint64_t> seed;
    std::optional<int> threads;
    std::map<std::string, double> augment;  // data "augment" settings by key ("rotation"); 1 or 0 for on/off
    std::string out;
    bool resume = false;
    bool json = false;
};

struct EvalOptions {
    std::string project;
    std::string split = "test";
    bool json = false;
};

struct PredictOptions {
    std::string project;
    std::string input;               // a CSV file, an image or a folder of images
    std::vector<std::string> texts;  // --text: raw texts for a project trained on text
    bool json = false;
};

// `layerlab-cli sample PROJECT [--prompt TEXT] [--temperature T] [--length N] [--seed S]`.
struct SampleOptions {
    std::string project;
    std::string prompt;
    double temperature = 0.8;
    int64_t length = 200;
    uint64_t seed = 1;
};

// `layerlab-cli export PROJECT --format onnx|safetensors|pytorch [--out PATH]`.
struct ExportOptions {
    std::string project;
    std::string format = "onnx";
    std::string out;  // empty: NAME.onnx, NAME.safetensors or NAME.py in the current folder
};

// `layerlab-cli generate PROJECT [--count N] [--seed S] [--out FILE]`: a trained GAN's samples.
struct GenerateOptions {
    std::string project;
    int count = 64;
    uint64_t seed = 1;
    std::string out;  // empty: NAME-samples.csv, or NAME-samples.png for images, in the current folder
    std::string classifier;  // a trained classifier project that judges the samples; empty: none
    bool json = false;       // with a classifier: its verdict as one JSON object
};

int train(const TrainOptions &options);
// Writes a trained GAN's samples: CSV rows in the data's units, or a PNG grid for images.
int generate(const GenerateOptions &options);
int evaluate(const EvalOptions &options);
int predict(const PredictOptions &options);
// Prints text a trained language model writes after the prompt.
int sample(const SampleOptions &options);
int info(const std::string &project, bool json);
// Writes the trained project in `format`; refuses a project without trained weights.
int exportModel(const ExportOptions &options);

} // namespace cli
