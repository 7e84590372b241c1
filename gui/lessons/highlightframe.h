// HighlightFrame: a lesson's pulsing frame around a control. It lies over the whole window, lets
// every click through, follows the control when docks move, and fades after a few pulses.
#pragma once

#include <QPointer>
#include <QRect>
#include <QWidget>

#include <functional>

class QVariantAnimation;

class HighlightFrame : public QWidget {
    Q_OBJECT

public:
    explicit HighlightFrame(QWidget *window);

    // Frames `area` of `target` (in its coordinates; unset: all of it).
    void show(QWidget *target, std::function<QRect()> area = {});
    void clear();
    QWidget *target() const { return target_; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QRect frameRect() const;

    QPointer<QWidget> target_;
    std::function<QRect()> area_;
    QVariantAnimation *pulse_;
    double strength_ = 0.0;
};
