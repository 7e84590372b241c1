// Drawing the weight links and finding the one under the mouse.
#include "views/neurons/weightlinksitem.h"

#include "views/neurons/neuronsnapshot.h"

#include <QCoreApplication>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QLineF>
#include <QCursor>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double kHitDistance = 4.0;

// The distance from p to the segment a–b.
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double length2 = QPointF::dotProduct(d, d);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * d).length();
}

} // namespace

WeightLinksItem::WeightLinksItem(ClickHandler onClick) : onClick_(std::move(onClick))
{
    setZValue(0.5);  // above the edges, under the nodes and their neurons
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
}

void WeightLinksItem::setLinks(std::vector<WeightLink> links)
{
    prepareGeometryChange();
    links_ = std::move(links);
    hovered_ = -1;
    largest_ = 0.0f;
    QPainterPath lines;
    for (const WeightLink &link : links_) {
        if (std::isfinite(link.weight))
            largest_ = std::max(largest_, std::abs(link.weight));
        lines.moveTo(link.start);
        lines.lineTo(link.end);
    }
    QPainterPathStroker stroker;
    stroker.setWidth(2 * kHitDistance);
    hitArea_ = links_.empty() ? QPainterPath() : stroker.createStroke(lines);
    update();
}

int WeightLinksItem::linkAt(QPointF scenePoint) const
{
    int best = -1;
    double nearest = kHitDistance;
    for (size_t i = 0; i < links_.size(); ++i) {
        const double d = distanceToSegment(scenePoint, links_[i].start, links_[i].end);
        if (d <= nearest)
            nearest = d, best = static_cast<int>(i);
    }
    return best;
}

QString WeightLinksItem::toolTipOf(const WeightLink &link) const
{
    return QCoreApplication::translate("NeuronCanvas", "<b>w = %1</b><br>from %2 unit %3 to %4 unit %5 (%6[%7, %8])"
                                                       "<br>Pause or stop training, then click to edit it.")
        .arg(double(link.weight), 0, 'g', 4)
        .arg(link.fromNode.toHtmlEscaped())
        .arg(link.from + 1)
        .arg(link.toNode.toHtmlEscaped())
        .arg(link.to + 1)
        .arg(QString::fromStdString(link.parameter).toHtmlEscaped())
        .arg(link.to)
        .arg(link.from);
}

QRectF WeightLinksItem::boundingRect() const
{
    return hitArea_.boundingRect().adjusted(-4, -4, 4, 4);
}

QPainterPath WeightLinksItem::shape() const
{
    return hitArea_;
}

void WeightLinksItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    for (size_t i = 0; i < links_.size(); ++i) {
        const WeightLink &link = links_[i];
        const double strength = largest_ > 0 && std::isfinite(link.weight) ? std::abs(link.weight) / largest_ : 0.0;
        QColor colour = QColor(neuronColour(link.weight < 0 ? -1.0f : 1.0f, 1.0f));
        colour.setAlphaF(static_cast<float>(0.25 + 0.6 * strength));
        const bool hot = static_cast<int>(i) == hovered_;
        painter->setPen(QPen(hot ? QColor(Qt::black) : colour, 0.4 + 3.6 * strength + (hot ? 1.5 : 0.0), Qt::SolidLine,
                             Qt::RoundCap));
        painter->drawLine(link.start, link.end);
    }
}

void WeightLinksItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int link = linkAt(event->scenePos());
    if (link != hovered_) {
        hovered_ = link;
        setToolTip(link < 0 ? QString() : toolTipOf(links_[static_cast<size_t>(link)]));
        setCursor(link < 0 ? Qt::ArrowCursor : Qt::PointingHandCursor);
        update();
    }
}

void WeightLinksItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    hovered_ = -1;
    update();
}

void WeightLinksItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const int link = linkAt(event->scenePos());
    if (link < 0) {
        event->ignore();
        return;
    }
    event->accept();
    if (onClick_)
        onClick_(links_[static_cast<size_t>(link)], event->screenPos());
}
