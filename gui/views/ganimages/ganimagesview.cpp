// The GAN images dock: the sample grid, the walk in noise space, and a short text beside each.
#include "views/ganimages/ganimagesview.h"

#include "views/ganimages/pixelimage.h"
#include "views/postsnapshot.h"

#include "training/trainingcontroller.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QResizeEvent>
#include <QSlider>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kSliderSteps = 100;
constexpr int kRefreshMs = 30;  // a dragged slider asks the worker at most ~30 times a second
constexpr uint64_t kFirstWalkSeed = 101;

QLabel *titleLabel(const QString &text)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text));
    label->setWordWrap(true);
    return label;
}

QLabel *explanation(const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(QStringLiteral("explanation"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

} // namespace

GanImagesView::GanImagesView(TrainingController *training, QWidget *parent)
    : QWidget(parent), training_(training), shared_(std::make_shared<SharedRequest>()), refresh_(new QTimer(this)),
      nextSeed_(kFirstWalkSeed + 2), pages_(new QStackedWidget), message_(new QLabel), grid_(new PixelImage),
      current_(new PixelImage), path_(new PixelImage), slider_(new QSlider(Qt::Horizontal)), position_(new QLabel),
      newStart_(new QPushButton(tr("New Start"))), newEnd_(new QPushButton(tr("New End")))
{
    setObjectName(QStringLiteral("ganImagesView"));
    shared_->request = {kFirstWalkSeed, kFirstWalkSeed + 1, 0.5};
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    message_->setText(tr("Generated images appear here for a GAN project, such as the examples gan-digits and gan-fashion."));
    auto *images = new QWidget;
    auto *columns = new QHBoxLayout(images);
    columns->addWidget(createSamples(), 3);
    columns->addWidget(createWalk(), 2);
    pages_->addWidget(message_);
    pages_->addWidget(images);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(pages_);

    refresh_->setSingleShot(true);
    refresh_->setInterval(kRefreshMs);
    connect(refresh_, &QTimer::timeout, this, [this] { training_->runProbeNow(probe(), [] {}); });
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        InterpolationRequest request = this->request();
        request.t = double(value) / kSliderSteps;
        setRequest(request);
    });
    connect(newStart_, &QPushButton::clicked, this, [this] {
        InterpolationRequest request = this->request();
        request.startSeed = nextSeed_++;
        setRequest(request);
    });
    connect(newEnd_, &QPushButton::clicked, this, [this] {
        InterpolationRequest request = this->request();
        request.endSeed = nextSeed_++;
        setRequest(request);
    });
}

QWidget *GanImagesView::createSamples()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(titleLabel(tr("64 samples from fixed noise")));
    grid_->setObjectName(QStringLiteral("ganSampleGrid"));
    layout->addWidget(grid_, 1);
    layout->addWidget(explanation(
        tr("G draws one picture for each of 64 noise vectors that never change, so each tile follows one sample as G "
           "learns: noise at first, then pictures like the data's. Many tiles alike means mode collapse. "
           "Black is 0, white is 1.")));
    return box;
}

QWidget *GanImagesView::createWalk()
{
    auto *box = new QWidget;
    auto *layout = new QGridLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(titleLabel(tr("A walk between two noise vectors")), 0, 0, 1, 3);
    current_->setObjectName(QStringLiteral("ganWalkSample"));
    path_->setObjectName(QStringLiteral("ganWalkPath"));
    path_->setMinimumHeight(24);
    path_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(current_, 1, 0, 1, 3);
    layout->addWidget(path_, 2, 0, 1, 3);
    slider_->setObjectName(QStringLiteral("ganWalkSlider"));
    slider_->setRange(0, kSliderSteps);
    slider_->setValue(kSliderSteps / 2);
    slider_->setToolTip(tr("Where on the line from the start's noise to the end's G is asked for a picture"));
    position_->setMinimumWidth(position_->fontMetrics().horizontalAdvance(QStringLiteral("t = 0.00")) + 4);
    position_->setText(QStringLiteral("t = %1").arg(0.5, 0, 'f', 2));
    layout->addWidget(slider_, 3, 0, 1, 2);
    layout->addWidget(position_, 3, 2);
    newStart_->setToolTip(tr("Draw another noise vector for the start of the walk"));
    newEnd_->setToolTip(tr("Draw another noise vector for the end of the walk"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newStart_);
    buttons->addWidget(newEnd_);
    buttons->addStretch(1);
    layout->addLayout(buttons, 4, 0, 1, 3);
    layout->addWidget(explanation(
        tr("G's picture for noise on the straight line from one noise vector (t = 0) to another (t = 1); the strip "
           "shows nine stops. A gradual change means G has learned a smooth map from noise to pictures.")), 5, 0, 1, 3);
    layout->setRowStretch(1, 3);
    layout->setRowStretch(2, 1);
    return box;
}

ModelProbe GanImagesView::probe()
{
    QPointer<GanImagesView> self(this);
    return [self, shared = shared_](ProbeMoment moment, const nn::Model &model, const datasets::Experiment &experiment) {
        if (moment != ProbeMoment::Prepared && !ganImagesProblem(model, experiment).isEmpty())
            return;  // why there are no images was said when the project was prepared
        InterpolationRequest request;
        {
            std::lock_guard lock(shared->mutex);
            request = shared->request;
        }
        postSnapshot(self, computeGanImages(model, experiment, request));
    };
}

InterpolationRequest GanImagesView::request() const
{
    std::lock_guard lock(shared_->mutex);
    return shared_->request;
}

void GanImagesView::setRequest(const InterpolationRequest &request)
{
    {
        std::lock_guard lock(shared_->mutex);
        shared_->request = request;
    }
    position_->setText(QStringLiteral("t = %1").arg(request.t, 0, 'f', 2));
    refreshSoon();
}

void GanImagesView::refreshSoon()
{
    if (!refresh_->isActive())
        refresh_->start();
}

// A wrapped label's height depends on its width, which the stacked pages do not pass on: each text
// asks for the lines its width needs, so it is never cut.
void GanImagesView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    for (QLabel *label : findChildren<QLabel *>(QStringLiteral("explanation")))
        label->setMinimumHeight(label->heightForWidth(std::max(label->width(), 1)));
}

void GanImagesView::setSnapshot(GanImagesSnapshot snapshot)
{
    const bool had = showsImages();
    snapshot_ = std::move(snapshot);
    if (showsImages()) {
        grid_->setImage(snapshot_.grid);
        path_->setImage(snapshot_.path);
        current_->setImage(snapshot_.current);
        pages_->setCurrentIndex(1);
    } else {
        message_->setText(snapshot_.message);
        pages_->setCurrentIndex(0);
    }
    if (had != showsImages())
        emit imagesAvailableChanged(showsImages());
}
