// What the image kinds' export adapters share: ONNX pads and window attributes, the convolution op
// with its fused activation, and the PyTorch arguments of pooling windows and convolutions.
#pragma once

#include "nn/export/onnxnodewriters.h"

#include <string>
#include <vector>

namespace nn {

using OnnxAttributes = std::vector<onnx::AttributeProto>;

// ONNX pads are [top, left, bottom, right].
onnx::AttributeProto onnxPads(int64_t begin, int64_t end);
// kernel_shape, strides (0 in the settings: the kernel size) and pads of a pooling window.
OnnxAttributes onnxPoolAttributes(const Settings &settings);
// kernel_shape, strides, dilations and group, which both convolution kinds share.
OnnxAttributes onnxConvolutionAttributes(const Settings &settings);
// The convolution op `opType` ("Conv", "ConvTranspose") on x, W (and b), then the fused activation.
std::string writeOnnxConvolution(OnnxGraphWriter &writer, const OnnxNodeContext &c, const std::string &opType,
                                 const OnnxAttributes &attributes);

// "kernel_size=3, stride=2, padding=1" of a pooling window (stride 0: the kernel size).
std::string pytorchPoolWindow(const Settings &settings);
// dilation and groups only when they differ from PyTorch's defaults (so the common case reads
// short), then the bias argument.
std::string pytorchConvolutionTail(const Settings &settings);

} // namespace nn
