// Mouse tracking and the hover reading shared by the charts.
#include "views/charts/metricschartview.h"

#include "views/charts/chartstyle.h"
#include "views/charts/hovercallout.h"

#include "views/classcolors.h"

#include <QAbstractSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
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

void MetricsChartView::showPastLines(const QStringList &labels, const QList<QList<QPointF>> &lines, QAbstractAxis *x,
                                     QAbstractAxis *y)
{
    for (QLineSeries *series : past_)
        chart()->removeSeries(series);
    qDeleteAll(past_);
    past_.clear();
    for (qsizetype run = 0; run < lines.size(); ++run) {
        if (lines[run].isEmpty())
            continue;
        auto *series = new QLineSeries;
        series->setName(labels.value(run));
        QColor color = classcolors::classColor(int(run) + 5);  // past the named losses' 2 and 3
        color.setAlpha(110);  // faint: behind the current run, still told apart from each other
        chartstyle::styleLine(series, color, 1.5);
        series->replace(lines[run]);
        chart()->addSeries(series);  // after the current run's: the hover reads through the first series
        series->attachAxis(x);
        series->attachAxis(y);
        past_.append(series);
    }
}
