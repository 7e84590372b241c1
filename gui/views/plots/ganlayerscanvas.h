// GanLayersCanvas: paints a GanLayersSnapshot as GAN Lab's layered distributions: D's verdict as a
// heat map, G's manifold as a warped mesh, real and generated points, and G's gradient arrows.
#pragma once

#include "views/plots/ganbrush.h"
#include "views/plots/ganlayerssnapshot.h"

#include <QWidget>

#include <array>
#include <optional>

// A plain painted plot of the last snapshot it was given; each layer can be hidden. For a drawn data
// set ("draw your own") it shows the drawn points as the real ones and turns drags into strokes.
class GanLayersCanvas : public QWidget {
    Q_OBJECT

public:
    enum class Layer { Verdict, Manifold, Real, Fake, Push };
    static constexpr int kLayers = 5;
    // Gradient arrows are in proportion to the gradient, the 90th percentile drawn this fraction of
    // the plane's width, and none longer than kLongestArrow.
    static constexpr double kTypicalArrow = 0.06;
    static constexpr double kLongestArrow = 0.12;

    explicit GanLayersCanvas(QWidget *parent = nullptr);

    void setSnapshot(GanLayersSnapshot snapshot);
    const GanLayersSnapshot &snapshot() const { return snapshot_; }
    void setLayerShown(Layer layer, bool shown);
    bool isLayerShown(Layer layer) const { return shown_[static_cast<size_t>(layer)]; }

    QSize sizeHint() const override { return {360, 360}; }
    QSize minimumSizeHint() const override { return {180, 180}; }
    // Where the plane is drawn (a square), and the point of the plane at a widget position and back.
    QRectF plotRect() const;
    QPointF toPlane(QPointF widget) const;
    QPointF toWidget(QPointF plane) const;

    // "Draw your own": `points` are shown as the real points; without a snapshot of layers the plane
    // is [−kGanDrawnHalfWidth, kGanDrawnHalfWidth]². Drags paint only while drawing is enabled.
    void setDrawing(bool on, std::vector<QPointF> points);
    void setDrawingEnabled(bool enabled);
    // The one line shown over the plot while drawing ("Drag on the plot to paint real points").
    void setDrawingHint(const QString &hint);
    bool isDrawing() const { return drawing_; }
    bool isDrawingEnabled() const { return drawing_ && drawingEnabled_; }
    const std::vector<QPointF> &drawnPoints() const { return drawn_; }
    const QString &drawingHint() const { return hint_; }

signals:
    // A drag painted these points (in the plane's units): one stroke, sent when the button is released.
    void strokeDrawn(const std::vector<QPointF> &points);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QFont labelFont() const;
    void drawFrame(QPainter &painter, const QRectF &plot) const;
    void drawManifold(QPainter &painter) const;
    void drawPoints(QPainter &painter, const std::vector<QPointF> &points, const QColor &colour) const;
    void drawPush(QPainter &painter) const;
    void drawHint(QPainter &painter, const QRectF &plot) const;
    void fitDrawingPlane();
    void updateCursor();

    GanLayersSnapshot snapshot_;
    std::array<bool, kLayers> shown_{true, true, true, true, true};
    bool drawing_ = false;
    bool drawingEnabled_ = true;
    std::vector<QPointF> drawn_;   // the project's drawn points
    std::vector<QPointF> stroke_;  // the points of the drag under way
    std::optional<GanBrush> brush_;
    QString hint_;
};
