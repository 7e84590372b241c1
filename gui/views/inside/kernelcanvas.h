// KernelCanvas: the picture of one step of the first convolution's sliding window: the input
// channel with its zero padding and the window on it, the patch, kernel and product numbers with
// the sum that gives the output value, and the output map filled in up to the current position.
#pragma once

#include "views/inside/featuremapssnapshot.h"

#include <QStringList>
#include <QWidget>

// Paints what setStep() last gave it; sized by the input's and the kernel's sizes.
class KernelCanvas : public QWidget {
    Q_OBJECT

public:
    explicit KernelCanvas(QWidget *parent = nullptr);

    // `conv` must outlive the next setStep(); `done` output positions (row-major) are filled in.
    void setStep(const ImageConvolution *conv, KernelStep step, int64_t done);
    void clear();
    const KernelStep &step() const { return step_; }
    // The sum written under the numbers, one line each: "Σ products = …", "+ bias … = …", "relu(…) = …".
    const QStringList &formulaLines() const { return formula_; }
    // A number as the grids and the formula write it.
    static QString number(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int inputZoom() const;
    int outputZoom() const;
    QSize cellSize() const;
    // The number grids side by side, or the longest formula line when wider.
    int numbersWidth() const;
    QString outputTitle() const;
    void paintInput(QPainter &painter, QPoint at) const;
    void paintNumbers(QPainter &painter, QPoint at) const;
    void paintOutput(QPainter &painter, QPoint at) const;

    const ImageConvolution *conv_ = nullptr;
    KernelStep step_;
    int64_t done_ = 0;
    QStringList formula_;
};
