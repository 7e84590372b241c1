// ContourPlot: a scalar field over a plane (a loss surface slice, a classic function) as a light
// heat map with contour lines, and paths walked on it, each step a dot. It only paints.
#pragma once

#include "views/race/contourlines.h"

#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

// A path over the plane: a run's weights projected on it, or a point descending a function.
struct PlanePath {
    QString label;
    QColor color;
    std::vector<QPointF> points;  // in the plane's units, in order
};

class ContourPlot : public QWidget {
    Q_OBJECT

public:
    explicit ContourPlot(QWidget *parent = nullptr);

    // The field and its axis titles; an empty field shows `emptyText` instead.
    void setField(ScalarField field, const QString &xLabel, const QString &yLabel);
    void setEmptyText(const QString &text);
    // Paths drawn over the field; only their first `visibleSteps` + 1 points when set.
    void setPaths(std::vector<PlanePath> paths);
    void setVisibleSteps(std::optional<int> steps);
    // A cross marking a point (a function's minimum).
    void setMarker(std::optional<QPointF> marker);

    const ScalarField &field() const { return field_; }
    const std::vector<PlanePath> &paths() const { return paths_; }
    QRectF plotRect() const;

    QSize sizeHint() const override { return {520, 420}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPointF toWidget(QPointF point, const QRectF &plot) const;
    void rebuildPicture();
    void drawAxes(QPainter &painter, const QRectF &plot) const;
    void drawContours(QPainter &painter, const QRectF &plot) const;
    void drawPaths(QPainter &painter, const QRectF &plot) const;
    void drawLegend(QPainter &painter, const QRectF &plot) const;

    ScalarField field_;
    QString xLabel_, yLabel_, emptyText_;
    QImage heatMap_;  // one pixel per grid point, its first row the top (yMax)
    std::vector<std::vector<QLineF>> contours_;  // per level, in grid coordinates
    std::vector<PlanePath> paths_;
    std::optional<int> visibleSteps_;
    std::optional<QPointF> marker_;
};
