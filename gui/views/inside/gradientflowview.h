// GradientFlowView: how strongly each layer learns, step by step: the gradient norm that reaches
// each layer and each parameterised layer's update/weight ratio, on log scales, from the taps.
#pragma once

#include "views/inside/layerlines.h"

#include <QWidget>

class LogChartView;
class QLabel;
class QTimer;

namespace nn {
struct TapRecord;
}

// The two charts side by side under a "what am I looking at" text; redraws at most every 50 ms.
class GradientFlowView : public QWidget {
    Q_OBJECT

public:
    explicit GradientFlowView(QWidget *parent = nullptr);

    // A step seen from inside: every node but the input adds its ‖∂L/∂output‖₂; every node with
    // parameters adds the update/weight ratio of its "weight" (else of its first parameter).
    void addRecord(const nn::TapRecord &record);
    void clear();

    const LayerLines &gradientLines() const { return gradients_; }
    const LayerLines &ratioLines() const { return ratios_; }
    LogChartView *gradientChart() const { return gradientChart_; }
    LogChartView *ratioChart() const { return ratioChart_; }
    // The legend's layers, in graph order: every layer that has a gradient line.
    QStringList legendNames() const;
    // Layer `name`'s colour in both charts: its place among the gradient lines on the ramp.
    QColor layerColorOf(const QString &name) const;
    // Says where values could not be drawn (the first step and layer); empty while all could.
    QString note() const;

private:
    void noteUndrawable(qint64 step, const QString &layer, const QString &what, double value);
    void redraw();

    LayerLines gradients_, ratios_;
    LogChartView *gradientChart_, *ratioChart_;
    QLabel *note_;
    QLabel *legend_;
    QTimer *redraw_;
};
