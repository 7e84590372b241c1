// Drawing an expanded node's neurons and scrolling through a large layer.
#include "views/neurons/neuronpanelitem.h"

#include "canvas/canvasstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace canvasstyle;

namespace {

constexpr double kTile = 30.0;
constexpr double kPanelGap = 4.0;
constexpr double kPad = 6.0;
constexpr double kHeadline = 15.0;
constexpr double kArrow = 14.0;
constexpr double kMessageWidth = 300.0;

// The file's words, translated in the NeuronCanvas context (lupdate reads NeuronPanelText::tr).
struct NeuronPanelText {
    Q_DECLARE_TR_FUNCTIONS(NeuronCanvas)
};

} // namespace

NeuronPanelItem::NeuronPanelItem(int nodeId, QGraphicsItem *parent) : QGraphicsItem(parent), nodeId_(nodeId)
{
    setPos(kNodeWidth / 2 + 14.0, -kNodeHeight / 2);  // beside the card, level with its top
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
}

void NeuronPanelItem::setUnits(int units)
{
    if (units == units_)
        return;
    prepareGeometryChange();
    units_ = units;
    first_ = std::clamp(first_, 0, std::max(units_ - visibleCount(), 0));
    update();
}

void NeuronPanelItem::setMaps(const NeuronMaps *maps, const QString &message)
{
    prepareGeometryChange();
    message_ = message;
    images_.clear();
    values_.clear();
    if (maps) {
        units_ = maps->units;
        images_ = maps->images;
        values_ = maps->values;
        scale_ = maps->scale;
        grid_ = maps->images.empty() ? 0 : maps->images.front().width();
    }
    first_ = std::clamp(first_, 0, std::max(std::min(units_, kMaxNeuronUnits) - visibleCount(), 0));
    update();
}

int NeuronPanelItem::visibleCount() const
{
    return std::min(units_, kMaxVisible);
}

bool NeuronPanelItem::scrollTo(int first)
{
    const int last = std::max(std::min(units_, kMaxNeuronUnits) - visibleCount(), 0);
    first = std::clamp(first, 0, last);
    if (first == first_)
        return false;
    first_ = first;
    update();
    return true;
}

QRectF NeuronPanelItem::tileRect(int slot) const
{
    const double left = kPad + (scrolls() ? kArrow : 0.0);
    return QRectF(left + slot * (kTile + kPanelGap), kPad + kHeadline, kTile, kTile);
}

QRectF NeuronPanelItem::leftArrow() const
{
    return QRectF(kPad - 2.0, kPad + kHeadline, kArrow, kTile);
}

QRectF NeuronPanelItem::rightArrow() const
{
    return QRectF(tileRect(visibleCount()).left() - kPanelGap + 2.0, kPad + kHeadline, kArrow, kTile);
}

QRectF NeuronPanelItem::boundingRect() const
{
    if (!message_.isEmpty())
        return QRectF(0, 0, kMessageWidth, kNodeHeight);
    const double width = tileRect(std::max(visibleCount(), 1)).left() - kPanelGap + kPad + (scrolls() ? kArrow : 0.0);
    return QRectF(0, 0, std::max(width, 120.0), kPad * 2 + kHeadline + kTile);
}

// On the panel's edges, below and above the tile: a link never crosses the headline.
QPointF NeuronPanelItem::unitBottom(int unit) const
{
    return mapToScene(QPointF(tileRect(unit - first_).center().x(), boundingRect().bottom()));
}

QPointF NeuronPanelItem::unitTop(int unit) const
{
    return mapToScene(QPointF(tileRect(unit - first_).center().x(), boundingRect().top()));
}

int NeuronPanelItem::unitAt(QPointF local) const
{
    for (int slot = 0; slot < visibleCount(); ++slot)
        if (tileRect(slot).contains(local))
            return first_ + slot;
    return -1;
}

QString NeuronPanelItem::headline() const
{
    if (units_ <= visibleCount())
        return units_ == 1 ? NeuronPanelText::tr("1 unit") : NeuronPanelText::tr("%1 units").arg(units_);
    return NeuronPanelText::tr("units %1–%2 of %3").arg(first_ + 1).arg(first_ + visibleCount()).arg(units_);
}

void NeuronPanelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF frame = boundingRect();
    painter->setPen(QPen(gridColor(), 1.0));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(frame, kCornerRadius, kCornerRadius);
    painter->setFont(shapeFont());
    painter->setPen(mutedTextColor());
    if (!message_.isEmpty()) {
        painter->drawText(frame.adjusted(kPad, kPad / 2, -kPad, -kPad / 2), Qt::AlignVCenter | Qt::TextWordWrap, message_);
        return;
    }
    QString top = headline();
    if (hasMaps())
        top += QStringLiteral("   ±%1").arg(double(scale_), 0, 'g', 2);
    painter->drawText(QRectF(kPad, kPad - 2.0, frame.width() - 2 * kPad, kHeadline), Qt::AlignLeft | Qt::AlignVCenter, top);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    for (int slot = 0; slot < visibleCount(); ++slot) {
        const QRectF tile = tileRect(slot);
        const size_t unit = static_cast<size_t>(first_ + slot);
        if (unit < images_.size())
            painter->drawImage(tile, images_[unit]);
        else
            painter->fillRect(tile, backgroundColor());
        painter->setPen(QPen(gridColor(), 1.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(tile);
    }
    if (!scrolls())
        return;
    painter->setFont(nameFont());
    const QColor on = textColor(), off = gridColor();
    painter->setPen(first_ > 0 ? on : off);
    painter->drawText(leftArrow(), Qt::AlignCenter, QStringLiteral("‹"));
    painter->setPen(first_ + visibleCount() < std::min(units_, kMaxNeuronUnits) ? on : off);
    painter->drawText(rightArrow(), Qt::AlignCenter, QStringLiteral("›"));
}

// The arrows page through a large layer; a press elsewhere goes on to the card (select, move).
void NeuronPanelItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (scrolls() && leftArrow().contains(event->pos()))
        scrollTo(first_ - visibleCount());
    else if (scrolls() && rightArrow().contains(event->pos()))
        scrollTo(first_ + visibleCount());
    else {
        event->ignore();
        return;
    }
    event->accept();
}

void NeuronPanelItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int unit = unitAt(event->pos());
    if (unit < 0 || !hasMaps() || static_cast<size_t>(unit) >= images_.size()) {
        setToolTip(scrolls() ? NeuronPanelText::tr("Scroll with the mouse wheel or the arrows to see the other units.") : QString());
        return;
    }
    const size_t cells = static_cast<size_t>(grid_) * static_cast<size_t>(grid_);
    const auto begin = values_.begin() + static_cast<std::ptrdiff_t>(unit * cells);
    const auto [low, high] = std::minmax_element(begin, begin + static_cast<std::ptrdiff_t>(cells));
    setToolTip(NeuronPanelText::tr("<b>Unit %1</b>: its output over the input plane, from %2 to %3.<br>Blue: positive, orange: "
                  "negative, white: 0 (full colour at ±%4, the layer's largest value).")
                   .arg(unit + 1)
                   .arg(double(*low), 0, 'g', 3)
                   .arg(double(*high), 0, 'g', 3)
                   .arg(double(scale_), 0, 'g', 3));
}
