// KernelView: "Kernel": the first Conv2D's kernel sliding over the chosen image (the feature maps'
// image), as in CNN Explainer but on the student's own network: play, pause, step and speed, a
// filter and an input channel chooser, and the numbers of every step (KernelCanvas).
#pragma once

#include "views/inside/featuremapssnapshot.h"

#include <QWidget>

class KernelCanvas;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

// Takes the feature maps' snapshots; keeps its filter, channel and position across them.
class KernelView : public QWidget {
    Q_OBJECT

public:
    explicit KernelView(QWidget *parent = nullptr);

    void setSnapshot(const FeatureMapsSnapshot &snapshot);
    // The output position shown, row-major over the output map (0-based; the centre at first); wraps around.
    int64_t position() const { return position_; }
    void setPosition(int64_t position);
    void stepForward();
    void setFilter(int64_t filter);
    void setChannel(int64_t channel);
    void setPlaying(bool playing);
    bool isPlaying() const;
    const KernelCanvas *canvas() const { return canvas_; }
    // Positions per second while playing.
    int speed() const;

private:
    void redraw();
    int64_t positions() const;

    std::optional<ImageConvolution> conv_;
    int64_t position_ = -1;  // none before the first snapshot
    QLabel *problem_;
    QWidget *controls_;
    QSpinBox *filter_;
    QSpinBox *channel_;
    QLabel *channelLabel_;
    QPushButton *play_;
    QPushButton *step_;
    QSlider *speed_;
    KernelCanvas *canvas_;
    QTimer *timer_;
};
