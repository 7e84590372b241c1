// Dense: the fully connected layer y = f(x·Wᵀ + b), PyTorch's nn.Linear followed by an activation.
#pragma once

#include "nn/activation.h"
#include "nn/layer.h"

namespace nn {

// Every output unit sees every input feature through its own weight, plus a bias. Acts on the
// last axis: [N, F] → [N, units] and [N, T, F] → [N, T, units], as nn.Linear does.
class DenseLayer : public Layer {
public:
    explicit DenseLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;

private:
    // out = f(z + b), in place when z is out.
    void finishForward(Tensor &z, Tensor &out) const;
    // f'(z) ⊙ dOut, in the call's saved record.
    const Tensor &preActivationGrad(const Tensor &out, const Tensor &dOut, Saved &saved) const;

    int64_t units_;
    Activation activation_;
    float alpha_;  // LeakyReLU's slope and ELU's alpha, PyTorch's defaults
    bool useBias_;
    Parameter weight_;       // (units, F), nn.Linear's layout
    Parameter bias_;         // (units)
};

} // namespace nn
