// FeatureMapsSnapshot: one chosen image seen from inside a CNN: the output of every convolution and
// pooling layer for it, the class probabilities, and what the first Conv2D needs to replay its
// sliding window (kernelStep). Computed on the training worker's thread by one Model::infer.
#pragma once

#include "nn/tensor.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace datasets {
class Experiment;
struct Image;
}
namespace nn {
class Model;
struct Node;
} // namespace nn

// The image to look at: a sample of a split (the data preview's and the gallery's), or a picture
// (Try it's), fitted to the Input as predict does.
struct ChosenImage {
    std::string split = "train";
    int64_t index = 0;
    std::shared_ptr<const datasets::Image> picture;  // set: this instead of a sample
    QString name;                                    // the picture's file name
};

// One layer's output for the chosen image.
struct FeatureMapLayer {
    QString name, kind;
    nn::Tensor maps;  // [C, H, W]
};

// A Conv2D with what it read and wrote for one image: the Feature maps tab's first Conv2D (topological
// order) for the chosen image, or a stepper stop's Conv2D for one sample of the batch.
struct ImageConvolution {
    QString name;
    nn::Tensor input;   // [C, H, W]: what the layer reads
    nn::Tensor weight;  // [F, C/groups, k, k]
    std::vector<float> bias;  // [F]; zeros without a bias
    nn::Tensor output;        // [F, H', W']: the engine's output, after the fused activation
    int64_t stride = 1, dilation = 1, groups = 1, padTop = 0, padLeft = 0;
    std::string activation = "linear";
    int64_t kernel() const { return weight.dim(2); }
    int64_t channelsPerFilter() const { return weight.dim(1); }
};

// A Conv2D node's name and settings, its tensors still empty.
ImageConvolution convolutionSettings(const nn::Node &node);

// A plain value, safe to copy between threads.
struct FeatureMapsSnapshot {
    QString problem;  // not empty: why nothing could be shown
    bool imageInput = false;  // the network reads images: the feature maps and kernel tabs apply
    QString source;   // "train sample 3 · Bag"
    QImage picture;   // the image as the network sees it
    std::vector<FeatureMapLayer> layers;  // Conv2D, ConvTranspose2D, MaxPool2D, AvgPool2D in graph order
    QStringList classNames;
    std::vector<float> values;  // class probabilities (classification) or predicted values
    bool classification = true;
    std::optional<ImageConvolution> firstConvolution;
};

// Runs the model once (inference) on the chosen image. A user's problem (a network without an image
// input, a sample that does not exist) goes into `problem`.
FeatureMapsSnapshot computeFeatureMaps(const ChosenImage &chosen, const nn::Model &model,
                                       const datasets::Experiment &experiment);

// One position of the sliding window: output (y, x) of `filter`, with the numbers of one of its
// input channels. The sum runs over all the filter's channels: z = Σ_c Σ_ij w·x + b, out = f(z).
struct KernelStep {
    int64_t filter = 0, channel = 0, y = 0, x = 0;
    std::vector<float> patch, kernel, products;  // k × k of `channel`, row-major; 0 in the padding
    std::vector<char> padded;                    // k × k: the tap falls on the zero padding
    int64_t top = 0, left = 0;  // the window's first tap in input pixels (may be negative: padding)
    double channelSum = 0.0;    // Σ products of `channel`
    double sum = 0.0;           // over all channels of the filter
    float bias = 0.0f;
    double z = 0.0;  // sum + bias
    float out = 0.0f;  // f(z), the layer's output value
};
KernelStep kernelStep(const ImageConvolution &conv, int64_t filter, int64_t channel, int64_t y, int64_t x);
