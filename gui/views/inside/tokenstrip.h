// TokenStrip: a model's prediction at every step of one sample: the token it read, the class it
// predicts (green when right, red when wrong), the target, and below them the step's loss as a bar.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

// One column per step; wider than the space, it scrolls.
class TokenStrip : public QWidget {
    Q_OBJECT

public:
    // What one step shows.
    struct Step {
        QString input, predicted, target;
        bool right = false;
        double loss = 0.0;
    };

    explicit TokenStrip(QWidget *parent = nullptr);

    void setSteps(std::vector<Step> steps);
    const std::vector<Step> &steps() const { return steps_; }
    // The loss the bars' full height stands for: the largest step loss, rounded up.
    double lossScale() const { return scale_; }
    // Where step t's loss bar is painted (its height is loss / lossScale() of the chart's height).
    QRect barRect(int step) const;
    QColor tokenColour(int step) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int columnWidth() const;
    int labelWidth() const;
    QRect chartArea() const;

    std::vector<Step> steps_;
    double scale_ = 1.0;
};
