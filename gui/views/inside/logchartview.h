// LogChartView: layers' lines over the steps on a log scale (Qt Charts), one colour per layer from
// the input to the output (a legend beside it names them), with a gap wherever a value cannot be drawn (NaN, infinite, ≤ 0).
#pragma once

#include "views/inside/layerlines.h"

#include <QChartView>

#include <functional>

class QLogValueAxis;
class QValueAxis;

// Owns its chart; setLines() redraws it from scratch.
class LogChartView : public QChartView {
    Q_OBJECT

public:
    explicit LogChartView(const QString &title, const QString &valueTitle, QWidget *parent = nullptr);

    // Draws `lines`, each in color(its name); the legend is the caller's (both charts share one).
    void setLines(const LayerLines &lines, const std::function<QColor(const QString &)> &color);
    // The points drawn for layer `name`, every segment in step order (empty for an unknown name).
    QList<QPointF> drawnPoints(const QString &name) const;
    // The log axis' range.
    QPointF valueRange() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QValueAxis *stepAxis_;
    QLogValueAxis *valueAxis_;
};
