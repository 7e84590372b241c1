// Concat: joins its inputs along one axis, e.g. [N, 3] and [N, 5] → [N, 8].
#pragma once

#include "nn/layer.h"

namespace nn {

// Places two or more inputs side by side along `axis` (as torch.cat); other dims must match.
class ConcatLayer : public Layer {
public:
    explicit ConcatLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // The axis counted with the batch as 0 (-1 resolved); assumes inferShape accepted `rank`.
    int axisFor(int rank) const;
};

} // namespace nn
