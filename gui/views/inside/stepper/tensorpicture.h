// TensorPicture: one tensor of the backprop stepper, under its label: its numbers when it is small,
// a heat map (blue below 0, red above, white at 0) when it is large; the cells the formula reads are
// outlined, and hovering a cell shows its index and value.
#pragma once

#include "views/inside/stepper/steppersnapshot.h"

#include <QWidget>

class TensorPicture : public QWidget {
    Q_OBJECT

public:
    explicit TensorPicture(StepperTensor tensor, QWidget *parent = nullptr);

    const StepperTensor &tensor() const { return tensor_; }
    // Whether the values are written out (small tensors) rather than drawn as colours.
    bool showsNumbers() const { return numbers_; }
    QSize sizeHint() const override;

    // At most this many values are written out.
    static constexpr int64_t kMaxNumbers = 48;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    // The grid: tiles of rows × cols cells (a [C, H, W] tensor is C tiles of H × W), laid out in a row
    // of tiles that wraps.
    struct Layout {
        int64_t tiles = 1, rows = 1, cols = 1;
        int tilesPerRow = 1;
        double cellWidth = 1, cellHeight = 1;
        int gap = 4;
    };
    void computeLayout();
    QRectF cellRect(int64_t index) const;
    int64_t indexAt(QPointF point) const;

    StepperTensor tensor_;
    bool numbers_ = false;
    float scale_ = 1.0f;  // the largest |value|
    Layout layout_;
    int labelHeight_ = 18;
};
