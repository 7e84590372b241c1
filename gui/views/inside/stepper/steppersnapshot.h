// StepperSnapshot: the backprop stepper's walk through one training step, computed on the worker
// thread from nn::traceBackprop: one StepperStep per forward node, the loss, each backward node and
// the optimizer's update of one chosen weight, each with its formula and tensors.
#pragma once

#include "nn/backproptrace.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
struct RunState;
} // namespace nn

// A tensor as the stepper shows it, with the elements the formula reads marked.
struct StepperTensor {
    QString label;                // "x  [4 × 2]", "∂L/∂W  [32 × 2]"
    nn::Tensor value;             // one sample's (rank ≥ 3 batches) or the whole batch's
    std::vector<int64_t> marked;  // flat indices the formula uses
};

// One stop of the walk.
struct StepperStep {
    enum class Phase { Forward, Loss, Backward, Update };
    Phase phase = Phase::Forward;
    int nodeId = -1;  // the node it is at; -1 for the loss
    QString title;    // "Forward 2/4 · hidden1 (Dense · tanh)"
    QStringList formula;  // lines with the numbers filled in
    std::vector<StepperTensor> tensors;
};

// What the student chose: the batch (its first sample in the training split and its size, 1–8), the
// sample and unit the formulas follow, and the weight whose update is spelled out.
struct StepperRequest {
    int firstSample = 0;
    int batchSize = 4;
    int sample = 0;  // in the batch
    int unit = 0;    // output unit (Dense) or channel (Conv2D) the formulas follow
    QString parameter;  // full name, "" for the first
    qint64 element = 0;
};

struct StepperSnapshot {
    QString problem;  // why there is no walk (a GAN, data that did not load); empty otherwise
    StepperRequest request;  // as used (clamped to the batch, the units and the parameter)
    std::vector<StepperStep> steps;
    QStringList parameterNames;
    std::vector<qint64> parameterSizes;
    qint64 trainSamples = 0;  // in the training split
    nn::BackpropTrace trace;  // what the steps show, for the tests
};

// Traces one step of `model` (a copy; nothing changes) on the training split's samples
// [firstSample, firstSample + batchSize), with the optimizer continuing `run` (nullptr before any).
StepperSnapshot computeStepper(const nn::Model &model, const datasets::Experiment &experiment, const nn::RunState *run,
                               StepperRequest request);
