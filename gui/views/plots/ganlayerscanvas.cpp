// Painting of the GAN's layered distributions, bottom to top: verdict, manifold, real, generated, arrows.
#include "views/plots/ganlayerscanvas.h"

#include "views/plots/plotcanvas.h"

#include "canvas/canvasstyle.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

const QColor kRealColour(0x00, 0x88, 0x37);      // GAN Lab's green
const QColor kFakeColour(0x7b, 0x32, 0x94);      // and purple
const QColor kPushColour(0xe7, 0x29, 0x8a);      // the gradient's pink
constexpr double kFrameMargin = 6.0;

bool finitePoint(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

// The area of the quadrilateral a, b, c, d (the shoelace formula).
double quadArea(QPointF a, QPointF b, QPointF c, QPointF d)
{
    const QPointF q[4] = {a, b, c, d};
    double twice = 0.0;
    for (int k = 0; k < 4; ++k)
        twice += q[k].x() * q[(k + 1) % 4].y() - q[k].y() * q[(k + 1) % 4].x();
    return 0.5 * std::abs(twice);
}

} // namespace

GanLayersCanvas::GanLayersCanvas(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GanLayersCanvas::setSnapshot(GanLayersSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    fitDrawingPlane();
    update();
}

void GanLayersCanvas::setDrawing(bool on, std::vector<QPointF> points)
{
    drawing_ = on;
    drawn_ = std::move(points);
    if (!on) {
        stroke_.clear();
        brush_.reset();
    }
    fitDrawingPlane();
    updateCursor();
    update();
}

void GanLayersCanvas::setDrawingEnabled(bool enabled)
{
    drawingEnabled_ = enabled;
    if (!enabled) {  // a run starts mid-drag: the stroke is dropped, not half painted
        stroke_.clear();
        brush_.reset();
    }
    updateCursor();
    update();
}

void GanLayersCanvas::setDrawingHint(const QString &hint)
{
    hint_ = hint;
    update();
}

// Drawing without a snapshot of layers (no data yet, or too few points to prepare): a fixed plane.
void GanLayersCanvas::fitDrawingPlane()
{
    if (!drawing_ || snapshot_.kind == GanLayersSnapshot::Kind::Layers)
        return;
    snapshot_.xMin = snapshot_.yMin = -kGanDrawnHalfWidth;
    snapshot_.xMax = snapshot_.yMax = kGanDrawnHalfWidth;
    snapshot_.xLabel = QStringLiteral("x1");
    snapshot_.yLabel = QStringLiteral("x2");
}

void GanLayersCanvas::updateCursor()
{
    if (isDrawingEnabled())
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
}

void GanLayersCanvas::mousePressEvent(QMouseEvent *event)
{
    if (!isDrawingEnabled() || event->button() != Qt::LeftButton || !plotRect().contains(event->position())) {
        QWidget::mousePressEvent(event);
        return;
    }
    // Seeded by how many points there are: the same stroke on the same drawing paints the same points.
    brush_.emplace(drawn_.size(), snapshot_.xMax - snapshot_.xMin);
    stroke_ = brush_->begin(toPlane(event->position()));
    update();
}

void GanLayersCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!brush_) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QRectF plot = plotRect();
    const QPointF at(std::clamp(event->position().x(), plot.left(), plot.right()),
                     std::clamp(event->position().y(), plot.top(), plot.bottom()));
    for (const QPointF &p : brush_->moveTo(toPlane(at)))
        stroke_.push_back(p);
    update();
}

void GanLayersCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (!brush_ || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    brush_.reset();
    const std::vector<QPointF> stroke = std::exchange(stroke_, {});
    if (!stroke.empty())
        emit strokeDrawn(stroke);
    update();
}

void GanLayersCanvas::setLayerShown(Layer layer, bool shown)
{
    shown_[static_cast<size_t>(layer)] = shown;
    update();
}

QFont GanLayersCanvas::labelFont() const
{
    QFont font = this->font();
    font.setPointSizeF(std::max(8.0, 0.9 * font.pointSizeF()));
    return font;
}

QRectF GanLayersCanvas::plotRect() const
{
    const QFontMetricsF metrics(labelFont());
    const double left = metrics.horizontalAdvance(QStringLiteral("−0.00")) + 2 * metrics.height() / 2 + 8;
    const double bottom = 2 * metrics.height() + 10;
    const QRectF room = QRectF(rect()).adjusted(left, kFrameMargin, -kFrameMargin, -bottom);
    const double side = std::max(10.0, std::min(room.width(), room.height()));
    return {room.left() + (room.width() - side) / 2, room.top() + (room.height() - side) / 2, side, side};
}

QPointF GanLayersCanvas::toWidget(QPointF plane) const
{
    const QRectF plot = plotRect();
    const GanLayersSnapshot &s = snapshot_;
    return {plot.left() + (plane.x() - s.xMin) / (s.xMax - s.xMin) * plot.width(),
            plot.bottom() - (plane.y() - s.yMin) / (s.yMax - s.yMin) * plot.height()};
}

QPointF GanLayersCanvas::toPlane(QPointF widget) const
{
    const QRectF plot = plotRect();
    const GanLayersSnapshot &s = snapshot_;
    return {s.xMin + (widget.x() - plot.left()) / plot.width() * (s.xMax - s.xMin),
            s.yMin + (plot.bottom() - widget.y()) / plot.height() * (s.yMax - s.yMin)};
}

void GanLayersCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF plot = plotRect();
    painter.fillRect(plot, Qt::white);
    if (isLayerShown(Layer::Verdict) && !snapshot_.heatMap.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(plot, snapshot_.heatMap);
    }
    painter.save();
    painter.setClipRect(plot);
    if (isLayerShown(Layer::Manifold))
        drawManifold(painter);
    if (isLayerShown(Layer::Real) && drawing_) {
        drawPoints(painter, drawn_, kRealColour);
        drawPoints(painter, stroke_, kRealColour);
    } else if (isLayerShown(Layer::Real)) {
        drawPoints(painter, snapshot_.real, kRealColour);
    }
    if (isLayerShown(Layer::Fake))
        drawPoints(painter, snapshot_.fake, kFakeColour);
    if (isLayerShown(Layer::Push))
        drawPush(painter);
    painter.restore();
    drawFrame(painter, plot);
    if (drawing_)
        drawHint(painter, plot);
}

// One line at the top of the plot, on a light band so that it reads over any layer.
void GanLayersCanvas::drawHint(QPainter &painter, const QRectF &plot) const
{
    if (hint_.isEmpty())
        return;
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    const QString text = metrics.elidedText(hint_, Qt::ElideRight, plot.width() - 12);
    const QRectF band(plot.left() + 1, plot.top() + 1, plot.width() - 2, metrics.height() + 8);
    painter.fillRect(band, QColor(255, 255, 255, 215));
    painter.setPen(canvasstyle::textColor());
    painter.drawText(band, Qt::AlignCenter, text);
}

void GanLayersCanvas::drawFrame(QPainter &painter, const QRectF &plot) const
{
    const GanLayersSnapshot &s = snapshot_;
    painter.setPen(QPen(canvasstyle::edgeColor(), 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    painter.setPen(canvasstyle::mutedTextColor());
    for (double x : plotTicks(s.xMin, s.xMax)) {
        const QPointF at = toWidget({x, s.yMin});
        const QString text = QString::number(x, 'g', 3);
        painter.drawText(QPointF(at.x() - metrics.horizontalAdvance(text) / 2, at.y() + 4 + metrics.ascent()), text);
    }
    for (double y : plotTicks(s.yMin, s.yMax)) {
        const QPointF at = toWidget({s.xMin, y});
        const QString text = QString::number(y, 'g', 3);
        painter.drawText(QPointF(at.x() - 6 - metrics.horizontalAdvance(text), at.y() + metrics.ascent() / 2 - 1), text);
    }
    painter.setPen(canvasstyle::textColor());
    painter.drawText(QRectF(plot.left(), plot.bottom() + 6 + metrics.height(), plot.width(), metrics.height()),
                     Qt::AlignCenter, s.xLabel);
    painter.save();
    painter.translate(plot.left() - metrics.horizontalAdvance(QStringLiteral("−0.00")) - 10 - metrics.height() / 2,
                      plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()), Qt::AlignCenter,
                     s.yLabel);
    painter.restore();
}

// GAN Lab's manifold: each mesh cell filled purple, darker where G squeezes noise into a small area
// (where it puts many samples), and the mesh lines on top.
void GanLayersCanvas::drawManifold(QPainter &painter) const
{
    const GanLayersSnapshot &s = snapshot_;
    const int cells = s.manifoldCells, side = cells + 1;
    if (cells <= 0 || s.manifold.size() != size_t(side) * size_t(side))
        return;
    auto vertex = [&](int i, int j) { return s.manifold[size_t(j) * size_t(side) + size_t(i)]; };
    std::vector<double> areas;
    double total = 0.0;
    for (int j = 0; j < cells; ++j)
        for (int i = 0; i < cells; ++i) {
            const double a = quadArea(vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1), vertex(i, j + 1));
            areas.push_back(std::isfinite(a) ? a : 0.0);
            total += areas.back();
        }
    const double mean = total / (cells * cells);
    painter.setPen(Qt::NoPen);
    for (int j = 0; j < cells && mean > 0.0; ++j)
        for (int i = 0; i < cells; ++i) {
            const double relative = areas[size_t(j) * size_t(cells) + size_t(i)] / mean;
            QColor fill = kFakeColour;
            fill.setAlphaF(float(std::clamp(0.12 / std::max(relative, 1e-3), 0.03, 0.45)));
            painter.setBrush(fill);
            const QPointF quad[4] = {toWidget(vertex(i, j)), toWidget(vertex(i + 1, j)), toWidget(vertex(i + 1, j + 1)),
                                     toWidget(vertex(i, j + 1))};
            painter.drawPolygon(quad, 4);
        }
    QColor line = kFakeColour;
    line.setAlphaF(0.45f);
    painter.setPen(QPen(line, 0.8));
    painter.setBrush(Qt::NoBrush);
    for (int j = 0; j < side; ++j) {
        QPainterPath row, column;
        for (int i = 0; i < side; ++i) {
            const QPointF r = toWidget(vertex(i, j)), c = toWidget(vertex(j, i));
            i == 0 ? row.moveTo(r) : row.lineTo(r);
            i == 0 ? column.moveTo(c) : column.lineTo(c);
        }
        painter.drawPath(row);
        painter.drawPath(column);
    }
}

void GanLayersCanvas::drawPoints(QPainter &painter, const std::vector<QPointF> &points, const QColor &colour) const
{
    painter.setPen(QPen(Qt::white, 0.8));
    painter.setBrush(colour);
    for (const QPointF &p : points)
        if (finitePoint(p))
            painter.drawEllipse(toWidget(p), 3.2, 3.2);
}

void GanLayersCanvas::drawPush(QPainter &painter) const
{
    const GanLayersSnapshot &s = snapshot_;
    std::vector<double> norms;
    for (const QPointF &g : s.push)
        if (finitePoint(g))
            norms.push_back(std::hypot(g.x(), g.y()));
    if (norms.empty() || s.push.size() != s.fake.size())
        return;
    // A few samples near D's steepest slope get far larger gradients than the rest: the typical
    // (90th percentile) arrow sets the scale, and the longest are cut at kLongestArrow.
    const auto typical = norms.begin() + std::ptrdiff_t(0.9 * double(norms.size() - 1));
    std::nth_element(norms.begin(), typical, norms.end());
    if (!(*typical > 0.0))
        return;
    const double width = s.xMax - s.xMin, unit = kTypicalArrow * width / *typical;
    painter.setPen(QPen(kPushColour, 1.3, Qt::SolidLine, Qt::RoundCap));
    for (size_t k = 0; k < s.fake.size(); ++k) {
        if (!finitePoint(s.fake[k]) || !finitePoint(s.push[k]))
            continue;
        const double norm = std::hypot(s.push[k].x(), s.push[k].y());
        const double length = std::min(unit * norm, kLongestArrow * width);
        if (!(norm > 0.0))
            continue;
        const QPointF from = toWidget(s.fake[k]), to = toWidget(s.fake[k] + length / norm * s.push[k]);
        const QPointF along = to - from;
        const double pixels = std::hypot(along.x(), along.y());
        painter.drawLine(from, to);
        if (pixels < 4.0)
            continue;
        const QPointF back = along / pixels * 4.0, across(-back.y() * 0.6, back.x() * 0.6);
        painter.drawLine(to, to - back + across);
        painter.drawLine(to, to - back - across);
    }
}
