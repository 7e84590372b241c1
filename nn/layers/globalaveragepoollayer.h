// GlobalAveragePool: [N, C, H, W] → [N, C], the mean of each channel over the whole image.
#pragma once

#include "imagegeometry.h"

namespace nn {

// x.mean(dim=(2, 3)) in PyTorch. The output is 2-D so that a Dense can follow directly; an
// exporter adds the reshape ONNX's GlobalAveragePool ([N, C, 1, 1]) needs.
class GlobalAveragePoolLayer : public Layer {
public:
    explicit GlobalAveragePoolLayer(Settings settings) : Layer(std::move(settings)) {}
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;
};

} // namespace nn
