// TrainingConfig: everything about a run except the network and the data, as plain values.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace nn {

// How the learning rate changes between epochs (PyTorch's StepLR and CosineAnnealingLR).
struct ScheduleConfig {
    std::string kind = "constant";  // constant, step, cosine
    int stepSize = 10;              // step: epochs between decays
    double gamma = 0.1;             // step: factor per decay
    double minLearningRate = 0.0;   // cosine: the rate reached at the last epoch
};

struct TrainingConfig {
    std::string loss = "CrossEntropy";
    nlohmann::json lossSettings = nlohmann::json::object();
    std::string optimizer = "Adam";
    nlohmann::json optimizerSettings = nlohmann::json::object();  // lr, momentum, betas, …

    int epochs = 10;
    std::string batchMode = "minibatch";  // full (gradient descent), minibatch, stochastic (batch 1)
    int batchSize = 32;
    bool shuffle = true;
    uint64_t seed = 1;
    int threads = 0;  // 0: all cores

    double l1 = 0.0;        // adds l1·Σ|w| to the loss (weights only, not biases)
    double l2 = 0.0;        // adds l2·Σw² to the loss
    double clipNorm = 0.0;  // rescales gradients whose global L2 norm exceeds this; 0: off
    ScheduleConfig schedule;
    int earlyStoppingPatience = 0;  // stop after this many epochs without a better validation loss; 0: off
    // The window's pace: at most this many steps a second, to watch a run form; 0: as fast as
    // possible. The trainer itself and layerlab-cli never wait.
    double stepsPerSecond = 0.0;

    // The batch size the mode implies for `samples` training samples.
    int64_t effectiveBatchSize(int64_t samples) const;

    nlohmann::json toJson() const;
    static TrainingConfig fromJson(const nlohmann::json &json);  // SettingError when out of range
};

} // namespace nn
