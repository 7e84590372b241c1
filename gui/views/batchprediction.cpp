// Batched, inference-only model runs for the views' probes.
#include "views/batchprediction.h"

#include "datasets/experiment.h"
#include "nn/loss.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace views {

namespace {

// Softmax along the last axis (a class per row, or per position of a sequence), in place,
// shifted by the row maximum for stability.
void softmaxRows(nn::Tensor &values)
{
    auto m = values.lastAxisRows();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        m.row(r).array() = (m.row(r).array() - m.row(r).maxCoeff()).exp();
        m.row(r) /= m.row(r).sum();
    }
}

// [N, 1] logits → [N, 2] as [1 − p, p]; wider outputs get an element-wise sigmoid.
nn::Tensor sigmoidColumns(const nn::Tensor &logits)
{
    const auto in = logits.matrix();
    const bool binary = in.cols() == 1;
    nn::Tensor result({in.rows(), binary ? 2 : in.cols()});
    auto out = result.matrix();
    for (Eigen::Index r = 0; r < in.rows(); ++r)
        for (Eigen::Index c = 0; c < in.cols(); ++c) {
            const float p = 1.0f / (1.0f + std::exp(-in(r, c)));
            if (binary) {
                out(r, 0) = 1.0f - p;
                out(r, 1) = p;
            } else {
                out(r, c) = p;
            }
        }
    return result;
}

} // namespace

SplitSamples gatherSplit(const nn::BatchSource &source, int64_t limit)
{
    SplitSamples samples;
    samples.count = limit < 0 ? source.size() : std::min(limit, source.size());
    std::vector<int64_t> indices(static_cast<size_t>(samples.count));
    std::iota(indices.begin(), indices.end(), int64_t{0});
    source.gather(indices, samples.inputs, samples.targets);
    return samples;
}

std::string outputActivation(const datasets::Experiment &experiment)
{
    return nn::outputActivationForLoss(experiment.project().training.loss);
}

nn::Tensor predict(const nn::Model &model, const nn::Tensor &inputs, const std::string &activation)
{
    const int64_t rows = inputs.rank() == 0 ? 0 : inputs.dim(0);
    if (rows == 0)
        return {};
    const int64_t perRow = inputs.size() / rows;
    nn::Tensor outputs, batch;
    nn::Pass pass;
    int64_t width = 0;
    for (int64_t start = 0; start < rows; start += kProbeBatch) {
        const int64_t n = std::min(kProbeBatch, rows - start);
        nn::Shape shape = inputs.shape();
        shape[0] = n;
        batch.resize(shape);
        std::copy_n(inputs.data() + start * perRow, n * perRow, batch.data());
        model.infer(pass, {&batch});
        const nn::Tensor &out = pass.output();
        width = out.size() / n;
        if (outputs.empty()) {  // [rows, …]: a sequence's outputs keep their steps
            nn::Shape outShape = out.shape();
            outShape[0] = rows;
            outputs.resize(outShape);
        }
        std::copy_n(out.data(), n * width, outputs.data() + start * width);
    }
    return withActivation(std::move(outputs), activation);
}

nn::Tensor withActivation(nn::Tensor outputs, const std::string &activation)
{
    if (outputs.empty())
        return outputs;
    if (activation == "softmax")
        softmaxRows(outputs);
    else if (activation == "sigmoid")
        return sigmoidColumns(outputs);
    return outputs;
}

int argmaxRow(const nn::Tensor &probabilities, int64_t row)
{
    const int64_t width = probabilities.dim(1);
    const float *values = probabilities.data() + row * width;
    return static_cast<int>(std::max_element(values, values + width) - values);
}

float rawValue(float modelValue, const datasets::DataInfo &info, int64_t feature)
{
    const auto f = static_cast<size_t>(feature);
    if (f >= info.scale.size() || info.scale[f] == 0.0f)
        return modelValue;
    return (modelValue - info.offset[f]) / info.scale[f];
}

float modelValue(float rawValue, const datasets::DataInfo &info, int64_t feature)
{
    const auto f = static_cast<size_t>(feature);
    if (f >= info.scale.size())
        return rawValue;
    return rawValue * info.scale[f] + info.offset[f];
}

} // namespace views
