// SimpleRNN: one tanh step forward, its derivative 1 − h² backward.
#include "simplernnlayer.h"

#include "nn/registry.h"

namespace nn {

namespace {

const bool registeredSimpleRnnLayer = registerLayer<SimpleRnnLayer>();

} // namespace

const LayerSpec &SimpleRnnLayer::declaration()
{
    static const LayerSpec spec =
        recurrentSpec("SimpleRNN", "SimpleRNN: h_t = tanh(W·[h_{t−1}, x_t] + b), the plain recurrent layer.");
    return spec;
}

void SimpleRnnLayer::stepForward(StepForward &s) const
{
    s.h = (s.xw.array() + s.hw.array()).tanh().matrix();
}

// Through tanh' = 1 − h², from the h the forward wrote.
void SimpleRnnLayer::stepBackward(StepBackward &s) const
{
    s.dGi = (s.dh.array() * (1.0f - s.h.array().square())).matrix();
    s.dGh = s.dGi;
    s.dhDirect.setZero();
}

} // namespace nn
