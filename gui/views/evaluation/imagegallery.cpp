// The image grid of the preview and the misclassified gallery.
#include "views/evaluation/imagegallery.h"

#include <QFontMetrics>
#include <QPixmap>

ImageGallery::ImageGallery(int side, int captionLines, QWidget *parent) : QListWidget(parent), side_(side)
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setWrapping(true);
    setWordWrap(true);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setIconSize({side, side});
    const int width = side + (captionLines > 1 ? 40 : 10);
    setGridSize({width, side + 6 + captionLines * fontMetrics().height()});
    setSpacing(2);
}

void ImageGallery::addImage(const QImage &image, const QString &caption, const QString &toolTip)
{
    const QImage scaled = image.scaled(side_, side_, Qt::KeepAspectRatio, Qt::FastTransformation);
    auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(scaled)), caption, this);
    item->setToolTip(toolTip.isEmpty() ? caption : toolTip);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

QStringList ImageGallery::captions() const
{
    QStringList result;
    for (int row = 0; row < count(); ++row)
        result << item(row)->text();
    return result;
}
