// The backprop stepper's Conv2D stops: y = f(Σ W ⋆ x + b) worked out at one output position of one
// filter, and its chain rule (∂L/∂b, one weight's ∂L/∂W over the batch and the positions, ∂L/∂x at
// one pixel) with the numbers of the trace.
#pragma once

#include "views/inside/featuremapssnapshot.h"
#include "views/inside/stepper/stepperformulas.h"

namespace stepperformulas {

// Which number of a Conv2D the formulas follow: filter `filter` (the output channel), and the weight
// W[filter, channel, row, column] whose gradient is spelled out.
struct ConvFocus {
    int64_t filter = 0, channel = 0, row = 0, column = 0;
};
// The focus for `unit` (clamped to the filters), or the explained weight's when it is this node's.
ConvFocus convFocus(const nn::BackpropTrace &trace, const nn::TraceNode &node, int unit);

// Conv2D on [N, C, H, W] with `settings` (convolutionSettings of its node; tensors empty).
StepperStep convForward(const nn::TraceNode &node, const NodeFacts &facts, const ImageConvolution &settings, int sample,
                        const ConvFocus &focus);
StepperStep convBackward(const nn::TraceNode &node, const NodeFacts &facts, const ImageConvolution &settings, int sample,
                         const ConvFocus &focus);

} // namespace stepperformulas
