// ContourPlot: heat map in log-spaced shades, marching-squares contours, paths with a dot per step.
#include "contourplot.h"

#include "views/plots/plotcanvas.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kLevels = 14;

// Light blue (low) to warm sand (high), readable under coloured paths.
QColor shade(double t)
{
    const QColor low(233, 242, 251), high(251, 226, 196);
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(low.redF() + t * (high.redF() - low.redF()), low.greenF() + t * (high.greenF() - low.greenF()),
                            low.blueF() + t * (high.blueF() - low.blueF()));
}

QFont smallFont(const QWidget *widget)
{
    QFont font = widget->font();
    font.setPointSizeF(std::max(7.5, font.pointSizeF() * 0.9));
    return font;
}

} // namespace

ContourPlot::ContourPlot(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ContourPlot::setField(ScalarField field, const QString &xLabel, const QString &yLabel)
{
    field_ = std::move(field);
    xLabel_ = xLabel;
    yLabel_ = yLabel;
    rebuildPicture();
    update();
}

void ContourPlot::setEmptyText(const QString &text)
{
    emptyText_ = text;
    update();
}

void ContourPlot::setPaths(std::vector<PlanePath> paths)
{
    paths_ = std::move(paths);
    update();
}

void ContourPlot::setVisibleSteps(std::optional<int> steps)
{
    visibleSteps_ = steps;
    update();
}

void ContourPlot::setMarker(std::optional<QPointF> marker)
{
    marker_ = marker;
    update();
}

void ContourPlot::rebuildPicture()
{
    contours_.clear();
    heatMap_ = QImage();
    if (field_.width < 2 || field_.height < 2)
        return;
    const std::vector<double> levels = contourLevels(field_, kLevels);
    for (double level : levels)
        contours_.push_back(contourLines(field_, level));
    heatMap_ = QImage(field_.width, field_.height, QImage::Format_RGB32);
    for (int j = 0; j < field_.height; ++j)
        for (int i = 0; i < field_.width; ++i) {
            const double value = field_.at(i, j);
            // The shade is the value's rank among the contour levels: the same log spacing.
            const double rank = std::isnan(value) ? 1.0 : double(std::lower_bound(levels.begin(), levels.end(), value) - levels.begin());
            const double t = std::isnan(value) ? 1.0 : rank / std::max<double>(1.0, double(levels.size()));
            heatMap_.setPixel(i, field_.height - 1 - j, shade(t).rgb());
        }
}

QRectF ContourPlot::plotRect() const
{
    const QFontMetricsF metrics(smallFont(this));
    const double left = metrics.horizontalAdvance(QStringLiteral("−0.000")) + metrics.height() + 10;
    const double bottom = 2 * metrics.height() + 10;
    return QRectF(left, 8, std::max(10.0, width() - left - 12), std::max(10.0, height() - bottom - 8));
}

QPointF ContourPlot::toWidget(QPointF point, const QRectF &plot) const
{
    const double x = (point.x() - field_.xMin) / (field_.xMax - field_.xMin);
    const double y = (point.y() - field_.yMin) / (field_.yMax - field_.yMin);
    return {plot.left() + x * plot.width(), plot.bottom() - y * plot.height()};
}

void ContourPlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::Antialiasing);
    if (heatMap_.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, emptyText_);
        return;
    }
    const QRectF plot = plotRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // Grid points sit on the plot's corners: the image's pixel centres go from edge to edge.
    const double cellW = plot.width() / (field_.width - 1), cellH = plot.height() / (field_.height - 1);
    painter.save();
    painter.setClipRect(plot);
    painter.drawImage(plot.adjusted(-cellW / 2, -cellH / 2, cellW / 2, cellH / 2), heatMap_);
    drawContours(painter, plot);
    drawPaths(painter, plot);
    painter.restore();
    drawAxes(painter, plot);
    drawLegend(painter, plot);
}

void ContourPlot::drawContours(QPainter &painter, const QRectF &plot) const
{
    const double sx = plot.width() / (field_.width - 1), sy = plot.height() / (field_.height - 1);
    painter.setPen(QPen(QColor(120, 130, 150, 150), 1.0));
    for (const auto &lines : contours_)
        for (const QLineF &line : lines)
            painter.drawLine(QPointF(plot.left() + line.x1() * sx, plot.bottom() - line.y1() * sy),
                             QPointF(plot.left() + line.x2() * sx, plot.bottom() - line.y2() * sy));
    if (marker_) {
        const QPointF at = toWidget(*marker_, plot);
        painter.setPen(QPen(Qt::black, 2.0));
        painter.drawLine(at + QPointF(-6, -6), at + QPointF(6, 6));
        painter.drawLine(at + QPointF(-6, 6), at + QPointF(6, -6));
    }
}

void ContourPlot::drawPaths(QPainter &painter, const QRectF &plot) const
{
    for (const PlanePath &path : paths_) {
        const size_t shown = visibleSteps_ ? std::min(path.points.size(), size_t(*visibleSteps_) + 1) : path.points.size();
        if (shown == 0)
            continue;
        QPainterPath line(toWidget(path.points[0], plot));
        for (size_t k = 1; k < shown; ++k)
            line.lineTo(toWidget(path.points[k], plot));
        painter.setPen(QPen(path.color, 1.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(line);
        // A dot on every step while they stay apart; the start hollow, the end large.
        painter.setPen(Qt::NoPen);
        painter.setBrush(path.color);
        if (shown <= 600)
            for (size_t k = 1; k + 1 < shown; ++k)
                painter.drawEllipse(toWidget(path.points[k], plot), 2.0, 2.0);
        painter.drawEllipse(toWidget(path.points[shown - 1], plot), 5.0, 5.0);
        painter.setPen(QPen(path.color, 2.0));
        painter.setBrush(Qt::white);
        painter.drawEllipse(toWidget(path.points[0], plot), 4.0, 4.0);
    }
}

void ContourPlot::drawAxes(QPainter &painter, const QRectF &plot) const
{
    painter.setFont(smallFont(this));
    const QFontMetricsF metrics(painter.font());
    painter.setPen(QPen(palette().color(QPalette::Mid), 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    painter.setPen(palette().color(QPalette::Text));
    for (double x : plotTicks(field_.xMin, field_.xMax)) {
        const QPointF at = toWidget({x, field_.yMin}, plot);
        painter.drawLine(at, at + QPointF(0, 4));
        const QString text = QString::number(x, 'g', 3);
        painter.drawText(QPointF(at.x() - metrics.horizontalAdvance(text) / 2, at.y() + 4 + metrics.ascent()), text);
    }
    for (double y : plotTicks(field_.yMin, field_.yMax)) {
        const QPointF at = toWidget({field_.xMin, y}, plot);
        painter.drawLine(at, at - QPointF(4, 0));
        const QString text = QString::number(y, 'g', 3);
        painter.drawText(QPointF(at.x() - 6 - metrics.horizontalAdvance(text), at.y() + metrics.ascent() / 2 - 1), text);
    }
    painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height() + 2),
                     Qt::AlignHCenter, xLabel_);
    painter.save();
    painter.translate(2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), metrics.height() + 2), Qt::AlignHCenter, yLabel_);
    painter.restore();
}

void ContourPlot::drawLegend(QPainter &painter, const QRectF &plot) const
{
    if (paths_.empty())
        return;
    const QFontMetricsF metrics(painter.font());
    double widest = 0;
    for (const PlanePath &path : paths_)
        widest = std::max(widest, metrics.horizontalAdvance(path.label));
    const double line = metrics.height() + 2;
    const QRectF box(plot.right() - widest - 34, plot.top() + 6, widest + 28, line * double(paths_.size()) + 6);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1.0));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(box);
    for (size_t k = 0; k < paths_.size(); ++k) {
        const double y = box.top() + 3 + line * double(k);
        painter.setPen(QPen(paths_[k].color, 3.0));
        painter.drawLine(QPointF(box.left() + 5, y + line / 2), QPointF(box.left() + 19, y + line / 2));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(box.left() + 24, y + metrics.ascent() + 1), paths_[k].label);
    }
}
