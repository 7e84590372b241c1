// The layerlab-cli subcommands; each returns the process exit code.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

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
    std::string input;
    bool json = false;
};

// `layerlab-cli export PROJECT --format onnx|safetensors|pytorch [--out PATH]`.
struct ExportOptions {
    std::string project;
    std::string format = "onnx";
    std::string out;  // empty: NAME.onnx, NAME.safetensors or NAME.py in the current folder
};

int train(const TrainOptions &options);
int evaluate(const EvalOptions &options);
int predict(const PredictOptions &options);
int info(const std::string &project, bool json);
// Writes the trained project in `format`; refuses a project without trained weights.
int exportModel(const ExportOptions &options);

} // namespace cli
