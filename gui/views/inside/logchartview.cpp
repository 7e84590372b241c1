// Each layer's line is split into segments at the values a log axis cannot show: one QLineSeries per
// segment, all named after the layer and drawn in its colour.
#include "views/inside/logchartview.h"

#include "views/charts/chartstyle.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double kMaxGridLines = 7.0;

} // namespace

LogChartView::LogChartView(const QString &title, const QString &valueTitle, QWidget *parent)
    : QChartView(new QChart, parent), stepAxis_(new QValueAxis), valueAxis_(new QLogValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    chartstyle::styleChart(chart());
    chart()->setTitle(title);
    chart()->setTitleFont(chartstyle::labelFont());
    chart()->legend()->hide();
    chartstyle::styleAxis(stepAxis_, tr("step"));
    chartstyle::styleAxis(valueAxis_, valueTitle);
    valueAxis_->setBase(10.0);
    valueAxis_->setLabelFormat(QStringLiteral("%.0e"));
    valueAxis_->setMinorTickCount(-1);
    chart()->addAxis(stepAxis_, Qt::AlignBottom);
    chart()->addAxis(valueAxis_, Qt::AlignLeft);
    stepAxis_->setLabelFormat(QStringLiteral("%.0f"));
    chartstyle::setCountRange(stepAxis_, 1.0);
    valueAxis_->setRange(1e-3, 1.0);
    setMinimumSize(150, 140);
}

void LogChartView::setLines(const LayerLines &lines, const std::function<QColor(const QString &)> &color)
{
    chart()->removeAllSeries();
    double low = std::numeric_limits<double>::infinity(), high = 0.0, lastStep = 1.0;
    for (const LayerLines::Line &line : lines.lines()) {
        QLineSeries *segment = nullptr;
        for (const QPointF &p : line.points) {
            lastStep = std::max(lastStep, p.x());
            if (!LayerLines::drawable(p.y())) {
                segment = nullptr;
                continue;
            }
            low = std::min(low, p.y());
            high = std::max(high, p.y());
            if (!segment) {
                segment = new QLineSeries;
                segment->setName(line.name);
                chartstyle::styleLine(segment, color(line.name), 2.0);
                chart()->addSeries(segment);
                segment->attachAxis(stepAxis_);
                segment->attachAxis(valueAxis_);
            }
            segment->append(p);
        }
    }
    for (QAbstractSeries *series : chart()->series())  // a segment of one point shows as a dot
        static_cast<QLineSeries *>(series)->setPointsVisible(static_cast<QLineSeries *>(series)->count() == 1);
    chartstyle::setCountRange(stepAxis_, lastStep);
    if (high <= 0.0)
        return;
    // Whole decades around the values, a grid line every `step` decades so that at most about
    // kMaxGridLines labels share the height (an exploding run spans twenty decades).
    const double from = std::floor(std::log10(low)), to = std::ceil(std::log10(high) + 1e-9);
    const double step = std::max(1.0, std::ceil((to - from) / kMaxGridLines));
    valueAxis_->setBase(std::pow(10.0, step));
    valueAxis_->setRange(std::pow(10.0, std::floor(from / step) * step), std::pow(10.0, std::ceil(to / step) * step));
}

QList<QPointF> LogChartView::drawnPoints(const QString &name) const
{
    QList<QPointF> points;
    for (QAbstractSeries *series : chart()->series())
        if (series->name() == name)
            points += static_cast<QLineSeries *>(series)->points();
    return points;
}

QPointF LogChartView::valueRange() const
{
    return {valueAxis_->min(), valueAxis_->max()};
}

void LogChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::FontChange) {
        chartstyle::refreshFonts(chart());
        chart()->setTitleFont(chartstyle::labelFont());
    }
    QChartView::changeEvent(event);
}
