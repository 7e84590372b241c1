// GanConfig: the "gan" section of a project file, which makes the project a generative adversarial
// network: how G's noise is drawn and how the adversarial step trains G and D.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace nn {

// The adversarial settings, declared in projectsettings.h (ganSettings). The discriminator trains
// with the "training" section's optimizer; the generator with its own when one is named here.
struct GanConfig {
    std::string noise = "normal";           // normal: z ~ N(0, 1); uniform: z ~ U(-1, 1)
    std::string loss = "non-saturating";    // minimax, non-saturating, least-squares, wasserstein-gp
    int discriminatorSteps = 1;             // k: D steps per G step
    double labelSmoothing = 0.0;            // one-sided: D's target for real samples is 1 − this
    double gradientPenalty = 10.0;          // wasserstein-gp: λ of λ·(‖∇x D(x̂)‖ − 1)²
    double zeroCentredPenalty = 0.0;        // the other losses: λ of λ·‖∇x D(x̂)‖² (0: none)
    std::string generatorOptimizer;         // empty: the training section's optimizer
    nlohmann::json generatorOptimizerSettings = nlohmann::json::object();  // empty: the training section's

    nlohmann::json toJson() const;
    static GanConfig fromJson(const nlohmann::json &json);  // SettingError when out of range
};

} // namespace nn
