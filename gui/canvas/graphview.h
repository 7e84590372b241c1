// GraphView: the canvas widget: drops from the palette, zoom around the cursor, panning with the
// middle button or space+drag, Fit to View, and a dotted grid behind the nodes.
#pragma once

#include <QGraphicsView>

class GraphScene;

// Shows a GraphScene; a layer kind dropped on it becomes a node (through an undo command).
class GraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return scene_; }
    double zoom() const { return transform().m11(); }

    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Shows every node, at no more than the natural size, and again after each resize until the
    // user zooms or pans.
    void fitToContents();
    bool isFitted() const { return fitted_; }
    // Where a node added without a drop point goes: the middle of what is visible.
    QPointF visibleCentre() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void zoomBy(double factor);
    void drawReadOnlyBanner(QPainter *painter);
    void growSceneRect();

    GraphScene *scene_;
    bool spaceHeld_ = false;
    bool panning_ = false;
    bool fitted_ = false;
    QPoint panFrom_;
};
