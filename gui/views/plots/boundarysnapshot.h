// BoundarySnapshot: what the decision boundary view shows after one probe, computed on the
// training worker's thread: the predicted class over a grid of the input plane, or the fitted
// curve of a one-input regression, or why neither applies.
#pragma once

#include "views/plots/plotdata.h"

#include "nn/tensor.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
}

// A plain value, safe to copy between threads.
struct BoundarySnapshot {
    enum class Kind { Empty, Classes, Curve, Message };
    Kind kind = Kind::Empty;
    QString message;  // Kind::Message: why there is no plot, and what to try
    PlotData plot;

    // Kind::Classes: a gridSize × gridSize grid over the plane in the data's own units; cell
    // (i, j) is centred on (gridX[i], gridY[j]) and stored at j·gridSize + i (j = 0 is the bottom).
    int gridSize = 0;
    std::vector<double> gridX, gridY;
    std::vector<int> gridClass;
    std::vector<float> gridConfidence;  // the predicted class's probability
};

// The points drawn per split at most (a large CSV would otherwise drown the plot).
inline constexpr int64_t kBoundaryPointsPerSplit = 2000;

// Why the experiment's data has no plot (not 2 features to classify, nor 1 feature and 1 target to
// fit), or an empty string when it has one.
QString boundaryProblem(const datasets::Experiment &experiment);

// Runs the model (inference only) and fills a snapshot for the experiment's data.
BoundarySnapshot computeBoundary(const nn::Model &model, const datasets::Experiment &experiment, int gridSize = 100);

// The data's points (training, then validation) and the plot's range around them.
PlotData planeOf(const datasets::Experiment &experiment);
// Model inputs [size², sample…] for a size × size grid over plot's plane of 2 features: row
// j·size + i is the cell centred on (xs[i], ys[j]) in the data's own units (j = 0 at the bottom).
nn::Tensor planeGrid(const PlotData &plot, const datasets::Experiment &experiment, int size, std::vector<double> &xs,
                     std::vector<double> &ys);
