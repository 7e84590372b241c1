// GanImagesSnapshot: what the GAN image view shows, computed on the training worker's thread: the
// generator's samples for fixed noise and its walk between two noise vectors.
#pragma once

#include "nn/tensor.h"

#include <QImage>
#include <QString>

#include <cstdint>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
}

// The walk the view asks for: two end points, each the noise vector a seed draws, and where on
// the line between them the slider stands (0: the first, 1: the second).
struct InterpolationRequest {
    uint64_t startSeed = 1, endSeed = 2;
    double t = 0.5;
};

// The pictures, 8-bit grey or RGB, one image pixel per picture pixel (the view enlarges them).
struct GanImagesSnapshot {
    enum class Kind { Empty, Message, Images };
    Kind kind = Kind::Empty;
    QString message;               // Kind::Message: why there is nothing to show
    QImage grid;                   // kGridSamples samples, kGridColumns a row, tiles 1 px apart
    QImage path;                   // kPathSteps samples evenly from the start to the end, 1 px apart
    QImage current;                // the sample at request.t
    InterpolationRequest request;  // what the walk was computed for

    // The fixed noise: layerlab-cli generate's (--count 64, its default seed).
    static constexpr int kGridSamples = 64, kGridColumns = 8;
    static constexpr uint64_t kGridSeed = 1;
    static constexpr int kPathSteps = 9;
};

// The noise z(t) = (1 − t)·z_start + t·z_end, [1, z…], with each end point drawn as ganNoise draws
// one sample for its seed.
nn::Tensor interpolatedNoise(const nn::Model &generator, const datasets::Experiment &experiment,
                             const InterpolationRequest &request, double t);

// Why the project shows no generated images (not a GAN, a GAN of points, a size that does not
// fit); empty for an image GAN.
QString ganImagesProblem(const nn::Model &generator, const datasets::Experiment &experiment);

// Runs the generator (the model of a GAN experiment) on the fixed noise and along the walk. A
// project that is not an image GAN gets Kind::Message saying so.
GanImagesSnapshot computeGanImages(const nn::Model &generator, const datasets::Experiment &experiment,
                                   const InterpolationRequest &request);
