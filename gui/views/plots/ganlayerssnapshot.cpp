// The layered-distributions view's computation: G on fixed noise and on a noise grid, D over the
// plane, and D's input gradient under G's loss at each generated sample.
#include "views/plots/ganlayerssnapshot.h"

#include "views/batchprediction.h"

#include "datasets/drawnset.h"
#include "datasets/experiment.h"
#include "nn/adversarialloss.h"
#include "nn/inputgradient.h"
#include "nn/random.h"

#include <QColor>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The file's words, translated in the GanLayersView context (lupdate reads GanLayersText::tr).
struct GanLayersText {
    Q_DECLARE_TR_FUNCTIONS(GanLayersView)
};

// A batch [rows, sample…] in the shape a model's Input takes, from row-major values.
nn::Tensor batchFor(const nn::Shape &sample, int64_t rows, const float *values)
{
    nn::Shape shape = sample;
    shape.insert(shape.begin(), rows);
    nn::Tensor batch(shape);
    std::copy(values, values + batch.size(), batch.data());
    return batch;
}

// G's samples for the noise z, in the model's units, as a [rows, 2] tensor.
nn::Tensor generatedFor(const nn::Model &generator, const nn::Tensor &z)
{
    nn::Pass pass;
    generator.infer(pass, {&z});
    nn::Tensor samples = pass.output();
    samples.reshape({z.dim(0), 2});
    return samples;
}

std::vector<QPointF> inDataUnits(const nn::Tensor &xy, const datasets::DataInfo &info)
{
    std::vector<QPointF> points;
    for (int64_t n = 0; n < xy.dim(0); ++n)
        points.emplace_back(views::rawValue(xy[2 * n], info, 0), views::rawValue(xy[2 * n + 1], info, 1));
    return points;
}

// How many model units one data unit of feature f is (the data's scaling; 1 without).
double modelUnitsPerDataUnit(const datasets::DataInfo &info, int64_t f)
{
    const auto i = static_cast<size_t>(f);
    return i < info.scale.size() && info.scale[i] != 0.0f ? double(info.scale[i]) : 1.0;
}

// A square plane around the real points with a margin, grown for generated points that lie outside
// but never past twice the real points' reach, so one runaway sample cannot shrink the picture. A
// drawn set's plane is centred on 0 and at least kGanDrawnHalfWidth each way, the plane it was
// drawn on, so that it holds still while a student paints.
void fitGanPlane(GanLayersSnapshot &s, bool drawn)
{
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const QPointF &p : s.real)
        x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x()), y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
    if (s.real.empty())
        x0 = y0 = -1.0, x1 = y1 = 1.0;
    double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
    const double reach = std::max(0.5 * std::max(x1 - x0, y1 - y0), 0.25);
    double least = 1.15 * reach;
    if (drawn) {
        cx = cy = 0.0;
        least = std::max(kGanDrawnHalfWidth, 1.05 * std::max({-x0, x1, -y0, y1}));
    }
    double half = least;
    for (const QPointF &p : s.fake)
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            half = std::max(half, 1.05 * std::max(std::abs(p.x() - cx), std::abs(p.y() - cy)));
    half = std::min(half, drawn ? 2.0 * least : 2.0 * reach);
    s.xMin = cx - half, s.xMax = cx + half, s.yMin = cy - half, s.yMax = cy + half;
}

// PRGn, as GAN Lab colours D: t = 0 purple ("fake"), 0.5 white, 1 green ("real"); NaN is white.
QRgb verdictColour(double t)
{
    static const QColor purple(0xc2, 0xa5, 0xcf), white(0xf7, 0xf7, 0xf7), green(0xa6, 0xdb, 0xa0);
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.5;
    const QColor &end = t < 0.5 ? purple : green;
    const double a = std::abs(t - 0.5) * 2.0;
    auto mix = [a](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * a)); };
    return qRgb(mix(white.red(), end.red()), mix(white.green(), end.green()), mix(white.blue(), end.blue()));
}

void addVerdicts(GanLayersSnapshot &s, const nn::Model &discriminator, const datasets::DataInfo &info)
{
    const int size = s.gridSize = kGanVerdictCells;
    for (int i = 0; i < size; ++i) {
        s.gridX.push_back(s.xMin + (i + 0.5) * (s.xMax - s.xMin) / size);
        s.gridY.push_back(s.yMin + (i + 0.5) * (s.yMax - s.yMin) / size);
    }
    std::vector<float> points;
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) {
            points.push_back(views::modelValue(float(s.gridX[size_t(i)]), info, 0));
            points.push_back(views::modelValue(float(s.gridY[size_t(j)]), info, 1));
        }
    const nn::Tensor batch = batchFor(discriminator.inputShape(), int64_t{size} * size, points.data());
    nn::Pass pass;
    discriminator.infer(pass, {&batch});
    const nn::Tensor &scores = pass.output();
    for (int64_t k = 0; k < scores.size(); ++k)
        s.verdict.push_back(s.verdictIsProbability ? float(1.0 / (1.0 + std::exp(-double(scores[k])))) : scores[k]);
    // A score has no fixed scale: least-squares aims at 1 for real and 0 for fake; Wasserstein's
    // critic only ranks, so its colours span the lowest to the highest score on the plane.
    const auto [low, high] = std::minmax_element(s.verdict.begin(), s.verdict.end());
    s.heatMap = QImage(size, size, QImage::Format_RGB32);
    for (int k = 0; k < size * size; ++k) {
        const double v = s.verdict[size_t(k)];
        const double t = s.verdictRanked ? (v - *low) / std::max(double(*high - *low), 1e-12) : v;
        s.heatMap.setPixel(k % size, size - 1 - k / size, verdictColour(t));
    }
}

// −∂ℓ/∂x per generated sample, through the frozen D, under the project's adversarial loss.
void addPush(GanLayersSnapshot &s, const nn::Model &discriminator, const nn::Tensor &fake, const nn::GanConfig &gan,
             const datasets::DataInfo &info)
{
    const nn::Tensor batch = batchFor(discriminator.inputShape(), fake.dim(0), fake.data());
    nn::Pass judged;
    discriminator.infer(judged, {&batch});
    const nn::AdversarialLoss loss(gan.loss, gan.labelSmoothing);
    nn::Tensor dOut;
    loss.generator(judged.output(), dOut);
    nn::inputGradient(discriminator, judged, {&dOut});
    const nn::Tensor &gradient = judged.inputGradient();
    const double n = double(fake.dim(0));
    for (int64_t k = 0; k < fake.dim(0); ++k)
        s.push.emplace_back(-n * gradient[2 * k] / modelUnitsPerDataUnit(info, 0),
                            -n * gradient[2 * k + 1] / modelUnitsPerDataUnit(info, 1));
}

void addManifold(GanLayersSnapshot &s, const nn::Model &generator, const datasets::DataInfo &info)
{
    const int cells = s.manifoldCells = kGanManifoldCells, side = cells + 1, z = s.noiseSize;
    const float reach = s.noiseKind == QLatin1String("uniform") ? 1.0f : 2.0f;  // U(−1, 1), or ±2σ of N(0, 1)
    std::vector<float> noise(size_t(side) * side * size_t(z), 0.0f);
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) {
            const size_t row = size_t(j) * side + size_t(i);
            noise[row * size_t(z)] = -reach + 2.0f * reach * float(i) / float(cells);
            if (z > 1)
                noise[row * size_t(z) + 1] = -reach + 2.0f * reach * float(j) / float(cells);
        }
    const nn::Tensor grid = batchFor(generator.inputShape(), int64_t{side} * side, noise.data());
    s.manifold = inDataUnits(generatedFor(generator, grid), info);
    const QString range = QStringLiteral("[−%1, %1]").arg(double(reach));
    if (z == 1)
        s.manifoldNote = GanLayersText::tr("z has one number, so G's manifold is a curve: z₁ from %1.").arg(range);
    else if (z == 2)
        s.manifoldNote = GanLayersText::tr("The mesh is the noise square z₁, z₂ in %1 after G.").arg(range);
    else
        s.manifoldNote = GanLayersText::tr("z has %1 numbers: the mesh is the slice z₁, z₂ in %2 with z₃ … z%1 at 0.")
                             .arg(z).arg(range);
}

} // namespace

bool ganLayersApply(const datasets::Experiment &experiment)
{
    return experiment.isGan() && experiment.project().gan && nn::elementCount(experiment.data().info.sampleShape) == 2;
}

std::vector<float> ganViewNoise(const nn::GanConfig &gan, uint64_t seed, int64_t count)
{
    nn::Rng rng = nn::Rng::keyed(seed, "view/gan-noise");
    const bool uniform = gan.noise == "uniform";
    std::vector<float> noise(static_cast<size_t>(count));
    for (float &value : noise)
        value = uniform ? rng.uniform(-1.0f, 1.0f) : rng.normal();
    return noise;
}

GanLayersSnapshot computeGanLayers(const nn::Model &generator, const datasets::Experiment &experiment)
{
    GanLayersSnapshot s;
    if (!ganLayersApply(experiment))
        return s;
    const datasets::DataInfo &info = experiment.data().info;
    const nn::GanConfig &gan = *experiment.project().gan;
    const nn::Model &discriminator = experiment.discriminator();
    s.kind = GanLayersSnapshot::Kind::Layers;
    s.xLabel = info.featureNames.size() > 0 ? QString::fromStdString(info.featureNames[0]) : QStringLiteral("x1");
    s.yLabel = info.featureNames.size() > 1 ? QString::fromStdString(info.featureNames[1]) : QStringLiteral("x2");
    s.noiseSize = static_cast<int>(nn::elementCount(generator.inputShape()));
    s.noiseKind = QString::fromStdString(gan.noise);
    s.verdictIsProbability = gan.loss == "minimax" || gan.loss == "non-saturating";
    s.verdictRanked = gan.loss == "wasserstein-gp";

    const views::SplitSamples real = views::gatherSplit(*experiment.data().train, kGanRealPoints);
    nn::Tensor realXY = real.inputs;
    realXY.reshape({real.count, 2});
    s.real = inDataUnits(realXY, info);
    s.noise = ganViewNoise(gan, experiment.project().training.seed, int64_t{kGanFakePoints} * s.noiseSize);
    const nn::Tensor fake = generatedFor(generator, batchFor(generator.inputShape(), kGanFakePoints, s.noise.data()));
    s.fake = inDataUnits(fake, info);
    fitGanPlane(s, experiment.project().data.source == datasets::DrawnSet::kName);
    addVerdicts(s, discriminator, info);
    addPush(s, discriminator, fake, gan, info);
    addManifold(s, generator, info);
    return s;
}
