// PlotData: what a 2-D plot of the live views shows, as plain values in the data's own units:
// an optional heat map behind, points (training filled, validation hollow) and an optional curve.
#pragma once

#include <QImage>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

// One data point; coloured by class, or by value when the plot has no class names.
struct PlotPoint {
    float x = 0.0f, y = 0.0f;
    int classIndex = -1;
    float value = 0.0f;
    bool validation = false;
};

// Everything PlotCanvas paints; built off the GUI thread and copied to it.
struct PlotData {
    double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;
    QString xLabel, yLabel;
    QImage heatMap;  // covers [xMin, xMax] × [yMin, yMax]; its first row is yMax
    std::vector<PlotPoint> points;
    std::vector<QPointF> curve;  // (x, y) in increasing x
    QStringList classNames;      // the legend; empty: points coloured by value
    double valueMin = 0.0, valueMax = 1.0;
    bool equalAspect = false;     // one unit is as long on both axes (the decision boundary)
    bool splitLegend = false;     // explain filled = train, hollow = validation
};
