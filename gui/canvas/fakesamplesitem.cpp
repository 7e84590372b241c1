// Drawing the fake-samples arrow: a dashed curve, an arrow head and its label.
#include "fakesamplesitem.h"

#include "canvasstyle.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QObject>
#include <QPainter>

#include <cmath>

namespace {

QString fakeSamplesLabel()
{
    return QObject::tr("fake samples");
}

QFont fakeSamplesFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(true);
    return font;
}

} // namespace

FakeSamplesItem::FakeSamplesItem(QGraphicsItem *parent) : QGraphicsItem(parent)
{
    setZValue(0.5);  // over the frames and edges, under the nodes
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(QObject::tr("G's samples go to D's Input as fake samples; the trainer passes them, so there is no wire to edit."));
}

void FakeSamplesItem::setEnds(QPointF from, QPointF to)
{
    prepareGeometryChange();
    from_ = from;
    to_ = to;
    const double bend = std::max(60.0, std::abs(to.x() - from.x()) / 2.0) * (to.x() >= from.x() ? 1.0 : -1.0);
    path_ = QPainterPath(from);
    path_.cubicTo(from + QPointF(bend, 0.0), to - QPointF(bend, 0.0), to);
}

QRectF FakeSamplesItem::labelRect() const
{
    const QFontMetricsF metrics(fakeSamplesFont());
    const QSizeF size(metrics.horizontalAdvance(fakeSamplesLabel()) + 12.0, metrics.height() + 4.0);
    const QPointF middle = path_.pointAtPercent(0.5);
    return QRectF(middle - QPointF(size.width() / 2.0, size.height() / 2.0), size);
}

QRectF FakeSamplesItem::boundingRect() const
{
    return path_.boundingRect().adjusted(-12.0, -12.0, 12.0, 12.0).united(labelRect());
}

void FakeSamplesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (path_.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = canvasstyle::fakeSamplesColor();
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, 2.2, Qt::DashLine, Qt::RoundCap));
    painter->drawPath(path_);
    // The head, along the curve's last direction.
    const double angle = path_.angleAtPercent(1.0) * M_PI / 180.0;
    const QPointF back(-std::cos(angle), std::sin(angle));
    const QPointF side(-back.y(), back.x());
    QPolygonF head;
    head << to_ << to_ + back * 11.0 + side * 5.5 << to_ + back * 11.0 - side * 5.5;
    painter->setPen(QPen(color, 1.0));
    painter->setBrush(color);
    painter->drawPolygon(head);

    const QRectF label = labelRect();
    painter->setPen(QPen(color, 1.0));
    painter->setBrush(QColor(Qt::white));
    painter->drawRoundedRect(label, 4.0, 4.0);
    painter->setFont(fakeSamplesFont());
    painter->drawText(label, Qt::AlignCenter, fakeSamplesLabel());
}
