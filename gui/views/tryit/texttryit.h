// TextTryIt: Try it for a network that reads token ids: a text box whose class probabilities
// update as the student types, or for a language model a prompt, a temperature, a length and a
// Generate button that writes what the model continues it with.
#pragma once

#include "views/tryit/texttryitresult.h"

#include <QWidget>

#include <cstdint>

class GraphDocument;
class ProbabilityBars;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class TrainingController;

// Runs each request once on the training worker's thread (runProbeNow); while one runs, only the
// newest edit waits, so fast typing never queues up passes.
class TextTryIt : public QWidget {
    Q_OBJECT

public:
    TextTryIt(GraphDocument *document, TrainingController *training, QWidget *parent = nullptr);

    // A classifier or a language model (prompt, temperature, length, Generate).
    void setLanguageModel(bool languageModel);
    bool isLanguageModel() const { return languageModel_; }
    // Reads the text again with the model as it is now (new weights, new data); a language
    // model's shown continuation is generated again with the same seed.
    void rerun();
    // Samples a continuation of the prompt with the next seed.
    void generate();

    void setSnapshot(TextTryItResult result);
    const TextTryItResult &result() const { return result_; }
    QLineEdit *textField() const { return text_; }
    QSlider *temperatureSlider() const { return temperature_; }
    QSpinBox *lengthBox() const { return length_; }
    QPushButton *generateButton() const { return generate_; }
    QLabel *unknownLabel() const { return unknown_; }
    QLabel *continuationLabel() const { return continuation_; }
    QLabel *problemLabel() const { return problem_; }
    ProbabilityBars *bars() const { return bars_; }

signals:
    void resultChanged();

private:
    QWidget *makeGenerateRow();
    void request(bool generate);
    void send();
    double temperature() const;

    GraphDocument *document_;
    TrainingController *training_;
    bool languageModel_ = false;
    bool busy_ = false;               // a request is on the worker
    bool waiting_ = false;            // a newer one waits for it
    TextTryItRequest next_;
    uint64_t generations_ = 0;        // Generate presses: the seed is the project's seed plus this
    TextTryItResult result_;
    QLineEdit *text_;
    QLabel *unknown_;
    QLabel *problem_;
    ProbabilityBars *bars_;
    QWidget *generateRow_;
    QSlider *temperature_;
    QLabel *temperatureValue_;
    QSpinBox *length_;
    QPushButton *generate_;
    QLabel *continuation_;
};
