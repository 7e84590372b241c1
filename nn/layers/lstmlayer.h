// LSTM: long short-term memory (Hochreiter & Schmidhuber) with PyTorch's equations and gate order
// (i, f, g, o).
#pragma once

#include "recurrentlayer.h"

namespace nn {

// i, f, o = σ(W_i· x + b_i· + W_h· h + b_h·), g = tanh(…), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'):
// the cell state c carries what the gates let through, so gradients survive long sequences.
class LstmLayer : public RecurrentLayer {
public:
    using RecurrentLayer::RecurrentLayer;
    static const LayerSpec &declaration();

protected:
    int64_t gates() const override { return 4; }
    int64_t keptPerUnit() const override { return 5; }  // i, f, g, o and tanh(c')
    bool hasCellState() const override { return true; }
    void stepForward(StepForward &s) const override;
    void stepBackward(StepBackward &s) const override;
};

} // namespace nn
