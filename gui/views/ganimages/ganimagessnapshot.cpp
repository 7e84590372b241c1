// The GAN image view's pictures: G on fixed noise, and G along a straight line in noise space.
#include "views/ganimages/ganimagessnapshot.h"

#include "datasets/experiment.h"
#include "datasets/imagegrid.h"
#include "nn/gannoise.h"
#include "nn/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace {

// The file's words, translated in the GanImagesSnapshot context (lupdate reads GanImagesText::tr).
struct GanImagesText {
    Q_DECLARE_TR_FUNCTIONS(GanImagesSnapshot)
};

// The generator's samples [n, C, H, W] for the noise z [n, z…].
nn::Tensor samplesFor(const nn::Model &generator, const nn::Shape &imageShape, const nn::Tensor &z)
{
    nn::Pass pass;
    generator.infer(pass, {&z});
    nn::Tensor images = pass.output();
    nn::Shape shape{z.dim(0)};
    shape.insert(shape.end(), imageShape.begin(), imageShape.end());
    images.reshape(shape);
    return images;
}

QImage pictureOf(const nn::Tensor &images, int columns)
{
    const datasets::ImageGrid grid = datasets::imageGrid(images, columns);
    QImage image(int(grid.width), int(grid.height), grid.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const size_t row = size_t(grid.width * grid.channels);
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(image.scanLine(y), grid.pixels.data() + size_t(y) * row, row);
    return image;
}

// Rows [first, first + count) of `all` [n, …].
nn::Tensor rows(const nn::Tensor &all, int64_t first, int64_t count)
{
    nn::Shape shape = all.shape();
    shape[0] = count;
    nn::Tensor part(shape);
    const int64_t per = all.size() / all.dim(0);
    std::copy_n(all.data() + first * per, count * per, part.data());
    return part;
}

} // namespace

QString ganImagesProblem(const nn::Model &generator, const datasets::Experiment &experiment)
{
    if (!experiment.project().gan)
        return GanImagesText::tr("Generated images appear here for a GAN project, such as the examples gan-digits and gan-fashion.");
    const datasets::DataInfo &info = experiment.data().info;
    if (!info.isImage || info.sampleShape.size() != 3 || (info.sampleShape[0] != 1 && info.sampleShape[0] != 3))
        return GanImagesText::tr("This GAN makes points, not images: its samples are drawn over the data in the 2-D view.");
    const nn::Shape made = generator.outputShape();
    if (nn::elementCount(nn::Shape(made.begin() + 1, made.end())) != nn::elementCount(info.sampleShape))
        return GanImagesText::tr("The generator's samples do not have the size of the data's images.");
    return {};
}

nn::Tensor interpolatedNoise(const nn::Model &generator, const datasets::Experiment &experiment,
                             const InterpolationRequest &request, double t)
{
    const nn::GanConfig &gan = *experiment.project().gan;
    const nn::Tensor start = nn::ganNoise(generator, gan, 1, request.startSeed, 0, 0);
    const nn::Tensor end = nn::ganNoise(generator, gan, 1, request.endSeed, 0, 0);
    nn::Tensor z(start.shape());
    for (int64_t i = 0; i < z.size(); ++i)
        z[i] = float((1.0 - t) * double(start[i]) + t * double(end[i]));
    return z;
}

GanImagesSnapshot computeGanImages(const nn::Model &generator, const datasets::Experiment &experiment,
                                   const InterpolationRequest &request)
{
    GanImagesSnapshot snapshot;
    snapshot.request = request;
    snapshot.request.t = std::clamp(request.t, 0.0, 1.0);
    snapshot.message = ganImagesProblem(generator, experiment);
    if (!snapshot.message.isEmpty()) {
        snapshot.kind = GanImagesSnapshot::Kind::Message;
        return snapshot;
    }
    const nn::Shape &imageShape = experiment.data().info.sampleShape;
    const nn::Tensor fixed = nn::ganNoise(generator, *experiment.project().gan, GanImagesSnapshot::kGridSamples,
                                          GanImagesSnapshot::kGridSeed, 0, 0);
    snapshot.grid = pictureOf(samplesFor(generator, imageShape, fixed), GanImagesSnapshot::kGridColumns);

    // The path's steps and the slider's point, in one batch.
    const int steps = GanImagesSnapshot::kPathSteps;
    nn::Shape shape = generator.inputShape();
    shape.insert(shape.begin(), steps + 1);
    nn::Tensor walk(shape);
    const int64_t per = walk.size() / (steps + 1);
    for (int i = 0; i <= steps; ++i) {
        const double t = i < steps ? double(i) / (steps - 1) : snapshot.request.t;
        const nn::Tensor z = interpolatedNoise(generator, experiment, snapshot.request, t);
        std::copy_n(z.data(), per, walk.data() + i * per);
    }
    const nn::Tensor images = samplesFor(generator, imageShape, walk);
    snapshot.path = pictureOf(rows(images, 0, steps), steps);
    snapshot.current = pictureOf(rows(images, steps, 1), 1);
    snapshot.kind = GanImagesSnapshot::Kind::Images;
    return snapshot;
}
