// ConfusionMatrixWidget: the confusion matrix as a grid of cells, true classes in rows and
// predicted classes in columns; the diagonal in blue, errors in red, stronger for larger shares.
// When the counts do not fit in the cells it is a colour-only heat map: hovering a cell shows its
// count in a tooltip and outlines its row and column.
#pragma once

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

// Paints counts (or colours alone); a click on a cell selects it (a second click clears it).
class ConfusionMatrixWidget : public QWidget {
    Q_OBJECT

public:
    explicit ConfusionMatrixWidget(QWidget *parent = nullptr);

    void setMatrix(std::vector<std::vector<int64_t>> confusion, QStringList classNames);
    const std::vector<std::vector<int64_t>> &matrix() const { return confusion_; }

    // The cell under a widget position, or (-1, -1).
    std::pair<int, int> cellAt(QPoint position) const;
    QRect cellRect(int trueClass, int predictedClass) const;
    std::pair<int, int> selectedCell() const { return selected_; }
    void clearSelection();
    // The cell under the mouse, whose row and column are outlined, or (-1, -1).
    std::pair<int, int> hoveredCell() const { return hovered_; }
    // Whether each cell's count is written in it (false: a heat map, counts in the tooltips).
    bool showsCounts() const;
    // "True Shirt, predicted Trouser: 12 (1.2 % of the Shirt samples)".
    QString cellToolTip(int trueClass, int predictedClass) const;

    QSize sizeHint() const override;
    // Room for the class names and cells as high as a name, drawn as a heat map.
    QSize minimumSizeHint() const override;

signals:
    // (-1, -1) when the selection was cleared.
    void cellSelected(int trueClass, int predictedClass);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    int classes() const { return static_cast<int>(confusion_.size()); }
    int smallestCell() const;  // the smallest cell that still fits
    int cellSize() const;
    QPoint origin() const;  // the top-left corner of the grid
    void drawHeaders(QPainter &painter) const;
    void drawCell(QPainter &painter, int t, int p, int64_t rowTotal, bool withCount) const;
    void drawHover(QPainter &painter) const;
    QString className(int k) const;
    QFont labelFont() const;

    std::vector<std::vector<int64_t>> confusion_;
    QStringList classNames_;
    std::pair<int, int> selected_{-1, -1};
    std::pair<int, int> hovered_{-1, -1};
    int labelWidth_ = 60;
};
