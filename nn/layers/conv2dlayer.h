// Conv2D: learned filters slid over an image, PyTorch's nn.Conv2d with a fused activation.
#pragma once

#include "convolutionlayer.h"

namespace nn {

// Each output channel is one filter (C/groups × k × k weights) applied at every position of the
// input image: [N, C, H, W] → [N, filters, H', W']. Runs as im2col and one matrix product per chunk
// of samples and group, or for 3×3 stride-1 kernels over enough channels by Winograd's F(2×2, 3×3).
class Conv2DLayer : public ConvolutionLayer {
public:
    explicit Conv2DLayer(Settings settings);
    static const LayerSpec &declaration();

    Shape inferShape(const std::vector<Shape> &inputs) const override;
    std::vector<Shape> parameterShapes(const std::vector<Shape> &inputs) const override;
    void build(const std::vector<Shape> &inputs, Rng &rng) override;
    void forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &saved, const RunContext &ctx) override;
    void backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &saved,
                  const std::vector<Tensor *> &dInputs, const RunContext &ctx) override;

private:
    // Saved slots beyond ConvolutionLayer's 0 to 2: a training pass's im2col columns (or Winograd's
    // transformed input), and the Winograd-transformed weights.
    static constexpr size_t kColumnsSlot = 3;
    static constexpr size_t kWinogradWeightsSlot = 4;
    // Padding before and after the image along each axis, from the padding settings.
    struct Padding {
        int64_t begin, end;
    };
    Padding padding() const;
    // The geometry of one group's slice of one sample of `input` [N, C, H, W].
    ConvGeometry geometry(const Shape &input) const;
    // The forward and backward of a convolution that WinogradTiles::suits, over chunks of `grain`
    // samples: z (N, F, H', W') is finished into out; dz is ∂L/∂z and dx, when asked for, gets +=.
    void forwardWinograd(const Tensor &x, Tensor &z, Tensor &out, Saved &saved, bool training, int64_t grain);
    void backwardWinograd(const Tensor &x, const Tensor &dz, Tensor *dx, Saved &saved, int64_t grain);
};

} // namespace nn
