// ClassicFunctionsView: the race on a classic 2-D function (Rosenbrock, Beale, a saddle, a narrow
// valley): four optimizer settings, each point's path drawn step by step on the function's contours.
#pragma once

#include "nn/classicfunctions.h"

#include <QWidget>

#include <vector>

class ContourPlot;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class RaceSettingRow;

class ClassicFunctionsView : public QWidget {
    Q_OBJECT

public:
    explicit ClassicFunctionsView(QWidget *parent = nullptr);

    // Chooses the function by name (its suggested settings fill the rows).
    void setFunction(const QString &name);
    // Computes every path (off the GUI thread) and animates them from the start.
    void race();

    ContourPlot *plot() const { return plot_; }
    QSlider *stepSlider() const { return step_; }
    // The paths of the last race, one per run that was on.
    const std::vector<std::vector<nn::Point2>> &paths() const { return paths_; }
    std::vector<nn::RaceSetting> settings() const;

signals:
    void raced();  // the paths of the last race() arrived

private:
    void showFunction();
    void setPaths(int generation, std::vector<std::vector<nn::Point2>> paths, std::vector<QString> labels,
                  std::vector<int> runs);
    void showStep(int step);
    const nn::ClassicFunction &function() const;

    QComboBox *function_;
    QSpinBox *steps_;
    QPushButton *race_;
    QSlider *step_;
    QLabel *stepText_, *formula_;
    std::vector<RaceSettingRow *> rows_;
    ContourPlot *plot_;
    QTimer *animation_;
    std::vector<std::vector<nn::Point2>> paths_;
    int generation_ = 0;
};
