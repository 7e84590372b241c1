// TryItResult: what Try it shows after the model has looked at one picture.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

// A plain value, safe to copy between threads.
struct TryItResult {
    QString problem;            // not empty: why nothing could be predicted
    QImage seen;                // the picture as the network sees it (fitted to the Input, scaling undone)
    QString seenText;           // "32×32 RGB, stretched"
    QStringList classNames;
    std::vector<float> values;  // class probabilities (classification) or predicted values
    bool classification = true;
};

namespace datasets {
class Experiment;
struct Image;
}
namespace nn {
class Model;
}

// Fits `image` to the model's Input as the data's images were (the project's image_resize),
// scales it as in training and runs the model on it; a problem goes into `problem`. Runs on the
// training worker's thread.
TryItResult computeTryIt(const datasets::Image &image, const nn::Model &model, const datasets::Experiment &experiment);
