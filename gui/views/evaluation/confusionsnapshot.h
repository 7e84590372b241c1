// ConfusionSnapshot: the model evaluated on the validation split (the test split when there is no
// validation split): confusion matrix, per-class metrics and the misclassified images, or MAE and
// R² for regression. Computed on the training worker's thread.
#pragma once

#include "nn/metrics.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
}

// The gallery shows at most this many images; the snapshot keeps this many per matrix cell so
// that clicking a cell can show that cell's samples.
inline constexpr int kGalleryCap = 32;

// One sample the model got wrong.
struct MisclassifiedSample {
    int64_t index = 0;  // in the evaluated split
    int trueClass = 0, predictedClass = 0;
    float probability = 0.0f;  // the model's probability of the predicted class
    QImage image;              // image data only
};

// A plain value, safe to copy between threads.
struct ConfusionSnapshot {
    enum class Kind { Empty, Classification, Regression, Message };
    Kind kind = Kind::Empty;
    QString message;    // Kind::Message
    QString splitName;  // "validation" or "test"
    int64_t samples = 0;  // predictions counted: samples, or a sequence's positions
    int64_t steps = 1;    // predictions per sample: a sequence model's T, else 1
    QStringList classNames;
    nn::ClassificationMetrics metrics;
    std::vector<int64_t> support;  // samples per true class
    nn::RegressionMetrics regression;
    bool isImage = false;
    std::vector<MisclassifiedSample> misclassified;  // in split order, at most kGalleryCap per cell (not per position)
    int64_t misclassifiedCount = 0;                  // all of them (positions, for a sequence)
};

// Evaluates the model (inference only) on the experiment's validation or test split.
ConfusionSnapshot computeConfusion(const nn::Model &model, const datasets::Experiment &experiment);

// The gallery caption: "T-shirt/top → Shirt (p=0.83)".
QString misclassifiedCaption(const MisclassifiedSample &sample, const QStringList &classNames);
