// PixelImage: a small picture enlarged by whole pixels (no smoothing), as large as its room allows,
// so that an 8×8 sample stays sharp.
#pragma once

#include <QImage>
#include <QWidget>

// Paints its image centred, scaled by the largest whole factor that fits (at least 1).
class PixelImage : public QWidget {
    Q_OBJECT

public:
    explicit PixelImage(QWidget *parent = nullptr);

    void setImage(QImage image);
    const QImage &image() const { return image_; }
    // The factor it is drawn at now.
    int zoom() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage image_;
};
