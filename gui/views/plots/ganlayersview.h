// GanLayersView: GAN Lab's "layered distributions" for a GAN on 2D data, live during training: the
// canvas, a check box per layer and a short text on what the picture shows.
#pragma once

#include "views/plots/ganlayerscanvas.h"

#include "training/modelprobe.h"

#include <QWidget>

class Explanation;
class QCheckBox;
class QLabel;
class QPushButton;
class QStackedLayout;

// Paints the last GanLayersSnapshot its probe posted; the probe does the work on the worker thread.
class GanLayersView : public QWidget {
    Q_OBJECT

public:
    explicit GanLayersView(QWidget *parent = nullptr);

    // Computes a snapshot at Prepared, Epoch and Finished, and at Step at most 10 times a second.
    ModelProbe probe();

    void setSnapshot(GanLayersSnapshot snapshot);
    const GanLayersSnapshot &snapshot() const { return canvas_->snapshot(); }
    // False when the last snapshot was Kind::Empty (not a GAN on 2D data) and nothing is drawn: the
    // window shows the decision boundary view instead.
    bool applies() const { return canvas_->isDrawing() || snapshot().kind != GanLayersSnapshot::Kind::Empty; }
    // "Draw your own" (GanDrawing says when): the plot shows at once, with Clear and Start from ring.
    void setDrawing(bool on, std::vector<QPointF> points);
    QPushButton *clearButton() const { return clear_; }
    QPushButton *ringButton() const { return ring_; }
    GanLayersCanvas *canvas() const { return canvas_; }
    QCheckBox *layerBox(GanLayersCanvas::Layer layer) const { return boxes_[static_cast<size_t>(layer)]; }
    QString explanation() const;

signals:
    void snapshotChanged();

private:
    QWidget *createLayerBoxes();
    QWidget *createDrawingRow();
    void showPage();

    GanLayersCanvas *canvas_;
    QLabel *message_;
    Explanation *explanation_;
    QString explanationText_;
    QStackedLayout *stack_;
    QWidget *drawingRow_;
    QPushButton *clear_;
    QPushButton *ring_;
    std::array<QCheckBox *, GanLayersCanvas::kLayers> boxes_{};
};
