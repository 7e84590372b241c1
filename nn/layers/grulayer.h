// GRU: the gated recurrent unit of Cho et al. with PyTorch's equations and gate order (r, z, n).
#pragma once

#include "recurrentlayer.h"

namespace nn {

// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
class GruLayer : public RecurrentLayer {
public:
    using RecurrentLayer::RecurrentLayer;
    static const LayerSpec &declaration();

protected:
    int64_t gates() const override { return 3; }
    int64_t keptPerUnit() const override { return 4; }  // r, z, n and W_hn h + b_hn
    void stepForward(StepForward &s) const override;
    void stepBackward(StepBackward &s) const override;
};

} // namespace nn
