// The kernel tab: the controls over the sliding window's picture.
#include "views/inside/kernelview.h"
#include "views/explanation.h"

#include "views/inside/kernelcanvas.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

KernelView::KernelView(QWidget *parent)
    : QWidget(parent), problem_(new QLabel), controls_(new QWidget), filter_(new QSpinBox), channel_(new QSpinBox),
      channelLabel_(new QLabel(tr("Input channel:"))), play_(new QPushButton(tr("Play"))), step_(new QPushButton(tr("Step"))),
      speed_(new QSlider(Qt::Horizontal)), canvas_(new KernelCanvas), timer_(new QTimer(this))
{
    auto *about = new Explanation(QStringLiteral("kernel"),
        tr("How the first convolution layer computes one output value: its kernel "
           "(one filter's weights) lies on a patch of the input, each input number is multiplied by the weight "
           "on it, and the products are added up, over every input channel, plus the filter's bias. The "
           "activation of that sum is one pixel of the filter's feature map. Then the window moves on by the "
           "stride. Hatched cells are the zero padding."));
    problem_->setWordWrap(true);
    speed_->setRange(1, 30);
    speed_->setValue(4);
    speed_->setMinimumWidth(80);
    speed_->setMaximumWidth(160);
    speed_->setToolTip(tr("Positions per second while playing"));
    play_->setCheckable(true);
    auto *row = new QHBoxLayout(controls_);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Filter:")));
    row->addWidget(filter_);
    row->addWidget(channelLabel_);
    row->addWidget(channel_);
    row->addWidget(play_);
    row->addWidget(step_);
    row->addWidget(new QLabel(tr("Speed:")));
    row->addWidget(speed_);
    row->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(canvas_);
    scroll->setWidgetResizable(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(problem_);
    layout->addWidget(controls_);
    layout->addWidget(scroll, 1);
    problem_->setText(tr("No image yet: open a network with a convolution layer (for example shapes-cnn)."));
    controls_->setEnabled(false);
    connect(filter_, &QSpinBox::valueChanged, this, [this](int value) { setFilter(value - 1); });
    connect(channel_, &QSpinBox::valueChanged, this, [this](int value) { setChannel(value - 1); });
    connect(play_, &QPushButton::toggled, this, &KernelView::setPlaying);
    connect(step_, &QPushButton::clicked, this, &KernelView::stepForward);
    connect(speed_, &QSlider::valueChanged, this, [this](int value) { timer_->setInterval(1000 / value); });
    timer_->setInterval(1000 / speed_->value());
    connect(timer_, &QTimer::timeout, this, &KernelView::stepForward);
}

void KernelView::setSnapshot(const FeatureMapsSnapshot &snapshot)
{
    conv_ = snapshot.firstConvolution;
    problem_->setText(!snapshot.problem.isEmpty() ? snapshot.problem
                      : conv_                     ? QString()
                                                  : tr("This network has no Conv2D layer: add one after the Input to see its kernel slide."));
    problem_->setVisible(!problem_->text().isEmpty());
    controls_->setEnabled(conv_.has_value());
    if (!conv_) {
        setPlaying(false);
        canvas_->clear();
        return;
    }
    const QSignalBlocker blockFilter(filter_), blockChannel(channel_);
    filter_->setRange(1, int(conv_->weight.dim(0)));
    filter_->setSuffix(tr(" of %1").arg(conv_->weight.dim(0)));
    channel_->setRange(1, int(conv_->channelsPerFilter()));
    channel_->setSuffix(tr(" of %1").arg(conv_->channelsPerFilter()));
    channel_->setVisible(conv_->channelsPerFilter() > 1);
    channelLabel_->setVisible(conv_->channelsPerFilter() > 1);
    // It starts at the centre, where the object of a picture usually is, not on the padding.
    const int64_t centre = conv_->output.dim(1) / 2 * conv_->output.dim(2) + conv_->output.dim(2) / 2;
    position_ = position_ < 0 ? centre : std::min(position_, positions() - 1);
    redraw();
}

int64_t KernelView::positions() const
{
    return conv_ ? conv_->output.dim(1) * conv_->output.dim(2) : 1;
}

void KernelView::setPosition(int64_t position)
{
    position_ = ((position % positions()) + positions()) % positions();
    redraw();
}

void KernelView::stepForward()
{
    setPosition(position_ + 1);
}

void KernelView::setFilter(int64_t filter)
{
    filter_->setValue(int(filter + 1));
    redraw();
}

void KernelView::setChannel(int64_t channel)
{
    channel_->setValue(int(channel + 1));
    redraw();
}

void KernelView::setPlaying(bool playing)
{
    playing = playing && conv_.has_value();
    const QSignalBlocker block(play_);
    play_->setChecked(playing);
    play_->setText(playing ? tr("Pause") : tr("Play"));
    if (playing)
        timer_->start();
    else
        timer_->stop();
}

bool KernelView::isPlaying() const
{
    return timer_->isActive();
}

int KernelView::speed() const
{
    return speed_->value();
}

void KernelView::redraw()
{
    if (!conv_)
        return;
    const int64_t width = conv_->output.dim(2);
    const int64_t y = position_ / width, x = position_ % width;
    canvas_->setStep(&*conv_, kernelStep(*conv_, filter_->value() - 1, channel_->value() - 1, y, x), position_ + 1);
    canvas_->resize(canvas_->sizeHint());
}
