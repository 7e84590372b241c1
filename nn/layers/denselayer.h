// Dense: the fully connected layer y = f(x·Wᵀ + b), PyTorch's nn.Linear followed by an activation.
#pragma once

#include "nn/activation.h"
#include "nn/layer.h"

namespace nn {

// Every output unit sees every input feature through its own weight, plus a bias.
class DenseLayer : public Layer {
public:
    explicit DenseLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
    std::vector<Parameter *> parameters() override;

private:
    // out = f(z + b), in place when z is out.
    void finishForward(Tensor &z, Tensor &out);
    // dPreActivation_ = f'(z) ⊙ dOut.
    void preActivationGrad(const Tensor &out, const Tensor &dOut);

    int64_t units_;
    Activation activation_;
    float alpha_;  // LeakyReLU's slope and ELU's alpha, PyTorch's defaults
    bool useBias_;
    Parameter weight_;       // (units, F), nn.Linear's layout
    Parameter bias_;         // (units)
    Tensor preActivation_;   // (N, units) x·Wᵀ + b, kept only for GELU, whose backward needs it
    Tensor dPreActivation_;  // (N, units) dZ, scratch when the activation is not linear
};

} // namespace nn
