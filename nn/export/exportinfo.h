// ExportInfo: what the exporters need beside the graph and its weights: how data as it is in the
// dataset file becomes model input, what the outputs mean, and how the model was trained.
#pragma once

#include "nn/dataspec.h"
#include "nn/ganconfig.h"
#include "nn/trainingconfig.h"

#include <optional>
#include <string>
#include <vector>

namespace nn {

// Filled from a project and its loaded data (datasets::Experiment::exportInfo()).
struct ExportInfo {
    std::string name;         // the project's name: the ONNX graph name, the script's class name stem
    std::string description;  // the project's description
    // Per input feature, flattened in the sample's row-major order: model input = raw·scale + offset.
    // Both empty when the data is used as it is.
    std::vector<float> inputScale, inputOffset;
    // What turns the network's raw outputs into what a user reads: "softmax" (class
    // probabilities), "sigmoid" (per-output probabilities) or "none" (regression: the values
    // themselves), as the training's loss declares it (nn::outputActivationForLoss).
    std::string outputActivation = "none";
    bool classification = false;
    std::vector<std::string> classNames;    // classification
    std::vector<std::string> featureNames;  // CSV column names; empty for images
    std::vector<std::string> targetNames;   // regression target columns
    // Image data: how a picture file becomes the input, as `layerlab-cli predict --input IMAGE` does it
    // (nn/export/imageinput.h describes it). Empty for data that is not images.
    std::string imageResize;                // stretch, crop or pad to the input's height and width
    DataSpec data;                          // where the data came from (the script's train entry point)
    TrainingConfig training;                // loss, optimizer, batch, schedule, seed
    // A GAN project's adversarial settings (noise, loss, k, smoothing, penalties, G's optimizer);
    // the PyTorch script of a GAN's graph writes its training loop from them.
    std::optional<GanConfig> gan;
};

} // namespace nn
