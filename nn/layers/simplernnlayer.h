// SimpleRNN: the Elman network h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), PyTorch's nn.RNN.
#pragma once

#include "recurrentlayer.h"

namespace nn {

// The plain recurrent layer, whose gradients fade over long sequences (the vanishing-gradient lesson).
class SimpleRnnLayer : public RecurrentLayer {
public:
    using RecurrentLayer::RecurrentLayer;
    static const LayerSpec &declaration();

protected:
    int64_t gates() const override { return 1; }
    int64_t keptPerUnit() const override { return 0; }  // h itself is all backward needs
    void stepForward(StepForward &s) const override;
    void stepBackward(StepBackward &s) const override;
};

} // namespace nn
