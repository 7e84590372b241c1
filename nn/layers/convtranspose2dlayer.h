// ConvTranspose2D: the gradient of a convolution used as a layer, PyTorch's nn.ConvTranspose2d with a
// fused activation; it grows images, as a GAN's generator or a decoder needs.
#pragma once

#include "convolutionlayer.h"

namespace nn {

// Each input value stamps a learned k × k patch per output channel into the output, stride apart:
// [N, C, H, W] → [N, filters, (H − 1)·stride − 2·padding + dilation·(k − 1) + output_padding + 1, …].
class ConvTranspose2DLayer : public ConvolutionLayer {
public:
    explicit ConvTranspose2DLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // One group's slice of one output sample seen as the image of a convolution whose visited
    // positions are the input's pixels: the forward is that convolution's col2im.
    ConvGeometry geometry(const Shape &input) const;

    int64_t padding_;
    int64_t outputPadding_;
};

} // namespace nn
