// The neurons' toggle on a node card.
#include "views/neurons/neurontoggleitem.h"

#include "canvas/canvasstyle.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>
#include <QCursor>
#include <QPainter>
#include <QPainterPath>

using namespace canvasstyle;

namespace {
constexpr double kSize = 16.0;
}

NeuronToggleItem::NeuronToggleItem(int nodeId, std::function<void(int)> onToggle, QGraphicsItem *parent)
    : QGraphicsItem(parent), nodeId_(nodeId), onToggle_(std::move(onToggle))
{
    // In the header's right corner.
    setPos(kNodeWidth / 2 - kSize / 2 - 5.0, -kNodeHeight / 2 + kHeaderHeight / 2);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    setToolTip(explanation());
}

QString NeuronToggleItem::explanation()
{
    return QCoreApplication::translate(
        "NeuronCanvas",
        "<b>Show Neurons</b> (or double-click the node): each unit of this layer as a small heat map of its "
        "output over the input plane, for the same plane as the decision boundary (blue positive, orange "
        "negative, white 0). The first layer's units cut the plane with straight lines; the next ones combine "
        "them into curves: that is how the network builds its decision boundary. Between two shown layers of "
        "at most 16 units the weights are drawn as lines (blue positive, orange negative, thicker for larger): "
        "hover one to read it, pause and click it to change it. Needs data with 2 input features.");
}

void NeuronToggleItem::setExpanded(bool expanded)
{
    if (expanded != expanded_) {
        expanded_ = expanded;
        update();
    }
}

QRectF NeuronToggleItem::boundingRect() const
{
    return QRectF(-kSize / 2, -kSize / 2, kSize, kSize);
}

void NeuronToggleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(hovered_ || expanded_ ? selectionColor() : mutedTextColor(), 1.2));
    painter->setBrush(hovered_ ? QBrush(Qt::white) : QBrush(Qt::NoBrush));
    painter->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), 3.0, 3.0);
    // A small triangle: pointing right when closed, down when open.
    QPainterPath arrow;
    if (expanded_) {
        arrow.moveTo(-4, -2);
        arrow.lineTo(4, -2);
        arrow.lineTo(0, 3);
    } else {
        arrow.moveTo(-2, -4);
        arrow.lineTo(3, 0);
        arrow.lineTo(-2, 4);
    }
    arrow.closeSubpath();
    painter->fillPath(arrow, hovered_ || expanded_ ? selectionColor() : mutedTextColor());
}

void NeuronToggleItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept();
    if (onToggle_)
        onToggle_(nodeId_);
}

void NeuronToggleItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    hovered_ = true;
    update();
}

void NeuronToggleItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    hovered_ = false;
    update();
}
