// Input: where a batch of data enters the network.
#pragma once

#include "nn/layer.h"

namespace nn {

// Declares the per-sample shape of the data; the Model copies each batch into its output.
class InputLayer : public Layer {
public:
    explicit InputLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
};

} // namespace nn
