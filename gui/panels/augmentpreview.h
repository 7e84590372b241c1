// AugmentPreview: a grid of augmented variants of one training image, as the next epochs would
// draw them under the data's augment settings; redrawn whenever a setting or the image changes.
#pragma once

#include "nn/dataspec.h"

#include <QImage>
#include <QWidget>

#include <cstdint>
#include <vector>

// Paints the variants; computes them on the GUI thread (a few small images, well under a millisecond).
class AugmentPreview : public QWidget {
    Q_OBJECT

public:
    static constexpr int kVariants = 8;
    static constexpr int kColumns = 4;

    explicit AugmentPreview(QWidget *parent = nullptr);

    // The training image to vary (grey or colour); a null image shows a note instead.
    void setSource(const QImage &image);
    // The settings and the run's seed the variants are drawn with (epochs 1 … kVariants, sample 0).
    void setAugment(const nn::AugmentSpec &spec, uint64_t seed);

    const QImage &source() const { return source_; }
    const std::vector<QImage> &variants() const { return variants_; }

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void redraw();
    int cellSize(int width) const;

    QImage source_;
    nn::AugmentSpec spec_;
    uint64_t seed_ = 0;
    std::vector<QImage> variants_;
};
