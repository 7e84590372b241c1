// Painting the hover reading: guide, dot and text box.
#include "views/charts/hovercallout.h"

#include "views/charts/chartstyle.h"
#include "canvas/canvasstyle.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

namespace {
constexpr double kPadding = 5.0;
constexpr double kCursorGap = 14.0;
constexpr double kDotRadius = 3.5;
} // namespace

HoverCallout::HoverCallout(QChart *chart)
    : QGraphicsItem(chart), chart_(chart)
{
    setZValue(100.0);  // over the series
    hide();
}

void HoverCallout::showReading(QPointF anchor, QPointF cursor, const QString &text)
{
    prepareGeometryChange();
    anchor_ = anchor;
    cursor_ = cursor;
    text_ = text;
    show();
    update();
}

void HoverCallout::hideReading()
{
    hide();
}

QRectF HoverCallout::boundingRect() const
{
    return chart_->plotArea().united(textBox()).adjusted(-kDotRadius, -kDotRadius, kDotRadius, kDotRadius);
}

// Right of and below the cursor, flipped to the other side where it would leave the plot area.
QRectF HoverCallout::textBox() const
{
    const QFontMetricsF metrics(chartstyle::calloutFont());
    const QSizeF size = metrics.size(0, text_) + QSizeF(2 * kPadding, 2 * kPadding);
    const QRectF plot = chart_->plotArea();
    QPointF corner = cursor_ + QPointF(kCursorGap, kCursorGap);
    if (corner.x() + size.width() > plot.right())
        corner.setX(cursor_.x() - kCursorGap - size.width());
    if (corner.y() + size.height() > plot.bottom())
        corner.setY(cursor_.y() - kCursorGap - size.height());
    corner.setX(std::max(corner.x(), plot.left()));
    corner.setY(std::max(corner.y(), plot.top()));
    return QRectF(corner, size);
}

void HoverCallout::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = chart_->plotArea();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(canvasstyle::edgeColor(), 1.0, Qt::DashLine));
    painter->drawLine(QPointF(anchor_.x(), plot.top()), QPointF(anchor_.x(), plot.bottom()));
    if (plot.contains(anchor_)) {
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(canvasstyle::textColor());
        painter->drawEllipse(anchor_, kDotRadius, kDotRadius);
    }
    const QRectF box = textBox();
    painter->setPen(QPen(canvasstyle::gridColor(), 1.0));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(box, 4.0, 4.0);
    painter->setFont(chartstyle::calloutFont());
    painter->setPen(canvasstyle::textColor());
    painter->drawText(box.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignLeft | Qt::AlignTop, text_);
}
