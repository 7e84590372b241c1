// computeStepper: the trace of one step, cut into the stops the stepper walks.
#include "views/inside/stepper/steppersnapshot.h"

#include "views/inside/stepper/convformulas.h"
#include "views/inside/stepper/stepperformulas.h"

#include "datasets/experiment.h"
#include "nn/model.h"
#include "nn/trainer.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace {

// The file's words, translated in the BackpropStepper context (lupdate reads StepperSnapshotText::tr).
struct StepperSnapshotText {
    Q_DECLARE_TR_FUNCTIONS(BackpropStepper)
};

stepperformulas::NodeFacts factsOf(const nn::Node &node)
{
    stepperformulas::NodeFacts facts;
    facts.kindText = QString::fromStdString(node.kind);
    if (node.settings.spec().find("activation")) {
        facts.activation = node.settings.choice("activation");
        if (facts.activation != "linear")
            facts.kindText += QStringLiteral(" · ") + QString::fromStdString(facts.activation);
    }
    return facts;
}

bool isDense(const nn::TraceNode &node)
{
    return node.kind == "Dense" && node.inputs.size() == 1 && node.inputs[0].rank() == 2 && !node.parameters.empty();
}

bool isConv(const nn::TraceNode &node)
{
    return node.kind == "Conv2D" && node.inputs.size() == 1 && node.inputs[0].rank() == 4 &&
           stepperformulas::parameterOf(node, "weight");
}

// The unit and input of a Dense node the formulas follow: the explained weight's when it is this
// node's, else the requested unit and input 0.
std::pair<int, int> denseFocus(const nn::BackpropTrace &trace, const nn::TraceNode &node, int unit)
{
    const int64_t features = node.inputs[0].dim(1), units = node.output.dim(1);
    if (trace.updatedParameter == node.name + ".weight")
        return {int(trace.update.element / features), int(trace.update.element % features)};
    return {int(std::clamp<int64_t>(unit, 0, units - 1)), 0};
}

// Fills snapshot.parameterNames/Sizes and clamps the request's parameter and element to them.
void chooseParameter(StepperSnapshot &snapshot, const nn::Model &model)
{
    for (const auto &[name, value] : model.weights()) {
        snapshot.parameterNames << QString::fromStdString(name);
        snapshot.parameterSizes.push_back(value->size());
    }
    StepperRequest &request = snapshot.request;
    qsizetype index = snapshot.parameterNames.indexOf(request.parameter);
    if (index < 0)
        index = 0;
    request.parameter = snapshot.parameterNames.value(index);
    request.element = std::clamp<qint64>(request.element, 0, snapshot.parameterSizes.empty() ? 0 : snapshot.parameterSizes[size_t(index)] - 1);
}

} // namespace

StepperSnapshot computeStepper(const nn::Model &model, const datasets::Experiment &experiment, const nn::RunState *run,
                               StepperRequest request)
{
    StepperSnapshot snapshot;
    if (experiment.isGan()) {
        snapshot.problem = StepperSnapshotText::tr("The backprop stepper walks one network with one loss; a GAN trains two networks "
                              "against each other. Open a classifier or a regressor to step through backpropagation.");
        return snapshot;
    }
    const nn::BatchSource &train = experiment.split("train");
    if (train.size() == 0) {
        snapshot.problem = StepperSnapshotText::tr("The training split is empty; use a larger data set or smaller validation and test splits.");
        return snapshot;
    }
    snapshot.trainSamples = train.size();
    request.batchSize = std::clamp(request.batchSize, 1, 8);
    request.firstSample = int(std::clamp<int64_t>(request.firstSample, 0, train.size() - 1));
    const int64_t batch = std::min<int64_t>(request.batchSize, train.size() - request.firstSample);
    request.batchSize = int(batch);
    request.sample = std::clamp(request.sample, 0, int(batch) - 1);
    request.unit = std::max(request.unit, 0);
    snapshot.request = request;
    chooseParameter(snapshot, model);
    request = snapshot.request;

    std::vector<int64_t> indices(static_cast<size_t>(batch));
    std::iota(indices.begin(), indices.end(), int64_t(request.firstSample));
    nn::Tensor x, y;
    train.gather(indices, x, y);
    const bool continues = run && run->optimizers.size() == 1;
    snapshot.trace = nn::traceBackprop(model, experiment.project().training, x, y,
                                       continues ? &run->optimizers.front() : nullptr,
                                       run ? uint64_t(run->globalStep) : 0,
                                       {request.parameter.toStdString(), request.element});
    const nn::BackpropTrace &trace = snapshot.trace;
    const int n = request.sample;
    for (const nn::TraceNode &node : trace.nodes) {
        const auto facts = factsOf(model.graph().node(node.nodeId));
        if (node.kind == "Input")
            snapshot.steps.push_back(stepperformulas::inputStep(trace, node, n));
        else if (isDense(node))
            snapshot.steps.push_back(stepperformulas::denseForward(node, facts, n, denseFocus(trace, node, request.unit).first));
        else if (isConv(node))
            snapshot.steps.push_back(stepperformulas::convForward(node, facts, convolutionSettings(model.graph().node(node.nodeId)),
                                                                  n, stepperformulas::convFocus(trace, node, request.unit)));
        else
            snapshot.steps.push_back(stepperformulas::otherForward(node, facts, n, request.unit));
    }
    snapshot.steps.push_back(stepperformulas::lossStep(trace, n));
    for (auto node = trace.nodes.rbegin(); node != trace.nodes.rend(); ++node) {
        if (node->kind == "Input" || (node->dOutput.empty() && node->parameters.empty()))
            continue;
        const auto facts = factsOf(model.graph().node(node->nodeId));
        StepperStep step;
        if (isDense(*node) && !node->dOutput.empty()) {
            const auto [unit, input] = denseFocus(trace, *node, request.unit);
            step = stepperformulas::denseBackward(*node, facts, n, unit, input);
        } else if (isConv(*node) && !node->dOutput.empty()) {
            step = stepperformulas::convBackward(*node, facts, convolutionSettings(model.graph().node(node->nodeId)), n,
                                                 stepperformulas::convFocus(trace, *node, request.unit));
        } else {
            step = stepperformulas::otherBackward(*node, facts, n);
        }
        step.phase = StepperStep::Phase::Backward;
        snapshot.steps.push_back(std::move(step));
    }
    snapshot.steps.push_back(stepperformulas::updateStep(trace));
    return snapshot;
}
