// Text Try it: the text box, the language model's controls and the requests to the worker.
#include "views/tryit/texttryit.h"

#include "views/postsnapshot.h"
#include "views/tryit/probabilitybars.h"

#include "canvas/canvasstyle.h"
#include "document/graphdocument.h"
#include "panels/projectsection.h"
#include "training/trainingcontroller.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr int kTemperatureSteps = 100;  // the slider's 0..200 is a temperature of 0..2
constexpr int kDefaultLength = 200;

} // namespace

TextTryIt::TextTryIt(GraphDocument *document, TrainingController *training, QWidget *parent)
    : QWidget(parent), document_(document), training_(training), text_(new QLineEdit), unknown_(new QLabel),
      problem_(ProjectSection::makeProblemLabel()), bars_(new ProbabilityBars), generateRow_(makeGenerateRow()),
      continuation_(new QLabel)
{
    text_->setObjectName(QStringLiteral("try_it_text"));
    text_->setClearButtonEnabled(true);
    unknown_->setWordWrap(true);
    unknown_->setStyleSheet(QStringLiteral("color: #9a5b00;"));
    unknown_->hide();
    continuation_->setObjectName(QStringLiteral("try_it_generated"));
    continuation_->setWordWrap(true);
    continuation_->setTextFormat(Qt::RichText);
    continuation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    continuation_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    continuation_->setStyleSheet(QStringLiteral("background: %1; padding: 6px;").arg(canvasstyle::backgroundColor().name()));
    continuation_->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_);
    layout->addWidget(unknown_);
    layout->addWidget(problem_);
    layout->addWidget(generateRow_);
    layout->addWidget(continuation_);
    layout->addWidget(bars_);
    setLanguageModel(false);
    connect(text_, &QLineEdit::textChanged, this, [this] { request(false); });
}

QWidget *TextTryIt::makeGenerateRow()
{
    temperature_ = new QSlider(Qt::Horizontal);
    temperature_->setObjectName(QStringLiteral("try_it_temperature"));
    temperature_->setRange(0, 2 * kTemperatureSteps);
    temperature_->setValue(80);
    temperature_->setToolTip(tr("Temperature: 0 always takes the most likely next character; 1 draws from the model's own "
                                "probabilities; higher flattens them (more surprising text)."));
    temperatureValue_ = new QLabel;
    temperatureValue_->setMinimumWidth(temperatureValue_->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    length_ = new QSpinBox;
    length_->setObjectName(QStringLiteral("try_it_length"));
    length_->setRange(1, 2000);
    length_->setValue(kDefaultLength);
    length_->setToolTip(tr("How many tokens to generate after the prompt."));
    generate_ = new QPushButton(tr("Generate"));
    generate_->setObjectName(QStringLiteral("try_it_generate"));
    connect(generate_, &QPushButton::clicked, this, &TextTryIt::generate);
    connect(temperature_, &QSlider::valueChanged, this, [this] {
        temperatureValue_->setText(QString::number(temperature(), 'f', 2));
        request(false);  // the next-token bars follow the temperature
    });
    temperatureValue_->setText(QString::number(temperature(), 'f', 2));

    auto *row = new QWidget;
    auto *grid = new QVBoxLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    first->addWidget(new QLabel(tr("Temperature")));
    first->addWidget(temperature_, 1);
    first->addWidget(temperatureValue_);
    auto *second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("Length")));
    second->addWidget(length_);
    second->addStretch(1);
    second->addWidget(generate_);
    grid->addLayout(first);
    grid->addLayout(second);
    return row;
}

double TextTryIt::temperature() const
{
    return temperature_->value() / double(kTemperatureSteps);
}

void TextTryIt::setLanguageModel(bool languageModel)
{
    languageModel_ = languageModel;
    text_->setPlaceholderText(languageModel ? tr("A prompt for the model to continue, or nothing") : tr("Type a word or a sentence…"));
    generateRow_->setVisible(languageModel);
    continuation_->setVisible(languageModel && !continuation_->text().isEmpty());
}

// New weights write a shown continuation anew, with the same seed: it follows the training.
void TextTryIt::rerun()
{
    request(languageModel_ && result_.generated && result_.text == text_->text());
}

void TextTryIt::generate()
{
    ++generations_;
    request(true);
}

void TextTryIt::request(bool generate)
{
    next_.text = text_->text();
    next_.generate = generate || next_.generate;  // a waiting Generate is not lost to a later keystroke
    next_.temperature = temperature();
    next_.length = length_->value();
    next_.seed = document_->project().training.seed + generations_;
    if (busy_) {
        waiting_ = true;
        return;
    }
    send();
}

void TextTryIt::send()
{
    busy_ = true;
    waiting_ = false;
    const TextTryItRequest request = next_;
    next_.generate = false;
    QPointer<TextTryIt> view(this);
    const QString problem = training_->preparationProblem();
    training_->runProbeNow(
        [view, request](ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
            postSnapshot(view, computeTextTryIt(request, model, experiment));
        },
        [view, request, problem] {
            TextTryItResult result;
            result.text = request.text;
            result.problem = problem.isEmpty() ? tr("The network is not ready: fix what the status bar names, then try again.")
                                               : tr("The network cannot run yet: %1").arg(problem);
            postSnapshot(view, std::move(result));
        });
}

void TextTryIt::setSnapshot(TextTryItResult result)
{
    busy_ = false;
    if (waiting_)
        send();
    const bool keepContinuation = !result.generated && result.problem.isEmpty() && result.text == result_.text;
    if (keepContinuation) {  // bars for the same prompt: the text generated for it stays
        result.generated = result_.generated;
        result.continuation = result_.continuation;
        result.seed = result_.seed;
    }
    result_ = std::move(result);
    ProjectSection::showProblem(problem_, result_.problem);
    unknown_->setText(tr("Not in the vocabulary, read as <unk>: %1").arg(result_.unknown.join(QStringLiteral(" "))));
    unknown_->setVisible(!result_.unknown.isEmpty());
    if (result_.values.empty())
        bars_->clear();
    else
        bars_->setProbabilities(result_.classNames, result_.values);
    // The prompt, then what the model wrote after it in bold; spaces and line breaks as written.
    continuation_->setText(result_.generated ? QStringLiteral("<span style=\"white-space: pre-wrap\">%1<b>%2</b></span>")
                                                   .arg(result_.text.toHtmlEscaped(), result_.continuation.toHtmlEscaped())
                                             : QString());
    continuation_->setVisible(languageModel_ && result_.generated);
    emit resultChanged();
}
