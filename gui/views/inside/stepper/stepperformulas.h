// stepperformulas: the backprop stepper's stops, one per kind of formula: a Dense layer's
// y = f(Wx + b) and its chain rule with the numbers of one sample and unit, a sensible line for every
// other kind, the loss and its gradient, and the optimizer's update.
#pragma once

#include "views/inside/stepper/steppersnapshot.h"

#include <string>

namespace stepperformulas {

// The node's settings that the formulas read.
struct NodeFacts {
    QString kindText;        // "Dense · tanh"
    std::string activation;  // "tanh"; "" for kinds without one
};

StepperStep inputStep(const nn::BackpropTrace &trace, const nn::TraceNode &node, int sample);
// Dense on [N, F]; `unit` and `input` pick the output and input feature the formulas follow.
StepperStep denseForward(const nn::TraceNode &node, const NodeFacts &facts, int sample, int unit);
StepperStep denseBackward(const nn::TraceNode &node, const NodeFacts &facts, int sample, int unit, int input);
// Any other kind: its formula line and its tensors (a sample's for images and sequences).
StepperStep otherForward(const nn::TraceNode &node, const NodeFacts &facts, int sample, int unit);
StepperStep otherBackward(const nn::TraceNode &node, const NodeFacts &facts, int sample);
StepperStep lossStep(const nn::BackpropTrace &trace, int sample);
StepperStep updateStep(const nn::BackpropTrace &trace);

// The building blocks of the stops.
// The batch's tensor, or one sample's when it is an image or a sequence (rank ≥ 3); `marked` indexes
// what is shown.
StepperTensor shown(const QString &name, const nn::Tensor &t, int sample, std::vector<int64_t> marked = {});
// A parameter or anything else without a batch axis, whole.
StepperTensor whole(const QString &name, const nn::Tensor &t, std::vector<int64_t> marked = {});
// The node's parameter `name` ("weight"), or nullptr.
const nn::TraceParameter *parameterOf(const nn::TraceNode &node, const std::string &name);
// "Forward · hidden1 (Dense · tanh)".
QString title(const QString &phase, const nn::TraceNode &node, const NodeFacts &facts);
// f'(z) for `activation` from y (and z), in words and as a number; NaN when it is not one of the
// elementwise ones spelled out.
std::pair<QString, double> derivative(const std::string &activation, double y, double z);
// A number as the formulas print it (6 significant digits).
QString number(double value);
// "a·b + c·d + … + (k more) = total" over the first few products.
QString sumOfProducts(const std::vector<std::pair<double, double>> &products, double total);

} // namespace stepperformulas
