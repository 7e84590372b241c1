// TextTryItResult: what Try it shows after the model has read a typed text: the class
// probabilities, or for a language model the next token's probabilities and generated text.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

// What to compute: the text typed, and for a language model whether to generate and how.
struct TextTryItRequest {
    QString text;
    bool generate = false;
    double temperature = 0.8;
    int64_t length = 200;
    uint64_t seed = 1;
};

// A plain value, safe to copy between threads.
struct TextTryItResult {
    QString problem;            // not empty: why nothing could be predicted
    QString text;               // the text that was read
    QStringList unknown;        // its tokens that the vocabulary lacks: the model read them as <unk>
    QStringList classNames;
    std::vector<float> values;  // class probabilities; a language model's next-token ones (no <pad>, <unk>)
    bool languageModel = false;
    bool generated = false;     // `continuation` was sampled for this request
    QString continuation;       // the generated text after the prompt
    uint64_t seed = 0;
};

namespace datasets {
class Experiment;
}
namespace nn {
class Model;
}

// Encodes the text with the project's vocabulary as `predict --text` does and runs the model on
// it; a language model reads it as a prompt with datasets::TextSampler, as `sample` does. Runs on
// the training worker's thread.
TextTryItResult computeTextTryIt(const TextTryItRequest &request, const nn::Model &model, const datasets::Experiment &experiment);
// How Try it names a token in its bars: a space as ␣, a line break as ⏎.
QString visibleToken(const std::string &token);
