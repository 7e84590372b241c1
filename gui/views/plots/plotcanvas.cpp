// Painting of the live views' 2-D plots.
#include "views/plots/plotcanvas.h"

#include "views/classcolors.h"

#include "canvas/canvasstyle.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kTopMargin = 8.0, kRightMargin = 10.0, kLegendGap = 8.0;

} // namespace

// About five round tick values (1, 2 or 5 × 10ⁿ apart) inside [low, high].
std::vector<double> plotTicks(double low, double high)
{
    const double span = high - low;
    if (!(span > 0.0) || !std::isfinite(span))
        return {low};
    const double rough = span / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / magnitude;
    const double step = (fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0) * magnitude;
    std::vector<double> values;
    for (double v = std::ceil(low / step) * step; v <= high + step * 1e-6; v += step)
        values.push_back(std::abs(v) < step * 1e-6 ? 0.0 : v);
    return values;
}


PlotCanvas::PlotCanvas(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PlotCanvas::setData(PlotData data)
{
    data_ = std::move(data);
    update();
}

void PlotCanvas::setShowsValidation(bool shows)
{
    showsValidation_ = shows;
    update();
}

QFont PlotCanvas::labelFont() const
{
    QFont font = this->font();  // follows the application's (Present enlarges it)
    font.setPointSizeF(std::max(8.0, 0.9 * font.pointSizeF()));
    return font;
}

QStringList PlotCanvas::legendEntries() const
{
    QStringList entries = data_.classNames;
    if (data_.splitLegend)
        entries << tr("● train");
    if (data_.splitLegend && showsValidation_)
        entries << tr("○ validation");
    if (!data_.curve.empty())
        entries << tr("— model");
    return entries;
}

// The legend's box, which sits beside the plot or below it, so that it never covers the data.
QSizeF PlotCanvas::legendSize() const
{
    const QStringList entries = legendEntries();
    if (entries.isEmpty())
        return {};
    const QFontMetricsF metrics(labelFont());
    double textWidth = 0.0;
    for (const QString &entry : entries)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(entry));
    const double swatch = data_.classNames.isEmpty() ? 0.0 : 14.0;
    return {textWidth + swatch + 10, (metrics.height() + 1) * entries.size() + 6};
}

QMarginsF PlotCanvas::axisMargins() const
{
    const QFontMetricsF metrics(labelFont());
    return {3.3 * metrics.height() + 4, kTopMargin, kRightMargin, 2.4 * metrics.height() + 4};
}

// Below when that leaves the plot more room than beside it (a tall, narrow widget).
bool PlotCanvas::legendBelow() const
{
    const QSizeF legend = legendSize();
    const QMarginsF m = axisMargins();
    const double w = width() - m.left() - m.right(), h = height() - m.top() - m.bottom();
    return std::min(w, h - legend.height() - kLegendGap) > std::min(w - legend.width() - kLegendGap, h);
}

QRectF PlotCanvas::plotRect() const
{
    const QMarginsF m = axisMargins();
    QRectF plot = QRectF(rect()).marginsRemoved(m);
    if (const QSizeF legend = legendSize(); !legend.isEmpty()) {
        if (legendBelow())
            plot.setBottom(plot.bottom() - legend.height() - kLegendGap);
        else
            plot.setRight(plot.right() - legend.width() - kLegendGap);
    }
    if (data_.equalAspect && data_.xMax > data_.xMin && data_.yMax > data_.yMin) {
        const double unit = std::min(plot.width() / (data_.xMax - data_.xMin), plot.height() / (data_.yMax - data_.yMin));
        const QSizeF size((data_.xMax - data_.xMin) * unit, (data_.yMax - data_.yMin) * unit);
        plot = QRectF(plot.left() + (plot.width() - size.width()) / 2, plot.top() + (plot.height() - size.height()) / 2,
                      size.width(), size.height());
    }
    return plot;
}

QPointF PlotCanvas::toWidget(double x, double y, const QRectF &plot) const
{
    const double u = (x - data_.xMin) / (data_.xMax - data_.xMin);
    const double v = (y - data_.yMin) / (data_.yMax - data_.yMin);
    return {plot.left() + u * plot.width(), plot.bottom() - v * plot.height()};
}

void PlotCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF plot = plotRect();
    if (plot.width() < 10 || plot.height() < 10)
        return;
    if (!data_.heatMap.isNull())
        painter.drawImage(plot, data_.heatMap);
    else
        painter.fillRect(plot, canvasstyle::backgroundColor());
    drawAxes(painter, plot);
    painter.save();
    painter.setClipRect(plot.adjusted(-6, -6, 6, 6));
    drawPoints(painter, plot);
    drawCurve(painter, plot);  // over the points: the model is what a student looks for
    painter.restore();
    drawLegend(painter);
}

void PlotCanvas::drawAxes(QPainter &painter, const QRectF &plot) const
{
    painter.setPen(QPen(canvasstyle::edgeColor(), 1.0));
    painter.drawRect(plot);
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    for (double x : plotTicks(data_.xMin, data_.xMax)) {
        const QPointF at = toWidget(x, data_.yMin, plot);
        painter.setPen(canvasstyle::edgeColor());
        painter.drawLine(at, at + QPointF(0, 4));
        painter.setPen(canvasstyle::mutedTextColor());
        const QString text = QString::number(x, 'g', 3);
        painter.drawText(QPointF(at.x() - metrics.horizontalAdvance(text) / 2, at.y() + 4 + metrics.ascent()), text);
    }
    for (double y : plotTicks(data_.yMin, data_.yMax)) {
        const QPointF at = toWidget(data_.xMin, y, plot);
        painter.setPen(canvasstyle::edgeColor());
        painter.drawLine(at, at - QPointF(4, 0));
        painter.setPen(canvasstyle::mutedTextColor());
        const QString text = QString::number(y, 'g', 3);
        painter.drawText(QPointF(at.x() - 6 - metrics.horizontalAdvance(text), at.y() + metrics.ascent() / 2 - 1), text);
    }
    painter.setPen(canvasstyle::textColor());
    painter.drawText(QRectF(plot.left(), plot.bottom() + 6 + metrics.height(), plot.width(), metrics.height()), Qt::AlignCenter, data_.xLabel);
    painter.save();
    painter.translate(metrics.height() / 2 + 2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()), Qt::AlignCenter, data_.yLabel);
    painter.restore();
}

void PlotCanvas::drawPoints(QPainter &painter, const QRectF &plot) const
{
    const double radius = data_.points.size() > 1000 ? 2.5 : 3.5;
    const double span = data_.valueMax - data_.valueMin;
    for (const PlotPoint &point : data_.points) {
        if (point.validation && !showsValidation_)
            continue;
        const QColor colour = data_.classNames.isEmpty() ? classcolors::valueColor(span > 0 ? (point.value - data_.valueMin) / span : 0.5)
                                                         : classcolors::classColor(point.classIndex);
        const QPointF at = toWidget(point.x, point.y, plot);
        if (point.validation) {
            painter.setPen(QPen(Qt::white, 3.2));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at, radius, radius);
            painter.setPen(QPen(colour.darker(115), 1.8));
        } else {
            painter.setPen(QPen(Qt::white, 1.0));
            painter.setBrush(colour);
        }
        painter.drawEllipse(at, radius, radius);
    }
}

void PlotCanvas::drawCurve(QPainter &painter, const QRectF &plot) const
{
    if (data_.curve.size() < 2)
        return;
    QPainterPath path(toWidget(data_.curve.front().x(), data_.curve.front().y(), plot));
    for (const QPointF &p : data_.curve)
        path.lineTo(toWidget(p.x(), p.y(), plot));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(canvasstyle::textColor(), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
}

QRectF PlotCanvas::legendRect() const
{
    if (legendEntries().isEmpty())
        return {};
    const QRectF plot = plotRect();
    if (legendBelow())
        return {QPointF(plot.left(), plot.bottom() + axisMargins().bottom() + kLegendGap / 2), legendSize()};
    return {QPointF(plot.right() + kLegendGap, plot.top()), legendSize()};
}

void PlotCanvas::drawLegend(QPainter &painter) const
{
    const QStringList entries = legendEntries();
    if (entries.isEmpty())
        return;
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() + 1, swatch = data_.classNames.isEmpty() ? 0.0 : 14.0;
    const QRectF box = legendRect();
    painter.setPen(QPen(canvasstyle::gridColor(), 1.0));
    painter.setBrush(QColor(255, 255, 255, 215));
    painter.drawRoundedRect(box, 4, 4);
    for (int i = 0; i < entries.size(); ++i) {
        const double y = box.top() + 3 + i * line;
        if (i < data_.classNames.size()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(classcolors::classColor(i));
            painter.drawEllipse(QPointF(box.left() + 10, y + line / 2), 4, 4);
        }
        painter.setPen(canvasstyle::textColor());
        painter.drawText(QPointF(box.left() + 5 + swatch, y + metrics.ascent()), entries[i]);
    }
}
