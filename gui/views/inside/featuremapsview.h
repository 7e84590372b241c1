// FeatureMapsView: "Feature maps": one chosen image (a click in the data preview or the Evaluation
// gallery, or Try it's picture) seen by every convolution and pooling layer, a grid of channels per
// layer, with the class probabilities. Computed on the worker thread at each choice, preparation,
// epoch and run's end, and twice a second of a run while the tab is shown; posted as a
// FeatureMapsSnapshot.
#pragma once

#include "views/inside/featuremapssnapshot.h"

#include <QWidget>

#include <memory>
#include <vector>

class ProbabilityBars;
class QLabel;
class QScrollArea;
class QVBoxLayout;
class TrainingController;

// Paints the last snapshot; the choice is shared with its probe on the worker thread.
class FeatureMapsView : public QWidget {
    Q_OBJECT

public:
    explicit FeatureMapsView(QWidget *parent = nullptr);
    ~FeatureMapsView() override;

    // Recomputes the maps for the current choice whenever the model is prepared, after an epoch and
    // when a run ends; choose() runs through `training` too.
    void connectTo(TrainingController *training);
    // Shows `chosen` (computed on the worker thread); the choice stays for later epochs.
    void choose(ChosenImage chosen);
    ChosenImage chosen() const;

    void setSnapshot(FeatureMapsSnapshot snapshot);
    const FeatureMapsSnapshot &snapshot() const { return snapshot_; }
    // The drawn tiles of layer i (featuremaptiles::render) and their tiles per row.
    const QImage &layerImage(size_t i) const { return images_[i]; }
    int layerColumns(size_t i) const { return columns_[i]; }
    ProbabilityBars *bars() const { return bars_; }

signals:
    void snapshotChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Choice;
    void showLayers();

    std::shared_ptr<Choice> choice_;
    TrainingController *training_ = nullptr;
    FeatureMapsSnapshot snapshot_;
    std::vector<QImage> images_;
    std::vector<int> columns_;
    QLabel *picture_;
    QLabel *source_;
    QLabel *problem_;
    ProbabilityBars *bars_;
    QScrollArea *scroll_;
    QWidget *layersBox_;
    QVBoxLayout *layersLayout_;
};
