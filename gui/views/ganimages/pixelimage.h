// PixelImage: a small picture enlarged without smoothing, as large as its room allows, so that an
// 8×8 sample stays sharp.
#pragma once

#include <QImage>
#include <QWidget>

// Paints its image centred, scaled to fit without smoothing: by a whole factor where one of at
// least kWholeFrom fits, so small pictures keep square pixels.
class PixelImage : public QWidget {
    Q_OBJECT

public:
    explicit PixelImage(QWidget *parent = nullptr);

    void setImage(QImage image);
    const QImage &image() const { return image_; }
    static constexpr double kWholeFrom = 3.0;

    // The factor it is drawn at now.
    double zoom() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage image_;
};
