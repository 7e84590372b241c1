#include "lessons/highlightframe.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVariantAnimation>

namespace {

constexpr int kPulses = 4;
constexpr int kPulseMs = 900;
const QColor kFrameColour(0xf5, 0x9e, 0x0b);  // amber: apart from the class colours and the red of problems

} // namespace

HighlightFrame::HighlightFrame(QWidget *window) : QWidget(window), pulse_(new QVariantAnimation(this))
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    window->installEventFilter(this);
    pulse_->setDuration(kPulses * kPulseMs);
    pulse_->setStartValue(0.0);
    pulse_->setEndValue(double(kPulses));
    connect(pulse_, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        const double phase = value.toDouble();
        const double wave = 0.5 - 0.5 * std::cos(phase * 2.0 * M_PI);
        // Full strength for the first pulses, then it fades, leaving the control as it was.
        const double fade = phase < kPulses - 1 ? 1.0 : double(kPulses) - phase;
        strength_ = (0.45 + 0.55 * wave) * fade;
        update();
    });
    connect(pulse_, &QVariantAnimation::finished, this, &HighlightFrame::clear);
}

void HighlightFrame::show(QWidget *target, std::function<QRect()> area)
{
    target_ = target;
    area_ = std::move(area);
    setGeometry(parentWidget()->rect());
    raise();
    QWidget::show();
    pulse_->stop();
    pulse_->start();
}

void HighlightFrame::clear()
{
    pulse_->stop();
    target_ = nullptr;
    area_ = {};
    hide();
}

QRect HighlightFrame::frameRect() const
{
    if (!target_ || !target_->isVisible())
        return {};
    const QRect local = area_ ? area_() : target_->rect();
    if (local.isEmpty())
        return {};
    return QRect(target_->mapTo(parentWidget(), local.topLeft()), local.size()).adjusted(-3, -3, 3, 3);
}

void HighlightFrame::paintEvent(QPaintEvent *)
{
    const QRect rect = frameRect();
    if (rect.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor glow = kFrameColour;
    glow.setAlphaF(0.25 * strength_);
    painter.setPen(QPen(glow, 9));
    painter.drawRoundedRect(rect, 6, 6);
    QColor line = kFrameColour;
    line.setAlphaF(std::min(1.0, 0.3 + strength_));
    painter.setPen(QPen(line, 3));
    painter.drawRoundedRect(rect, 6, 6);
}

bool HighlightFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}
