// Drawing a connection and its shape label.
#include "edgeitem.h"

#include "canvasstyle.h"
#include "nodeitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

using namespace canvasstyle;

EdgeItem::EdgeItem(const nn::Edge &edge, NodeItem *source, NodeItem *target, QGraphicsItem *parent)
    : QGraphicsItem(parent), edge_(edge), source_(source), target_(target)
{
    setFlag(ItemIsSelectable);
    setZValue(0.0);  // under the nodes
    updateGeometry();
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    // Leaves the output straight down and enters the input straight down; a connection that
    // runs upwards bends further out so it does not cut through its own nodes.
    const double dy = to.y() - from.y();
    const double reach = dy > 0 ? std::max(30.0, dy / 2.0) : std::max(60.0, std::abs(dy) / 2.0 + 40.0);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(0.0, reach), to - QPointF(0.0, reach), to);
    return path;
}

void EdgeItem::updateGeometry()
{
    prepareGeometryChange();
    path_ = curve(source_->outputPortPosition(edge_.fromPort), target_->inputPortPosition(edge_.port));
}

void EdgeItem::setLabel(const QString &label)
{
    if (label == label_)
        return;
    prepareGeometryChange();
    label_ = label;
    setToolTip(label_.isEmpty() ? QString() : QObject::tr("Carries %1").arg(label_));
}

QRectF EdgeItem::labelRect() const
{
    if (label_.isEmpty())
        return {};
    const QSizeF text = QFontMetricsF(shapeFont()).size(Qt::TextSingleLine, label_);
    const QSizeF size(text.width() + 12.0, text.height() + 4.0);
    const QPointF centre = path_.pointAtPercent(0.5);
    return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
}

QRectF EdgeItem::boundingRect() const
{
    return path_.boundingRect().adjusted(-6, -6, 6, 6).united(labelRect());
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10.0);
    QPainterPath hit = stroker.createStroke(path_);
    hit.addRect(labelRect());
    return hit;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = isSelected() ? selectionColor() : edgeColor();
    painter->setPen(QPen(colour, isSelected() ? 2.6 : 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path_);
    if (label_.isEmpty())
        return;
    const QRectF box = labelRect();
    painter->setPen(QPen(isSelected() ? selectionColor() : gridColor(), 1.0));
    painter->setBrush(QColor(Qt::white));
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setFont(shapeFont());
    painter->setPen(isSelected() ? selectionColor() : mutedTextColor());
    painter->drawText(box, Qt::AlignCenter, label_);
}
