// SupervisedStep: a model, a loss on its one output, an optimizer: the step of every classifier
// and regressor, and of a per-token sequence model whose loss compares [N, T, K] with [N, T].
#pragma once

#include "loss.h"
#include "model.h"
#include "trainingconfig.h"
#include "trainingstep.h"

#include <memory>
#include <optional>
#include <utility>

namespace nn {

// Forward, loss, backward, regularization, clipping, one optimizer step; counts right classes.
class SupervisedStep : public TrainingStep {
public:
    // `classes` is the data's class count (0 for regression). Throws SettingError / ShapeError
    // when the loss, optimizer or settings do not fit the model and the data `train`.
    SupervisedStep(Model &model, const TrainingConfig &config, const BatchSource &train, int classes);

    const Loss &loss() const { return *loss_; }
    std::vector<std::string> lossNames() const override { return {"loss"}; }
    StepOutcome train(const Tensor &x, const Tensor &y, const RunContext &ctx) override;
    std::vector<Parameter *> state() override { return state_; }
    std::vector<Optimizer *> optimizers() override { return {optimizer_.get()}; }
    std::vector<Parameter *> optimizedBy(size_t) override { return parameters_; }
    std::string firstNonFiniteNode() const override { return model_.firstNonFiniteNode(); }
    std::vector<std::pair<std::string, double>> gradientNorms() const override { return model_.gradientNorms(); }
    std::optional<Evaluation> evaluate(const BatchSource &data) override;
    void requestTap(const TapRequest &request) override { tapRequest_ = request; }
    std::optional<TapRecord> takeTap() override { return std::exchange(tap_, std::nullopt); }

private:
    Model &model_;
    TrainingConfig config_;
    int classes_;
    std::unique_ptr<Loss> loss_;
    std::unique_ptr<Optimizer> optimizer_;
    std::vector<Parameter *> parameters_;
    std::vector<Parameter *> state_;  // parameters and buffers (running statistics)
    Tensor target_, dOutput_;
    std::optional<TapRequest> tapRequest_;
    std::optional<TapRecord> tap_;
    std::vector<Tensor> before_;  // the parameters before a tapped step's update
};

// Throws ShapeError when samples of shape `sample` cannot feed an Input whose samples are `input`.
void checkSampleFitsInput(const Shape &input, const Shape &sample);

// 0 when every gradient is finite, NaN or infinity otherwise.
double gradientProblem(const std::vector<Parameter *> &parameters);

} // namespace nn
