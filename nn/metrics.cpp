// Metrics from predictions: a confusion matrix for classes, running sums for regression.
#include "metrics.h"

#include "error.h"

#include <cmath>

namespace nn {

MetricsAccumulator::MetricsAccumulator(int classes)
    : classes_(classes),
      confusion_(static_cast<size_t>(std::max(classes, 0)), std::vector<int64_t>(static_cast<size_t>(std::max(classes, 0)), 0))
{
}

std::vector<int> MetricsAccumulator::predictedClasses(const Tensor &output)
{
    const auto scores = output.lastAxisRows();  // [N, K], or [N·T, K]: a class per position
    std::vector<int> classes(static_cast<size_t>(scores.rows()));
    for (Eigen::Index r = 0; r < scores.rows(); ++r) {
        if (scores.cols() == 1) {
            classes[static_cast<size_t>(r)] = scores(r, 0) > 0.0f ? 1 : 0;
        } else {
            Eigen::Index best = 0;
            scores.row(r).maxCoeff(&best);
            classes[static_cast<size_t>(r)] = static_cast<int>(best);
        }
    }
    return classes;
}

void MetricsAccumulator::add(const Tensor &output, const Tensor &target)
{
    const int64_t n = output.rank() > 0 ? output.dim(0) : 0;
    if (classes_ > 0) {
        const std::vector<int> predicted = predictedClasses(output);
        samples_ += int64_t(predicted.size());  // samples, or a sequence's positions
        for (int64_t i = 0; i < int64_t(predicted.size()); ++i) {
            const auto truth = static_cast<int>(std::lround(target[i]));
            if (truth < 0 || truth >= classes_)
                throw Error("A target class is " + std::to_string(truth) + " but the data has " +
                            std::to_string(classes_) + " classes (0 to " + std::to_string(classes_ - 1) + ").");
            const int guess = std::min(predicted[static_cast<size_t>(i)], classes_ - 1);
            ++confusion_[static_cast<size_t>(truth)][static_cast<size_t>(guess)];
        }
        return;
    }
    samples_ += n;
    for (int64_t i = 0; i < output.size(); ++i) {
        const double y = target[i];
        const double error = double(output[i]) - y;
        absoluteError_ += std::abs(error);
        squaredError_ += error * error;
        sum_ += y;
        sumSquares_ += y * y;
    }
    values_ += output.size();
}

ClassificationMetrics MetricsAccumulator::classification() const
{
    ClassificationMetrics m;
    m.confusion = confusion_;
    const auto k = static_cast<size_t>(classes_);
    m.precision.assign(k, 0.0);
    m.recall.assign(k, 0.0);
    m.f1.assign(k, 0.0);
    int64_t correct = 0;
    for (size_t c = 0; c < k; ++c) {
        int64_t predictedAsC = 0, actuallyC = 0;
        for (size_t other = 0; other < k; ++other) {
            predictedAsC += confusion_[other][c];
            actuallyC += confusion_[c][other];
        }
        const auto hits = static_cast<double>(confusion_[c][c]);
        correct += confusion_[c][c];
        m.precision[c] = predictedAsC > 0 ? hits / static_cast<double>(predictedAsC) : 0.0;
        m.recall[c] = actuallyC > 0 ? hits / static_cast<double>(actuallyC) : 0.0;
        const double sum = m.precision[c] + m.recall[c];
        m.f1[c] = sum > 0.0 ? 2.0 * m.precision[c] * m.recall[c] / sum : 0.0;
        m.macroPrecision += m.precision[c] / static_cast<double>(k);
        m.macroRecall += m.recall[c] / static_cast<double>(k);
        m.macroF1 += m.f1[c] / static_cast<double>(k);
    }
    m.accuracy = samples_ > 0 ? static_cast<double>(correct) / static_cast<double>(samples_) : 0.0;
    return m;
}

RegressionMetrics MetricsAccumulator::regression() const
{
    RegressionMetrics m;
    if (values_ == 0)
        return m;
    const auto count = static_cast<double>(values_);
    m.mae = absoluteError_ / count;
    const double totalVariance = sumSquares_ - sum_ * sum_ / count;  // Σ(y − ȳ)²
    m.r2 = totalVariance > 0.0 ? 1.0 - squaredError_ / totalVariance : 0.0;
    return m;
}

} // namespace nn
