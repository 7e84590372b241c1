// ConfusionMatrixWidget: the confusion matrix as a grid of cells, true classes in rows and
// predicted classes in columns; the diagonal in blue, errors in red, stronger for larger shares.
#pragma once

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

// Paints counts; a click on a cell selects it (and a second click clears the selection).
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {160, 160}; }

signals:
    // (-1, -1) when the selection was cleared.
    void cellSelected(int trueClass, int predictedClass);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    int classes() const { return static_cast<int>(confusion_.size()); }
    int cellSize() const;
    QPoint origin() const;  // the top-left corner of the grid
    void drawHeaders(QPainter &painter) const;
    void drawCell(QPainter &painter, int t, int p, int64_t rowTotal) const;

    std::vector<std::vector<int64_t>> confusion_;
    QStringList classNames_;
    std::pair<int, int> selected_{-1, -1};
    int labelWidth_ = 60;
};
