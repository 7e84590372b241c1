// Drawing a node card and finding its ports.
#include "nodeitem.h"

#include "canvasstyle.h"

#include "document/settingtext.h"
#include "document/shapetext.h"
#include "i18n/enginetext.h"

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

// Along one edge of the card: `count` ports at most 36 apart, centred.
double portX(int port, int count)
{
    const double spacing = std::min(36.0, (kNodeWidth - 24.0) / std::max(count, 1));
    return (port - (count - 1) / 2.0) * spacing;
}

// "N × 4" for one port; "2 × (N × 4)" for equal ports; else the shapes joined.
QString outputsText(const QStringList &shapes)
{
    if (shapes.size() <= 1)
        return shapes.value(0);
    if (shapes.count(shapes.front()) == shapes.size())
        return QStringLiteral("%1 × (%2)").arg(shapes.size()).arg(shapes.front());
    return shapes.join(QStringLiteral(" | "));
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
    summary_ = engineText(spec.summary);
    category_ = QString::fromStdString(spec.category);
    setPos(node.x, node.y);
    updateToolTip();
    update();
}

void NodeItem::setRoleText(const QString &text, const QString &help)
{
    kind_ = text;
    summary_ = help;
    updateToolTip();
    update();
}

void NodeItem::setStatus(const nn::NodeStatus &status, bool waiting)
{
    portShapes_.clear();
    for (const nn::Shape &shape : status.outputs)
        portShapes_ << shapeText(shape);
    shape_ = outputsText(portShapes_);
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

void NodeItem::setOutputPorts(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list << QString::fromStdString(name);
    if (list == outputNames_)
        return;
    prepareGeometryChange();
    outputNames_ = list;
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
    return {portX(port, inputPorts_), kBody.top()};
}

QPointF NodeItem::outputPortLocal(int port) const
{
    // An edge from a port that a setting took away stays at the last port until it is reconnected.
    return {portX(std::clamp(port, 0, std::max(outputPorts() - 1, 0)), outputPorts()), kBody.bottom()};
}

QPointF NodeItem::inputPortPosition(int port) const
{
    return mapToScene(inputPortLocal(port));
}

QPointF NodeItem::outputPortPosition(int port) const
{
    return mapToScene(outputPortLocal(port));
}

int NodeItem::inputPortAt(QPointF scenePosition) const
{
    const QPointF local = mapFromScene(scenePosition);
    for (int port = 0; port < inputPorts_; ++port)
        if (QLineF(local, inputPortLocal(port)).length() <= kPortHitRadius)
            return port;
    return -1;
}

int NodeItem::outputPortAt(QPointF scenePosition) const
{
    const QPointF local = mapFromScene(scenePosition);
    for (int port = 0; port < outputPorts(); ++port)
        if (QLineF(local, outputPortLocal(port)).length() <= kPortHitRadius)
            return port;
    return -1;
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
    for (int port = 0; port < outputPorts(); ++port)
        path.addEllipse(outputPortLocal(port), kPortHitRadius, kPortHitRadius);
    return path.simplified();
}

void NodeItem::setStepMark(StepMark mark)
{
    if (mark == stepMark_)
        return;
    stepMark_ = mark;
    update();
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
    if (stepMark_ != StepMark::None) {  // the stepper's path: a wide orange band, strong where it stands
        const bool current = stepMark_ == StepMark::Current;
        const double gap = current ? 5.0 : 4.0;
        painter->setPen(QPen(QColor(230, 126, 34, current ? 230 : 110), current ? 5.0 : 3.0));
        painter->drawRoundedRect(kBody.adjusted(-gap, -gap, gap, gap), kCornerRadius + gap, kCornerRadius + gap);
    }
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
    for (int port = 0; port < outputPorts(); ++port)
        painter->drawEllipse(outputPortLocal(port), kPortRadius, kPortRadius);
}

// A cross over a port says "drag from here to connect".
void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int output = outputPortAt(event->scenePos());
    const bool onPort = output >= 0 || inputPortAt(event->scenePos()) >= 0;
    setCursor(onPort ? Qt::CrossCursor : Qt::ArrowCursor);
    // Over one of several outputs, the tooltip names it and its shape; elsewhere, the node.
    if (outputPorts() > 1 && output >= 0)
        setToolTip(QObject::tr("Output %1 (%2): drag from here to connect").arg(outputNames_.value(output),
                                                                                 portShapes_.value(output)));
    else
        updateToolTip();
    QGraphicsItem::hoverMoveEvent(event);
}

void NodeItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b> — %2").arg(name_.toHtmlEscaped(), summary_.toHtmlEscaped());
    if (!error_.isEmpty())
        tip += QStringLiteral("<p style='color:%1'>%2</p>")
                   .arg(waiting_ ? mutedTextColor().name() : errorColor().name(), error_.toHtmlEscaped());
    else if (outputPorts() > 1 && portShapes_.size() == outputPorts()) {
        QStringList ports;
        for (int port = 0; port < outputPorts(); ++port)
            ports << QStringLiteral("%1: %2").arg(outputNames_[port], portShapes_[port]).toHtmlEscaped();
        tip += QStringLiteral("<p>") + QObject::tr("Outputs, left to right: %1").arg(ports.join(QStringLiteral(", "))) +
               QStringLiteral("</p>");
    } else if (!shape_.isEmpty())
        tip += QStringLiteral("<p>") + QObject::tr("Output: %1").arg(shape_) + QStringLiteral("</p>");
    setToolTip(tip);
}
