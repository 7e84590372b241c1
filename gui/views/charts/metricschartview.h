// A chart view that reads values under the mouse: the base of the loss and the accuracy chart.
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <optional>

class HoverCallout;
class QLineSeries;

// Owns its chart; subclasses say what the reading at a point is (which point, what text).
class MetricsChartView : public QChartView {
    Q_OBJECT

public:
    explicit MetricsChartView(QWidget *parent = nullptr);

    // The hover box's text, empty while nothing is hovered.
    QString hoverText() const;
    // Whether the legend is shown: only while every label fits whole beside the others, so that
    // no marker stands there without its name (the lines' colours stay the same in both charts).
    bool isLegendShown() const;
    // The width the legend needs for every label whole.
    double legendWidth() const;
    // Shows the reading at a position in view coordinates, as a mouse move there does.
    void hoverAt(QPointF viewPosition);
    void clearHover();

    // The faint lines of earlier runs (Compare runs), one per run, named by its settings.
    const QList<QLineSeries *> &pastSeries() const { return past_; }

protected:
    // Replaces the earlier runs' lines: `lines` in the order of `labels`, on axes `x` and `y`.
    void showPastLines(const QStringList &labels, const QList<QList<QPointF>> &lines, QAbstractAxis *x, QAbstractAxis *y);
    // A point read off the chart: where it is (in values of the chart's first series) and its text.
    struct Reading {
        QPointF value;
        QString text;
    };
    // The reading nearest `value` (in the first series' values), with `position` the cursor in
    // chart coordinates for pixel distances; nothing where there is nothing to read.
    virtual std::optional<Reading> readingAt(QPointF value, QPointF position) const = 0;

    // Reads again where the mouse is, after the series or axes changed under it.
    void refreshHover();

    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    // The axes and the legend follow the application's font (View ▸ Present enlarges it).
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitLegend();

    HoverCallout *callout_;
    QList<QLineSeries *> past_;
    QPointF lastHover_;  // the last hovered position, in view coordinates
};
