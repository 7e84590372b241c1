// PlotCanvas: paints a PlotData: axes with tick values and feature names, the heat map, the
// points, the curve and a legend beside the plot. The decision boundary view and the data preview
// share it.
#pragma once

#include "views/plots/plotdata.h"

#include <QWidget>

#include <vector>

// About five round tick values (1, 2 or 5 × 10ⁿ apart) inside [low, high], for a plot's axis.
std::vector<double> plotTicks(double low, double high);

// A plain painted plot; it never computes anything, it only draws the last PlotData it was given.
class PlotCanvas : public QWidget {
    Q_OBJECT

public:
    explicit PlotCanvas(QWidget *parent = nullptr);

    void setData(PlotData data);
    const PlotData &data() const { return data_; }
    // Whether the validation points (hollow rings) are drawn with the training points; on by default.
    void setShowsValidation(bool shows);
    bool showsValidation() const { return showsValidation_; }

    QSize sizeHint() const override { return {360, 320}; }
    QSize minimumSizeHint() const override { return {180, 160}; }
    // Where the data is drawn, and where the legend is (empty without one): never overlapping.
    QRectF plotRect() const;
    QRectF legendRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont labelFont() const;
    QStringList legendEntries() const;
    QSizeF legendSize() const;
    QMarginsF axisMargins() const;  // the room of the tick values and axis titles
    bool legendBelow() const;
    QPointF toWidget(double x, double y, const QRectF &plot) const;
    void drawAxes(QPainter &painter, const QRectF &plot) const;
    void drawPoints(QPainter &painter, const QRectF &plot) const;
    void drawCurve(QPainter &painter, const QRectF &plot) const;
    void drawLegend(QPainter &painter) const;

    PlotData data_;
    bool showsValidation_ = true;
};
