// Mouse tracking and the hover reading shared by the charts.
#include "views/charts/metricschartview.h"

#include "views/charts/chartstyle.h"
#include "views/charts/hovercallout.h"

#include <QAbstractSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>

MetricsChartView::MetricsChartView(QWidget *parent)
    : QChartView(new QChart, parent), callout_(new HoverCallout(chart()))
{
    chartstyle::styleChart(chart());
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setMinimumSize(240, 150);
}

QString MetricsChartView::hoverText() const
{
    return callout_->text();
}

void MetricsChartView::hoverAt(QPointF viewPosition)
{
    lastHover_ = viewPosition;
    const QPointF position = chart()->mapFromScene(mapToScene(viewPosition.toPoint()));
    const QList<QAbstractSeries *> series = chart()->series();
    std::optional<Reading> reading;
    if (!series.isEmpty() && chart()->plotArea().contains(position))
        reading = readingAt(chart()->mapToValue(position, series.front()), position);
    if (!reading) {
        clearHover();
        return;
    }
    callout_->showReading(chart()->mapToPosition(reading->value, series.front()), position, reading->text);
}

void MetricsChartView::clearHover()
{
    callout_->hideReading();
}

void MetricsChartView::refreshHover()
{
    if (!hoverText().isEmpty())
        hoverAt(lastHover_);
}

void MetricsChartView::mouseMoveEvent(QMouseEvent *event)
{
    hoverAt(event->position());
    QChartView::mouseMoveEvent(event);
}

void MetricsChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) {
        chartstyle::refreshFonts(chart());
        fitLegend();
    }
    QChartView::changeEvent(event);
}

void MetricsChartView::showEvent(QShowEvent *event)
{
    chartstyle::refreshFonts(chart());  // the axes exist by now
    fitLegend();
    QChartView::showEvent(event);
}

void MetricsChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    fitLegend();
}

bool MetricsChartView::isLegendShown() const
{
    return chart()->legend()->isVisible();
}

double MetricsChartView::legendWidth() const
{
    const QLegend *legend = chart()->legend();
    const QFontMetricsF metrics(legend->font());
    double width = 24.0;  // the legend's own margins
    for (const QLegendMarker *entry : legend->markers())
        width += metrics.height() + 12.0 + metrics.horizontalAdvance(entry->label());  // swatch, gaps, label
    return width;
}

void MetricsChartView::fitLegend()
{
    chart()->legend()->setVisible(legendWidth() <= width());
}

void MetricsChartView::leaveEvent(QEvent *event)
{
    clearHover();
    QChartView::leaveEvent(event);
}
