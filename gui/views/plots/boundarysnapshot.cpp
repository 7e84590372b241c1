// The decision boundary's computation: points, grid predictions and the heat map image.
#include "views/plots/boundarysnapshot.h"

#include "views/batchprediction.h"
#include "views/classcolors.h"

#include "datasets/experiment.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The file's words, translated in the DecisionBoundaryView context (lupdate reads BoundaryText::tr).
struct BoundaryText {
    Q_DECLARE_TR_FUNCTIONS(DecisionBoundaryView)
};

// The raw points of a split (feature 0 and, for the plane, feature 1; y = target for regression).
void addPoints(PlotData &plot, const nn::BatchSource &source, const datasets::DataInfo &info, bool validation)
{
    const views::SplitSamples samples = views::gatherSplit(source, kBoundaryPointsPerSplit);
    const int64_t features = samples.count == 0 ? 0 : samples.inputs.size() / samples.count;
    const int64_t targets = samples.count == 0 ? 0 : samples.targets.size() / samples.count;
    for (int64_t n = 0; n < samples.count; ++n) {
        PlotPoint point;
        point.x = views::rawValue(samples.inputs[n * features], info, 0);
        const float target = samples.targets[n * targets];
        point.y = features >= 2 ? views::rawValue(samples.inputs[n * features + 1], info, 1) : target;
        point.classIndex = info.classification ? static_cast<int>(target) : -1;
        point.value = target;
        point.validation = validation;
        plot.points.push_back(point);
    }
}

// The points' extent with a margin of 8 % (and at least 0.5) on every side.
void fitRange(PlotData &plot)
{
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const PlotPoint &p : plot.points) {
        x0 = std::min<double>(x0, p.x), x1 = std::max<double>(x1, p.x);
        y0 = std::min<double>(y0, p.y), y1 = std::max<double>(y1, p.y);
    }
    if (plot.points.empty())
        x0 = y0 = -1.0, x1 = y1 = 1.0;
    const double mx = std::max(0.08 * (x1 - x0), 0.5), my = std::max(0.08 * (y1 - y0), 0.5);
    plot.xMin = x0 - mx, plot.xMax = x1 + mx, plot.yMin = y0 - my, plot.yMax = y1 + my;
}

QString featureName(const datasets::DataInfo &info, size_t index, const char *fallback)
{
    return index < info.featureNames.size() ? QString::fromStdString(info.featureNames[index]) : QString::fromLatin1(fallback);
}

// Pale class colour for an unsure prediction, saturated for a sure one (as TensorFlow Playground).
// A diverged model's NaN confidence is drawn as the palest (under UBSan, gui_training's diverging
// run caught it reaching the integer cast below).
QRgb heatColour(int classIndex, float confidence, int classes)
{
    const double chance = 1.0 / std::max(classes, 2);
    const double sure = std::isfinite(confidence) ? std::clamp((confidence - chance) / (1.0 - chance), 0.0, 1.0) : 0.0;
    const double alpha = 0.18 + 0.6 * sure;
    const QColor c = classcolors::classColor(classIndex);
    auto mix = [alpha](int channel) { return static_cast<int>(255.0 + (channel - 255.0) * alpha); };
    return qRgb(mix(c.red()), mix(c.green()), mix(c.blue()));
}

void fillGrid(BoundarySnapshot &snapshot, const nn::Model &model, const datasets::Experiment &experiment, int size)
{
    PlotData &plot = snapshot.plot;
    snapshot.gridSize = size;
    const nn::Tensor inputs = planeGrid(plot, experiment, size, snapshot.gridX, snapshot.gridY);
    const nn::Tensor probabilities = views::predict(model, inputs, views::outputActivation(experiment));
    plot.heatMap = QImage(size, size, QImage::Format_RGB32);
    for (int64_t row = 0; row < int64_t{size} * size; ++row) {
        const int k = views::argmaxRow(probabilities, row);
        const float confidence = probabilities.data()[row * probabilities.dim(1) + k];
        snapshot.gridClass.push_back(k);
        snapshot.gridConfidence.push_back(confidence);
        plot.heatMap.setPixel(static_cast<int>(row % size), size - 1 - static_cast<int>(row / size),
                              heatColour(k, confidence, static_cast<int>(probabilities.dim(1))));
    }
}

// The model's first output over 200 x values across the plot, in the target's own units.
void fillCurve(BoundarySnapshot &snapshot, const nn::Model &model, const datasets::Experiment &experiment)
{
    constexpr int kSteps = 200;
    const datasets::DataInfo &info = experiment.data().info;
    PlotData &plot = snapshot.plot;
    nn::Tensor inputs({kSteps, 1});
    std::vector<double> xs;
    for (int i = 0; i < kSteps; ++i) {
        xs.push_back(plot.xMin + i * (plot.xMax - plot.xMin) / (kSteps - 1));
        inputs[i] = views::modelValue(static_cast<float>(xs.back()), info, 0);
    }
    nn::Shape shape = info.sampleShape;
    shape.insert(shape.begin(), kSteps);
    inputs.reshape(shape);
    const nn::Tensor outputs = views::predict(model, inputs, "none");
    const int64_t width = outputs.dim(1);
    for (int i = 0; i < kSteps; ++i) {
        const double y = outputs[i * width];
        plot.curve.emplace_back(xs[static_cast<size_t>(i)], y);
        if (std::isfinite(y))
            plot.yMin = std::min(plot.yMin, y), plot.yMax = std::max(plot.yMax, y);
    }
}

BoundarySnapshot message(const QString &text)
{
    BoundarySnapshot snapshot;
    snapshot.kind = BoundarySnapshot::Kind::Message;
    snapshot.message = text;
    return snapshot;
}

} // namespace

QString boundaryProblem(const datasets::Experiment &experiment)
{
    if (experiment.isGan())
        return BoundaryText::tr("A GAN has no decision boundary: its generator makes points and its discriminator scores them. "
                  "The charts show d_loss and g_loss; `layerlab-cli generate` writes the generator's samples.");
    const datasets::DataInfo &info = experiment.data().info;
    const int64_t features = nn::elementCount(info.sampleShape);
    if (info.classification && features != 2)
        return BoundaryText::tr("The decision boundary needs 2 input features (this data has %1) — try the spiral, moons or "
                  "circle data.").arg(features);
    if (!info.classification && (features != 1 || experiment.data().train->targetShape() != nn::Shape{1}))
        return BoundaryText::tr("The fitted curve needs 1 input feature and 1 target (this data has %1 features) — try the sine "
                  "data. For 2-input classification the decision boundary shows here.").arg(features);
    return {};
}

nn::Tensor planeGrid(const PlotData &plot, const datasets::Experiment &experiment, int size, std::vector<double> &xs,
                     std::vector<double> &ys)
{
    const datasets::DataInfo &info = experiment.data().info;
    xs.clear(), ys.clear();
    for (int i = 0; i < size; ++i) {
        xs.push_back(plot.xMin + (i + 0.5) * (plot.xMax - plot.xMin) / size);
        ys.push_back(plot.yMin + (i + 0.5) * (plot.yMax - plot.yMin) / size);
    }
    nn::Tensor inputs({int64_t{size} * size, 2});
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) {
            const int64_t row = int64_t{j} * size + i;
            inputs[2 * row] = views::modelValue(static_cast<float>(xs[static_cast<size_t>(i)]), info, 0);
            inputs[2 * row + 1] = views::modelValue(static_cast<float>(ys[static_cast<size_t>(j)]), info, 1);
        }
    nn::Shape shape = info.sampleShape;  // {2}, or {1, 2} and the like
    shape.insert(shape.begin(), int64_t{size} * size);
    inputs.reshape(shape);
    return inputs;
}

PlotData planeOf(const datasets::Experiment &experiment)
{
    const datasets::DataInfo &info = experiment.data().info;
    PlotData plot;
    addPoints(plot, *experiment.data().train, info, false);
    addPoints(plot, *experiment.data().validation, info, true);
    fitRange(plot);
    return plot;
}

BoundarySnapshot computeBoundary(const nn::Model &model, const datasets::Experiment &experiment, int gridSize)
{
    if (const QString problem = boundaryProblem(experiment); !problem.isEmpty())
        return message(problem);
    const datasets::DataInfo &info = experiment.data().info;
    const bool curve = !info.classification;

    BoundarySnapshot snapshot;
    snapshot.kind = curve ? BoundarySnapshot::Kind::Curve : BoundarySnapshot::Kind::Classes;
    PlotData &plot = snapshot.plot;
    plot = planeOf(experiment);
    plot.splitLegend = true;
    plot.xLabel = featureName(info, 0, "x1");
    if (curve) {
        plot.yLabel = info.targetNames.empty() ? QStringLiteral("y") : QString::fromStdString(info.targetNames.front());
        plot.valueMin = plot.yMin, plot.valueMax = plot.yMax;  // points coloured by their target
        fillCurve(snapshot, model, experiment);
        return snapshot;
    }
    plot.yLabel = featureName(info, 1, "x2");
    plot.equalAspect = true;
    for (const std::string &name : info.classNames)
        plot.classNames << QString::fromStdString(name);
    fillGrid(snapshot, model, experiment, gridSize);
    return snapshot;
}
