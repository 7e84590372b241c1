// The feature maps tab: the chosen image and its probabilities beside a scrolling column of layers.
#include "views/inside/featuremapsview.h"
#include "views/explanation.h"

#include "views/inside/featuremaptiles.h"
#include "views/postsnapshot.h"
#include "views/tryit/probabilitybars.h"

#include "training/trainingcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

namespace {

// While the tab is on screen, the maps follow a run twice a second (one image's forward each).
constexpr std::chrono::milliseconds kFeatureMapsInterval{500};

// Each map is enlarged by a whole factor to at most 44 pixels wide (at least 1×, at most 8×), so
// that at 1280×800 two layers of a 28×28 network show at once.
int zoomOf(const nn::Tensor &maps)
{
    return int(std::clamp<int64_t>(44 / std::max<int64_t>(maps.dim(2), 1), 1, 8));
}

QString scaleText(const nn::Tensor &maps)
{
    const double s = featuremaptiles::colorScale(maps);
    return featuremaptiles::isDiverging(maps)
               ? FeatureMapsView::tr("blue −%1 · white 0 · red +%1").arg(s, 0, 'g', 3)
               : FeatureMapsView::tr("black 0 · white %1").arg(s, 0, 'g', 3);
}

} // namespace

// The image to look at, read by the probe on the worker thread.
struct FeatureMapsView::Choice {
    mutable std::mutex mutex;
    ChosenImage image;
    std::atomic<bool> onScreen{false};  // the tab is shown: it follows the run every kFeatureMapsInterval too
    std::chrono::steady_clock::time_point lastStep;  // the worker's alone
    ChosenImage get() const
    {
        std::lock_guard lock(mutex);
        return image;
    }
};

FeatureMapsView::FeatureMapsView(QWidget *parent)
    : QWidget(parent), choice_(std::make_shared<Choice>()), picture_(new QLabel), source_(new QLabel),
      problem_(new QLabel), bars_(new ProbabilityBars), scroll_(new QScrollArea), layersBox_(new QWidget),
      layersLayout_(new QVBoxLayout(layersBox_))
{
    auto *about = new Explanation(QStringLiteral("feature-maps"),
        tr("One image on its way through the network. Each convolution filter "
           "slides over its input and makes one <i>feature map</i>: bright where the filter finds its pattern. "
           "Pooling shrinks each map, keeping the strongest (max) or average response. Deeper maps are smaller "
           "and more abstract. Click an image in the data preview or the Evaluation gallery, or drop one on "
           "Try it, to look at it here."));
    source_->setWordWrap(true);
    problem_->setWordWrap(true);
    picture_->setAlignment(Qt::AlignCenter);
    auto *side = new QVBoxLayout;
    side->addWidget(picture_);
    side->addWidget(source_);
    side->addWidget(bars_);
    side->addStretch(1);
    auto *sideBox = new QWidget;
    sideBox->setLayout(side);
    auto *sideScroll = new QScrollArea;  // ten classes' bars may not fit under the picture at 1280×800
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setWidgetResizable(true);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setWidget(sideBox);
    sideScroll->setFixedWidth(236);
    layersLayout_->setContentsMargins(0, 0, 0, 0);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(layersBox_);
    auto *row = new QHBoxLayout;
    row->addWidget(sideScroll);
    row->addWidget(scroll_, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(problem_);
    layout->addLayout(row, 1);
    problem_->setText(tr("No image yet: open a network with a convolution layer (for example shapes-cnn)."));
}

FeatureMapsView::~FeatureMapsView() = default;

void FeatureMapsView::connectTo(TrainingController *training)
{
    training_ = training;
    training->addProbe([view = QPointer<FeatureMapsView>(this), choice = choice_](
                           ProbeMoment moment, const nn::Model &model, const datasets::Experiment &experiment) {
        // A network without an image input says so once, when prepared (the panel then hides the tab).
        const bool images = model.inputNames().size() == 1 && model.inputShape().size() == 3;
        if (moment == ProbeMoment::Step || moment == ProbeMoment::Paused) {
            const auto now = std::chrono::steady_clock::now();
            if (!images || !choice->onScreen || (moment == ProbeMoment::Step && now - choice->lastStep < kFeatureMapsInterval))
                return;
            choice->lastStep = now;
        }
        if (moment == ProbeMoment::Prepared || images)
            postSnapshot(view, computeFeatureMaps(choice->get(), model, experiment));
    });
}

void FeatureMapsView::choose(ChosenImage chosen)
{
    {
        std::lock_guard lock(choice_->mutex);
        choice_->image = std::move(chosen);
    }
    if (!training_)
        return;
    training_->runProbeNow(
        [view = QPointer<FeatureMapsView>(this), choice = choice_->get()](
            ProbeMoment, const nn::Model &model, const datasets::Experiment &experiment) {
            postSnapshot(view, computeFeatureMaps(choice, model, experiment));
        },
        [view = QPointer<FeatureMapsView>(this), problem = training_->preparationProblem()] {
            FeatureMapsSnapshot snapshot;
            snapshot.problem = problem.isEmpty() ? tr("The network is not ready: fix what the status bar names, then try again.")
                                                 : tr("The network cannot run yet: %1").arg(problem);
            postSnapshot(view, std::move(snapshot));
        });
}

ChosenImage FeatureMapsView::chosen() const
{
    return choice_->get();
}

void FeatureMapsView::setSnapshot(FeatureMapsSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    problem_->setText(snapshot_.problem);
    problem_->setVisible(!snapshot_.problem.isEmpty());
    source_->setText(snapshot_.source);
    const QImage &image = snapshot_.picture;
    if (image.isNull())
        picture_->clear();
    else
        picture_->setPixmap(QPixmap::fromImage(
            image.scaled(image.size() * std::max(1, 96 / std::max(image.width(), image.height())), Qt::IgnoreAspectRatio,
                         Qt::FastTransformation)));
    if (snapshot_.classification && !snapshot_.values.empty())
        bars_->setProbabilities(snapshot_.classNames, snapshot_.values);
    else
        bars_->clear();
    showLayers();
    emit snapshotChanged();
}

void FeatureMapsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    choice_->onScreen = true;
}

void FeatureMapsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    choice_->onScreen = false;
}

void FeatureMapsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showLayers();
}

// One caption and one tile image per layer, as many tiles to a row as the scroll area's width holds.
void FeatureMapsView::showLayers()
{
    while (QLayoutItem *item = layersLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    images_.clear();
    columns_.clear();
    // The width without the vertical scroll bar, which the layers soon need.
    const int space = std::max(scroll_->width() - scroll_->verticalScrollBar()->sizeHint().width() - 8, 64);
    for (const FeatureMapLayer &layer : snapshot_.layers) {
        const nn::Shape &shape = layer.maps.shape();
        const int zoom = zoomOf(layer.maps);
        const int columns = std::max(1, space / int((shape[2] + 1) * zoom));
        images_.push_back(featuremaptiles::render(layer.maps, columns));
        columns_.push_back(columns);
        auto *caption = new QLabel(tr("<b>%1</b> · %2 · %3 maps of %4×%5 · %6")
                                       .arg(layer.name, layer.kind)
                                       .arg(shape[0])
                                       .arg(shape[1])
                                       .arg(shape[2])
                                       .arg(scaleText(layer.maps)));
        auto *picture = new QLabel;
        const QImage &tiles = images_.back();
        picture->setPixmap(QPixmap::fromImage(tiles.scaled(tiles.size() * zoom, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
        picture->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layersLayout_->addWidget(caption);
        layersLayout_->addWidget(picture);
    }
    layersLayout_->addStretch(1);
}
