// PixelImage: whole-pixel enlargement.
#include "views/ganimages/pixelimage.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

PixelImage::PixelImage(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(48, 48);
}

void PixelImage::setImage(QImage image)
{
    const bool resized = image.size() != image_.size();
    image_ = std::move(image);
    if (resized)
        updateGeometry();
    update();
}

double PixelImage::zoom() const
{
    if (image_.isNull())
        return 1.0;
    const double fit = std::min(double(width()) / image_.width(), double(height()) / image_.height());
    // Whole pixels where that loses little room; a large picture (28×28 tiles) fills its place instead.
    return fit >= kWholeFrom ? std::floor(fit) : std::max(fit, 0.1);
}

QSize PixelImage::sizeHint() const
{
    return image_.isNull() ? QSize(160, 160) : image_.size() * std::max(1, 240 / std::max(image_.width(), 1));
}

void PixelImage::paintEvent(QPaintEvent *)
{
    if (image_.isNull())
        return;
    QPainter painter(this);
    const QSize size = (QSizeF(image_.size()) * zoom()).toSize();
    const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    painter.drawImage(target, image_);  // without SmoothPixmapTransform: whole pixels
}
