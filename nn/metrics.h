// Metrics: accuracy, per-class and macro precision, recall and F1, confusion matrix; MAE and R².
#pragma once

#include "tensor.h"

#include <cstdint>
#include <vector>

namespace nn {

// Classification results over a split; confusion[t][p] counts samples of class t predicted as p.
struct ClassificationMetrics {
    double accuracy = 0.0;
    std::vector<std::vector<int64_t>> confusion;
    std::vector<double> precision, recall, f1;  // per class; 0 where undefined (no predictions, no samples)
    double macroPrecision = 0.0, macroRecall = 0.0, macroF1 = 0.0;
};

// Regression results: mean absolute error and coefficient of determination over all target values.
struct RegressionMetrics {
    double mae = 0.0;
    double r2 = 0.0;
};

// Collects predictions batch by batch, in order, and summarises them.
class MetricsAccumulator {
public:
    // classes > 0: classification (outputs [N, K] scores, or [N, 1] logits for two classes with
    // targets [N] or [N, 1]); classes == 0: regression (outputs and targets alike).
    explicit MetricsAccumulator(int classes);

    void add(const Tensor &output, const Tensor &target);
    int64_t samples() const { return samples_; }
    bool isClassification() const { return classes_ > 0; }

    ClassificationMetrics classification() const;
    RegressionMetrics regression() const;

    // The predicted class of each row of `output` (argmax, or logit > 0 for a single column).
    static std::vector<int> predictedClasses(const Tensor &output);

private:
    int classes_;
    int64_t samples_ = 0;
    std::vector<std::vector<int64_t>> confusion_;
    // Regression sums, in double: Σ|e|, Σy, Σy², Σe², count of values.
    double absoluteError_ = 0.0, sum_ = 0.0, sumSquares_ = 0.0, squaredError_ = 0.0;
    int64_t values_ = 0;
};

} // namespace nn
