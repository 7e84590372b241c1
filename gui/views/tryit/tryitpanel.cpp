// The Try it dock: taking a picture in, decoding it, asking the worker, showing the answer.
#include "views/tryit/tryitpanel.h"

#include "views/postsnapshot.h"
#include "views/tryit/probabilitybars.h"
#include "views/tryit/texttryit.h"

#include "canvas/canvasstyle.h"
#include "document/graphdocument.h"
#include "panels/projectsection.h"
#include "training/trainingcontroller.h"

#include "datasets/experiment.h"
#include "datasets/imagedecoder.h"
#include "nn/error.h"

#include <QBuffer>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

namespace {

constexpr int kPictureSide = 112;            // the network's picture, scaled up without blurring
constexpr qint64 kLargestFile = 256LL << 20;  // bytes: a larger file is refused before it is read

QString firstLocalFile(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return {};
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

} // namespace

TryItPanel::TryItPanel(GraphDocument *document, TrainingController *training, QWidget *parent)
    : QWidget(parent), document_(document), training_(training), hint_(new QLabel), nameLabel_(new QLabel),
      picture_(new QLabel), seen_(new QLabel), note_(new QLabel), problem_(ProjectSection::makeProblemLabel()),
      bars_(new ProbabilityBars), text_(new TextTryIt(document, training)), pictureParts_(new QWidget)
{
    chooser_ = [this] {
        return QFileDialog::getOpenFileName(this, tr("Try an image"), QString(), tr("Images (*.png *.jpg *.jpeg);;All files (*)"));
    };
    hint_->setText(tr("Drop an image file anywhere on the window, paste one (Edit ▸ Paste Image), or open one: "
                      "the network says what it sees."));
    hint_->setWordWrap(true);
    const QString muted = QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name());
    hint_->setStyleSheet(muted);
    auto *open = new QPushButton(tr("Open Image…"));
    connect(open, &QPushButton::clicked, this, &TryItPanel::openFile);
    nameLabel_->setWordWrap(true);
    picture_->setObjectName(QStringLiteral("try_it_picture"));
    picture_->setAlignment(Qt::AlignCenter);
    seen_->setAlignment(Qt::AlignCenter);
    seen_->setWordWrap(true);
    seen_->setStyleSheet(muted);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #9a5b00;"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    // The answer first (a short dock shows it without scrolling), then how to try another picture.
    layout->addWidget(text_);
    layout->addWidget(nameLabel_);
    layout->addWidget(problem_);
    layout->addWidget(picture_);
    layout->addWidget(bars_);
    layout->addWidget(seen_);
    layout->addWidget(note_);
    auto *pictureLayout = new QVBoxLayout(pictureParts_);
    pictureLayout->setContentsMargins(0, 0, 0, 0);
    pictureLayout->addWidget(hint_);
    pictureLayout->addWidget(open, 0, Qt::AlignLeft);
    layout->addWidget(pictureParts_);
    layout->addStretch(1);
    auto *scroll = new QScrollArea;  // a short dock scrolls rather than squeezing the picture
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setTrained(false);
    text_->hide();
    connect(text_, &TextTryIt::resultChanged, this, &TryItPanel::resultChanged);
    // Each preparation says whether the project reads text, which decides what the dock offers.
    training_->addProbe([view = QPointer<TryItPanel>(this)](ProbeMoment moment, const nn::Model &, const datasets::Experiment &experiment) {
        if (moment != ProbeMoment::Prepared)
            return;
        const datasets::DataInfo &info = experiment.data().info;
        postToView(view, [text = !info.vocabulary.empty(), languageModel = info.languageModel](TryItPanel &panel) {
            panel.setTextMode(text, languageModel);
        });
    });

    connect(training_, &TrainingController::modelTrainedChanged, this, &TryItPanel::setTrained);
    // New weights or new data: the picture is tried again with them.
    connect(training_, &TrainingController::prepared, this, &TryItPanel::rerun);
    connect(training_, &TrainingController::runReset, this, &TryItPanel::rerun);
    connect(training_, &TrainingController::epochReported, this, &TryItPanel::rerun);
    connect(training_, &TrainingController::finished, this, &TryItPanel::rerun);
    // Each press of Step (and a pause) reports its steps: the answer follows the weights shown.
    connect(training_, &TrainingController::stepsReported, this, [this] {
        if (training_->state() == TrainingController::State::Paused)
            rerun();
    });
}

TryItPanel::~TryItPanel() = default;

void TryItPanel::watchDrops(QWidget *window)
{
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool TryItPanel::holdsPicture(const QMimeData *data)
{
    return data && (data->hasImage() || !firstLocalFile(data).isEmpty());
}

bool TryItPanel::tryMimeData(const QMimeData *data)
{
    if (const QString file = firstLocalFile(data); !file.isEmpty())
        tryFile(file);
    else if (data && data->hasImage())
        tryImage(qvariant_cast<QImage>(data->imageData()), tr("the pasted image"));
    else
        return false;
    return true;
}

void TryItPanel::tryFile(const QString &path)
{
    emit pictureTaken();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (file.size() > kLargestFile) {
        showProblem(tr("%1 is %2 MB, too large for an image to try; use a smaller file.").arg(name).arg(file.size() >> 20));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("%1 cannot be opened: %2").arg(name, file.errorString()));
        return;
    }
    tryBytes(file.readAll(), name);
}

void TryItPanel::tryImage(const QImage &image, const QString &name)
{
    emit pictureTaken();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        showProblem(tr("The clipboard holds no image to try: copy an image (or an image file) first."));
        return;
    }
    tryBytes(bytes, name);
}

void TryItPanel::pasteClipboard()
{
    if (!tryMimeData(QGuiApplication::clipboard()->mimeData())) {
        emit pictureTaken();
        showProblem(tr("The clipboard holds no image to try: copy an image (or an image file) first."));
    }
}

void TryItPanel::openFile()
{
    if (const QString path = chooser_(); !path.isEmpty())
        tryFile(path);
}

// Decoded for the Input's channels here, so that only fitting and scaling wait for the worker.
void TryItPanel::tryBytes(const QByteArray &bytes, const QString &name)
{
    image_.reset();
    nameLabel_->setText(name);
    const nn::Shape shape = datasets::inputSampleShape(document_->graph());
    if (shape.size() != 3 || (shape[0] != 1 && shape[0] != 3)) {
        showProblem(tr("Try it needs a network whose Input is an image, [1 or 3 channels, height, width]; this one's "
                       "Input is %1. Open an image example such as shapes-cnn.")
                        .arg(shape.empty() ? tr("not valid") : QString::fromStdString(nn::toString(shape))));
        return;
    }
    try {
        const std::string_view view(bytes.constData(), size_t(bytes.size()));
        image_ = std::make_shared<const datasets::Image>(datasets::ImageDecoder::decode(view, int(shape[0])));
    } catch (const nn::Error &error) {
        showProblem(tr("%1 cannot be read as an image: %2").arg(name, QString::fromStdString(error.what())));
        return;
    }
    emit pictureDecoded(image_, name);
    rerun();
}

void TryItPanel::tryText(const QString &text)
{
    emit pictureTaken();
    text_->textField()->setText(text);
    if (text_->isLanguageModel())
        text_->generate();
}

void TryItPanel::setTextMode(bool text, bool languageModel)
{
    const bool changed = text != textMode_ || languageModel != text_->isLanguageModel();
    textMode_ = text;
    text_->setLanguageModel(languageModel);
    text_->setVisible(text);
    pictureParts_->setVisible(!text);
    for (QWidget *part : {static_cast<QWidget *>(nameLabel_), static_cast<QWidget *>(picture_), static_cast<QWidget *>(seen_),
                          static_cast<QWidget *>(bars_)})
        part->setVisible(!text);
    if (text) {
        image_.reset();
        ProjectSection::showProblem(problem_, {});
        text_->rerun();
    }
    if (changed)
        emit textModeChanged(text);
}

void TryItPanel::rerun()
{
    if (textMode_)
        text_->rerun();
    if (!image_)
        return;
    QPointer<TryItPanel> view(this);
    const QString problem = training_->preparationProblem();
    training_->runProbeNow(
        [view, image = image_](ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
            postSnapshot(view, computeTryIt(*image, model, experiment));
        },
        [view, problem] {
            TryItResult result;
            result.problem = problem.isEmpty() ? tr("The network is not ready: fix what the status bar names, then try again.")
                                               : tr("The network cannot run yet: %1").arg(problem);
            postSnapshot(view, std::move(result));
        });
}

void TryItPanel::setSnapshot(TryItResult result)
{
    result_ = std::move(result);
    if (!result_.problem.isEmpty()) {
        showProblem(result_.problem);
        return;
    }
    ProjectSection::showProblem(problem_, {});
    const QImage scaled = result_.seen.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::FastTransformation);
    picture_->setPixmap(QPixmap::fromImage(scaled));
    seen_->setText(tr("As the network sees it: %1").arg(result_.seenText));
    if (result_.classification) {
        bars_->setProbabilities(result_.classNames, result_.values);
    } else {
        bars_->clear();
        QStringList values;
        for (float v : result_.values)
            values << QString::number(double(v), 'g', 4);
        seen_->setText(seen_->text() + QLatin1Char('\n') + tr("Predicted: %1").arg(values.join(QStringLiteral(", "))));
    }
    emit resultChanged();
}

void TryItPanel::setTrained(bool trained)
{
    note_->setText(tr("The network is not trained yet: these are the guesses of its random starting weights. "
                      "Press Train, and the picture is tried again after every epoch."));
    note_->setVisible(!trained);
}

void TryItPanel::showProblem(const QString &problem)
{
    result_ = {};
    result_.problem = problem;
    picture_->clear();
    seen_->clear();
    bars_->clear();
    ProjectSection::showProblem(problem_, problem);
    emit resultChanged();
}

bool TryItPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (holdsPicture(drag->mimeData())) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (tryMimeData(drop->mimeData())) {
            drop->acceptProposedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
