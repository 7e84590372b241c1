// Drawing a node card and finding its ports.
#include "nodeitem.h"

#include "canvasstyle.h"

#include "document/settingtext.h"
#include "document/shapetext.h"

#include "nn/graph.h"

#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

using namespace canvasstyle;

namespace {

const QRectF kBody(-kNodeWidth / 2, -kNodeHeight / 2, kNodeWidth, kNodeHeight);
constexpr double kPortHitRadius = 11.0;  // generous, so ports are easy to grab

// The kind, followed by the choices that differ from their default ("Dense · tanh").
QString kindLine(const nn::Node &node, const nn::LayerSpec &spec)
{
    QString line = QString::fromStdString(node.kind);
    for (const nn::SettingSpec &setting : spec.settings)
        if (setting.type == nn::SettingSpec::Type::Choice && node.settings.value(setting.name) != setting.defaultValue)
            line += QStringLiteral(" · ") + settingText(node.settings.value(setting.name));
    return line;
}

} // namespace

NodeItem::NodeItem(int nodeId, QGraphicsItem *parent) : QGraphicsItem(parent), nodeId_(nodeId)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1.0);  // above edges
}

void NodeItem::setNode(const nn::Node &node, const nn::LayerSpec &spec)
{
    name_ = QString::fromStdString(node.name);
    kind_ = kindLine(node, spec);
    summary_ = QString::fromStdString(spec.summary);
    category_ = QString::fromStdString(spec.category);
    setPos(node.x, node.y);
    updateToolTip();
    update();
}

void NodeItem::setStatus(const nn::NodeStatus &status, bool waiting)
{
    shape_ = shapeText(status.output);
    error_ = QString::fromStdString(status.error);
    waiting_ = waiting && !error_.isEmpty();
    updateToolTip();
    update();
}

void NodeItem::setInputPorts(int count)
{
    if (count == inputPorts_)
        return;
    prepareGeometryChange();
    inputPorts_ = count;
    update();
}

void NodeItem::setConnectedInputs(const std::vector<bool> &connected)
{
    connected_ = connected;
    update();
}

void NodeItem::setHighlightedInput(int port)
{
    if (port != highlighted_) {
        highlighted_ = port;
        update();
    }
}

QPointF NodeItem::inputPortLocal(int port) const
{
    // Spread over the top edge, at most 36 apart, centred.
    const double spacing = std::min(36.0, (kNodeWidth - 24.0) / std::max(inputPorts_, 1));
    const double x = (port - (inputPorts_ - 1) / 2.0) * spacing;
    return {x, kBody.top()};
}

QPointF NodeItem::inputPortPosition(int port) const
{
    return mapToScene(inputPortLocal(port));
}

QPointF NodeItem::outputPortPosition() const
{
    return mapToScene(QPointF(0.0, kBody.bottom()));
}

int NodeItem::inputPortAt(QPointF scenePosition) const
{
    const QPointF local = mapFromScene(scenePosition);
    for (int port = 0; port < inputPorts_; ++port)
        if (QLineF(local, inputPortLocal(port)).length() <= kPortHitRadius)
            return port;
    return -1;
}

bool NodeItem::isOnOutputPort(QPointF scenePosition) const
{
    return QLineF(mapFromScene(scenePosition), QPointF(0.0, kBody.bottom())).length() <= kPortHitRadius;
}

QRectF NodeItem::boundingRect() const
{
    return kBody.adjusted(-kPortHitRadius, -kPortHitRadius, kPortHitRadius, kPortHitRadius);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);  // the ports overlap the card; their union, not holes
    path.addRoundedRect(kBody, kCornerRadius, kCornerRadius);
    for (int port = 0; port < inputPorts_; ++port)
        path.addEllipse(inputPortLocal(port), kPortHitRadius, kPortHitRadius);
    path.addEllipse(QPointF(0.0, kBody.bottom()), kPortHitRadius, kPortHitRadius);
    return path.simplified();
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (waiting_)
        painter->setOpacity(0.55);  // muted: the problem lies upstream or an input is missing
    paintBody(painter);
    paintText(painter);
    paintPorts(painter);
}

void NodeItem::paintBody(QPainter *painter) const
{
    const bool broken = showsError();
    const QColor accent = categoryColor(category_);
    QPainterPath body;
    body.addRoundedRect(kBody, kCornerRadius, kCornerRadius);
    // A soft shadow, then the card.
    painter->fillPath(body.translated(0.0, 2.0), QColor(0, 0, 0, 22));
    painter->fillPath(body, broken ? errorFill() : QColor(Qt::white));
    // The header band in the category's tint.
    QPainterPath header;
    header.addRect(QRectF(kBody.left(), kBody.top(), kBody.width(), kHeaderHeight));
    QColor tint = broken ? errorColor() : accent;
    tint.setAlpha(38);
    painter->fillPath(body.intersected(header), tint);
    painter->setBrush(Qt::NoBrush);
    if (isSelected()) {  // a halo around the card, so an error's red border still shows
        QColor halo = selectionColor();
        halo.setAlpha(110);
        painter->setPen(QPen(halo, 3.0));
        const double gap = 3.5;
        painter->drawRoundedRect(kBody.adjusted(-gap, -gap, gap, gap), kCornerRadius + gap, kCornerRadius + gap);
    }
    painter->setPen(QPen(broken ? errorColor() : isSelected() ? selectionColor() : accent.darker(105),
                         isSelected() || broken ? 2.0 : 1.3));
    painter->drawPath(body);
}

void NodeItem::paintText(QPainter *painter) const
{
    const bool broken = showsError();
    const double inset = 10.0;
    const QRectF header(kBody.left() + inset, kBody.top(), kBody.width() - 2 * inset, kHeaderHeight);
    painter->setFont(kindFont());
    painter->setPen(broken ? errorColor() : categoryColor(category_).darker(135));
    painter->drawText(header, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(kindFont()).elidedText(kind_, Qt::ElideRight, header.width()));

    const QRectF name(kBody.left() + inset, kBody.top() + kHeaderHeight + 2.0, kBody.width() - 2 * inset, 22.0);
    painter->setFont(nameFont());
    painter->setPen(textColor());
    painter->drawText(name, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetricsF(nameFont()).elidedText(name_, Qt::ElideRight, name.width()));

    const QRectF shape(kBody.left() + inset, name.bottom() - 2.0, kBody.width() - 2 * inset, 18.0);
    painter->setFont(shapeFont());
    painter->setPen(broken ? errorColor() : mutedTextColor());
    const QString text = broken ? QObject::tr("shape error") : waiting_ ? QObject::tr("waiting for input") : shape_;
    painter->drawText(shape, Qt::AlignVCenter | Qt::AlignLeft, text);
}

void NodeItem::paintPorts(QPainter *painter) const
{
    const QColor accent = categoryColor(category_);
    for (int port = 0; port < inputPorts_; ++port) {
        const bool used = port < static_cast<int>(connected_.size()) && connected_[static_cast<size_t>(port)];
        const bool hot = port == highlighted_;
        painter->setPen(QPen(hot ? selectionColor() : edgeColor(), 1.5));
        painter->setBrush(hot ? selectionColor() : used ? edgeColor() : QColor(Qt::white));
        const double radius = hot ? kPortRadius + 2.0 : kPortRadius;
        painter->drawEllipse(inputPortLocal(port), radius, radius);
    }
    painter->setPen(QPen(accent.darker(120), 1.5));
    painter->setBrush(accent);
    painter->drawEllipse(QPointF(0.0, kBody.bottom()), kPortRadius, kPortRadius);
}

// A cross over a port says "drag from here to connect".
void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const bool onPort = isOnOutputPort(event->scenePos()) || inputPortAt(event->scenePos()) >= 0;
    setCursor(onPort ? Qt::CrossCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void NodeItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b> — %2").arg(name_.toHtmlEscaped(), summary_.toHtmlEscaped());
    if (!error_.isEmpty())
        tip += QStringLiteral("<p style='color:%1'>%2</p>")
                   .arg(waiting_ ? mutedTextColor().name() : errorColor().name(), error_.toHtmlEscaped());
    else if (!shape_.isEmpty())
        tip += QStringLiteral("<p>") + QObject::tr("Output: %1").arg(shape_) + QStringLiteral("</p>");
    setToolTip(tip);
}
