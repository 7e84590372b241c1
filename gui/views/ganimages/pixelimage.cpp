// PixelImage: whole-pixel enlargement.
#include "views/ganimages/pixelimage.h"

#include <QPainter>

#include <algorithm>

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

int PixelImage::zoom() const
{
    if (image_.isNull())
        return 1;
    return std::max(1, std::min(width() / image_.width(), height() / image_.height()));
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
    const QSize size = image_.size() * zoom();
    const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    painter.drawImage(target, image_);  // without SmoothPixmapTransform: whole pixels
}
