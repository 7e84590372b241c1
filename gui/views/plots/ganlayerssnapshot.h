// GanLayersSnapshot: what GAN Lab's "layered distributions" view shows after one probe, computed on
// the training worker's thread: real and generated samples, the discriminator's verdict over the
// plane, the generator's manifold and where the generator's loss pushes each generated sample.
#pragma once

#include <QImage>
#include <QPointF>
#include <QString>

#include <cstdint>
#include <vector>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
struct GanConfig;
}

inline constexpr int kGanRealPoints = 450;     // real samples drawn (GAN Lab draws 450)
inline constexpr int kGanFakePoints = 300;     // generated samples from the fixed noise
inline constexpr int kGanVerdictCells = 40;    // D's heat map: cells per side
inline constexpr int kGanManifoldCells = 20;   // G's manifold: a 20 × 20 mesh, (20 + 1)² noise vectors
// A drawn set's plane is at least [−4, 4]², centred on 0, so it holds still while a student paints.
inline constexpr double kGanDrawnHalfWidth = 4.0;

// A plain value, safe to copy between threads. Points are in the data's own units.
struct GanLayersSnapshot {
    enum class Kind { Empty, Layers, Message };
    Kind kind = Kind::Empty;  // Empty: not a GAN on 2D data (the decision boundary view speaks)
    QString message;          // Kind::Message: why nothing is drawn

    double xMin = -1.0, xMax = 1.0, yMin = -1.0, yMax = 1.0;  // the plane shown, one unit as long on both axes
    QString xLabel, yLabel;
    std::vector<QPointF> real;  // the first kGanRealPoints training samples

    int noiseSize = 0;          // z: G's Input holds this many numbers
    QString noiseKind;          // "uniform" (U(−1, 1)) or "normal" (N(0, 1))
    std::vector<float> noise;   // the fixed noise, kGanFakePoints rows of noiseSize, drawn once per project
    std::vector<QPointF> fake;  // G(noise)
    // −∂ℓ/∂x for each generated sample x, ℓ being G's loss on that sample alone (the batch mean's
    // gradient times N): where one generator step would move it. In the data's units per unit of loss.
    std::vector<QPointF> push;

    // D's verdict over the plane: cell (i, j) centred on (gridX[i], gridY[j]), stored at
    // j·gridSize + i (j = 0 is the bottom). A probability σ(D(x)) for the minimax and non-saturating
    // losses, D's raw score for least-squares and Wasserstein.
    int gridSize = 0;
    std::vector<double> gridX, gridY;
    std::vector<float> verdict;
    bool verdictIsProbability = true;
    bool verdictRanked = false;  // Wasserstein: the colours span the plane's lowest to highest score
    QImage heatMap;  // gridSize × gridSize, its first row the top: green = "real", purple = "fake"

    // G's manifold: a (cells + 1)² grid of noise pushed through G, vertex (i, j) at j·(cells + 1) + i.
    // For z = 2 the grid spans the noise's range; for larger z it is the slice through z₁ and z₂ with
    // every other number at 0 (manifoldNote says which).
    int manifoldCells = 0;
    std::vector<QPointF> manifold;
    QString manifoldNote;
};

// True when the experiment is a GAN whose real samples have two numbers (the view applies).
bool ganLayersApply(const datasets::Experiment &experiment);

// The fixed noise the view feeds G: `count` values from `seed`, drawn as the GAN's noise (U(−1, 1) or
// N(0, 1)) is, so it is the same at every probe of one project.
std::vector<float> ganViewNoise(const nn::GanConfig &gan, uint64_t seed, int64_t count);

// Runs G and D (inference, and D's input gradient with every parameter frozen) and fills a snapshot;
// Kind::Empty when ganLayersApply() does not hold.
GanLayersSnapshot computeGanLayers(const nn::Model &generator, const datasets::Experiment &experiment);
