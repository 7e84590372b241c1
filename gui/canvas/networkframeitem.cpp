// Painting a GAN network's frame: a tinted rounded rectangle with its name and role on top.
#include "networkframeitem.h"

#include "canvasstyle.h"

#include "document/ganstatus.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

NetworkFrameItem::NetworkFrameItem(std::string network, QGraphicsItem *parent)
    : QGraphicsItem(parent), network_(std::move(network)), label_(ganstatus::frameName(network_)),
      color_(canvasstyle::networkColor(network_))
{
    caption_ = network_ == "generator" ? QObject::tr("noise in, fake samples out") : QObject::tr("sample in, real or fake? out");
    setZValue(-2.0);  // under edges (0) and nodes (1)
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(network_ == "generator"
                   ? QObject::tr("The generator G turns noise into samples. Drop layers here to add them to G.")
                   : QObject::tr("The discriminator D tells real samples from G's. Drop layers here to add them to D."));
}

QRectF NetworkFrameItem::frameAround(const QRectF &nodes)
{
    if (nodes.isEmpty())
        return {};
    return nodes.adjusted(-kMargin, -kMargin - kLabelHeight, kMargin, kMargin);
}

void NetworkFrameItem::setNodesArea(const QRectF &nodes)
{
    const QRectF rect = frameAround(nodes);
    if (rect == rect_)
        return;
    prepareGeometryChange();
    rect_ = rect;
    setVisible(!rect_.isEmpty());
}

QRectF NetworkFrameItem::boundingRect() const
{
    return rect_.adjusted(-2.0, -2.0, 2.0, 2.0);
}

void NetworkFrameItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color_;
    fill.setAlpha(20);
    painter->setBrush(fill);
    painter->setPen(QPen(color_, 2.0));
    painter->drawRoundedRect(rect_, 14.0, 14.0);

    QFont title = QApplication::font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    const QFontMetricsF titleMetrics(title);
    const QRectF name(rect_.left() + 14.0, rect_.top() + 6.0, rect_.width() - 28.0, titleMetrics.height());
    painter->setFont(title);
    painter->setPen(color_.darker(130));
    painter->drawText(name, Qt::AlignLeft | Qt::AlignVCenter, titleMetrics.elidedText(label_, Qt::ElideRight, name.width()));
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetricsF smallMetrics(small);
    const QRectF role(name.left(), name.bottom(), name.width(), smallMetrics.height());
    painter->setFont(small);
    painter->setPen(canvasstyle::mutedTextColor());
    painter->drawText(role, Qt::AlignLeft | Qt::AlignVCenter, smallMetrics.elidedText(caption_, Qt::ElideRight, role.width()));
}
