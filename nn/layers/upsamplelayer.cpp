// Upsample: each input row is widened once and copied s times; backward adds up s×s blocks.
#include "upsamplelayer.h"

#include "nn/registry.h"

#include <algorithm>
#include <cassert>

namespace nn {

namespace {

const bool registeredUpsampleLayer = registerLayer<UpsampleLayer>();

// out (H·s, W·s) from x (H, W): row h·s is x's row h with each value repeated s times (s strided
// passes along the row, which vectorize), rows h·s + 1 … h·s + s − 1 are copies of it.
void upsamplePlaneForward(float *out, const float *x, int64_t height, int64_t width, int64_t scale)
{
    const int64_t outWidth = width * scale;
    for (int64_t h = 0; h < height; ++h) {
        float *first = out + h * scale * outWidth;
        const float *row = x + h * width;
        for (int64_t c = 0; c < scale; ++c)
            for (int64_t w = 0; w < width; ++w)
                first[w * scale + c] = row[w];
        for (int64_t r = 1; r < scale; ++r)
            std::copy_n(first, outWidth, first + r * outWidth);
    }
}

// dx(h, w) += each value of dOut's s×s block at (h·s, w·s), in row-major order within the block
// (PyTorch's order): one strided pass along the row per block position.
void upsamplePlaneBackward(float *dx, const float *dOut, int64_t height, int64_t width, int64_t scale)
{
    const int64_t outWidth = width * scale;
    for (int64_t h = 0; h < height; ++h) {
        float *grads = dx + h * width;
        for (int64_t r = 0; r < scale; ++r)
            for (int64_t c = 0; c < scale; ++c) {
                const float *values = dOut + (h * scale + r) * outWidth + c;
                for (int64_t w = 0; w < width; ++w)
                    grads[w] += values[w * scale];
            }
    }
}

} // namespace

const LayerSpec &UpsampleLayer::declaration()
{
    static const LayerSpec spec = [] {
        LayerSpec s;
        s.kind = "Upsample";
        s.category = "Convolution";
        s.summary = "Upsample: enlarges each image by repeating every pixel as an s×s block, "
                    "[N, C, H, W] → [N, C, H·s, W·s]; a generator's way back up to full size.";
        s.settings = {SettingSpec::integer("scale_factor", 2, 1, 16,
                                           "How many times larger H and W become; 2 doubles them")};
        return s;
    }();
    return spec;
}

UpsampleLayer::UpsampleLayer(Settings settings)
    : Layer(std::move(settings)), scale_(settings_.integer("scale_factor"))
{
}

Shape UpsampleLayer::inferShape(const std::vector<Shape> &inputs) const
{
    assert(inputs.size() == 1);
    const Shape &in = inputs[0];
    requireImages(spec().kind, in);
    return {in[0], in[1], in[2] * scale_, in[3] * scale_};
}

void UpsampleLayer::forward(const std::vector<const Tensor *> &inputs, Tensor &out, Saved &, const RunContext &)
{
    const Tensor &x = *inputs[0];         // (N, C, H, W)
    out.resize(inferShape({x.shape()}));  // (N, C, H·s, W·s)
    const int64_t height = x.dim(2), width = x.dim(3), inPlane = height * width;
    const int64_t outPlane = inPlane * scale_ * scale_;
    forEachPlane(x.dim(0) * x.dim(1), double(outPlane), [&](int64_t plane) {
        upsamplePlaneForward(out.data() + plane * outPlane, x.data() + plane * inPlane, height, width, scale_);
    });
}

void UpsampleLayer::backward(const std::vector<const Tensor *> &inputs, const Tensor &out, const Tensor &dOut, Saved &,
                             const std::vector<Tensor *> &dInputs, const RunContext &)
{
    Tensor *dx = dInputs[0];  // (N, C, H, W) or nullptr: the input needs no gradient
    if (!dx)
        return;
    assert(dx->shape() == inputs[0]->shape() && dOut.shape() == out.shape());
    (void)inputs;
    (void)out;
    const int64_t height = dx->dim(2), width = dx->dim(3), inPlane = height * width;
    const int64_t outPlane = inPlane * scale_ * scale_;
    forEachPlane(dx->dim(0) * dx->dim(1), double(outPlane), [&](int64_t plane) {
        upsamplePlaneBackward(dx->data() + plane * inPlane, dOut.data() + plane * outPlane, height, width, scale_);
    });
}

} // namespace nn
