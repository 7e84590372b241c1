// The canvas widget: drops, zoom, pan and the grid.
#include "graphview.h"

#include "canvasstyle.h"
#include "graphscene.h"

#include "commands/addnodecommand.h"
#include "document/graphdocument.h"
#include "document/mimetypes.h"

#include "nn/registry.h"

#include <QDragEnterEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QMimeData>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 3.0;
constexpr double kZoomStep = 1.2;
constexpr double kViewMargin = 2000.0;  // room to pan beyond the nodes

// The registered kind a drag carries, or "" when it carries none.
std::string droppedKind(const QMimeData *data)
{
    if (!data || !data->hasFormat(kLayerKindMimeType))
        return {};
    const std::string kind = data->data(kLayerKindMimeType).toStdString();
    return nn::layerRegistry().contains(kind) ? kind : std::string();
}

} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent) : QGraphicsView(scene, parent), scene_(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);  // the wheel anchors at the cursor itself
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setSceneRect(-kViewMargin, -kViewMargin, 2 * kViewMargin, 2 * kViewMargin);
    connect(scene_, &QGraphicsScene::changed, this, &GraphView::growSceneRect);
}

void GraphView::zoomIn() { zoomBy(kZoomStep); }
void GraphView::zoomOut() { zoomBy(1.0 / kZoomStep); }

void GraphView::resetZoom()
{
    setTransform(QTransform());
    fitted_ = false;
}

void GraphView::fitToContents()
{
    growSceneRect();  // the scene may have grown since the last repaint
    const QRectF area = scene_->nodesBoundingRect();
    if (area.isEmpty()) {
        resetZoom();
        centerOn(0.0, 0.0);
        fitted_ = true;
        return;
    }
    fitInView(area.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
    if (zoom() > 1.0) {  // a small network at its natural size, not blown up
        resetZoom();
        centerOn(area.center());
    } else if (zoom() < kMinZoom) {
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
        centerOn(area.center());
    }
    fitted_ = true;
}

QPointF GraphView::visibleCentre() const
{
    return mapToScene(viewport()->rect().center());
}

void GraphView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    fitted_ = false;
}

void GraphView::growSceneRect()
{
    const QRectF wanted = scene_->nodesBoundingRect().adjusted(-kViewMargin, -kViewMargin, kViewMargin, kViewMargin);
    if (!sceneRect().contains(wanted))
        setSceneRect(sceneRect().united(wanted));
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (fitted_)
        fitToContents();
}

void GraphView::dragEnterEvent(QDragEnterEvent *event)
{
    if (scene_->isReadOnly() || droppedKind(event->mimeData()).empty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void GraphView::dragMoveEvent(QDragMoveEvent *event)
{
    if (scene_->isReadOnly() || droppedKind(event->mimeData()).empty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void GraphView::dropEvent(QDropEvent *event)
{
    const std::string kind = droppedKind(event->mimeData());
    if (kind.empty() || scene_->isReadOnly()) {
        event->ignore();
        return;
    }
    const QPointF at = canvasstyle::snappedToGrid(mapToScene(event->position().toPoint()));
    auto *command = new AddNodeCommand(scene_->document(), kind, at, scene_->networkAt(at));  // into the frame it lands in
    scene_->document()->undoStack()->push(command);
    scene_->selectNodes({command->nodeId()});
    event->acceptProposedAction();
    setFocus();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // Zoom, then scroll so the scene point under the cursor is under it again.
    const QPointF cursor = event->position();
    const QPointF under = mapToScene(cursor.toPoint());
    zoomBy(std::pow(kZoomStep, steps));
    const QPointF drift = QPointF(mapFromScene(under)) - cursor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_)) {
        panning_ = true;
        fitted_ = false;
        panFrom_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (panning_) {
        const QPoint delta = event->position().toPoint() - panFrom_;
        panFrom_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (panning_) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        if (!panning_)
            viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, canvasstyle::backgroundColor());
    if (zoom() < 0.45)
        return;  // too dense to help
    const double step = 4 * canvasstyle::kGridStep;
    painter->setPen(QPen(canvasstyle::gridColor(), 1.5 / zoom()));
    QVector<QPointF> dots;
    for (double x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (double y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    painter->drawPoints(dots);
}

// An empty canvas says what to do first.
void GraphView::drawForeground(QPainter *painter, const QRectF &)
{
    if (scene_->isReadOnly()) {
        drawReadOnlyBanner(painter);
        return;
    }
    if (!scene_->nodesBoundingRect().isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(canvasstyle::mutedTextColor());
    painter->setFont(canvasstyle::nameFont());
    painter->drawText(viewport()->rect(), Qt::AlignCenter,
                      tr("Drag layers here from the palette,\nstarting with an Input."));
    painter->restore();
}

// A strip across the top of the canvas while training, so no one wonders why edits do nothing.
void GraphView::drawReadOnlyBanner(QPainter *painter)
{
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = canvasstyle::nameFont();
    painter->setFont(font);
    const QFontMetrics metrics(font);
    // The short text on a narrow canvas (the Train layout gives a small network a small one).
    QString text = tr("Training — stop to edit the network");
    if (metrics.horizontalAdvance(text) + 52 > viewport()->width())
        text = tr("Training — stop to edit");
    text = metrics.elidedText(text, Qt::ElideRight, std::max(0, viewport()->width() - 52));
    const int width = metrics.horizontalAdvance(text) + 32, height = metrics.height() + 14;
    const QRect banner((viewport()->width() - width) / 2, 10, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(canvasstyle::selectionColor());
    painter->drawRoundedRect(banner, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(banner, Qt::AlignCenter, text);
    painter->restore();
}
