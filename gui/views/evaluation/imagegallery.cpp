// The image grid of the preview and the misclassified gallery.
#include "views/evaluation/imagegallery.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPixmap>

namespace {

constexpr int kCaptionPadding = 10;    // what the item delegate keeps around a caption
constexpr int kMaxCellWidth = 260;
constexpr int kCellGap = 4;            // between the cells of a row     // a longer caption is elided (its tooltip holds it whole)

} // namespace

ImageGallery::ImageGallery(int side, int captionLines, QWidget *parent)
    : QListWidget(parent), side_(side), captionLines_(captionLines)
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
    setGridSize({side + (captionLines > 1 ? 40 : 10), gridHeight()});
    setSpacing(2);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (const qint64 key = item->data(Qt::UserRole).toLongLong(); key >= 0)
            emit imageClicked(key);
    });
}

void ImageGallery::addImage(const QImage &image, const QString &caption, const QString &toolTip, qint64 key)
{
    const QImage scaled = image.scaled(side_, side_, Qt::KeepAspectRatio, Qt::FastTransformation);
    auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(scaled)), caption, this);
    item->setToolTip(toolTip.isEmpty() ? caption : caption + QLatin1Char('\n') + toolTip);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
    item->setData(Qt::UserRole, key);
    fitCaption(caption);
    item->setSizeHint(gridSize() - QSize(kCellGap, 0));  // the caption wraps across the cell, not the image's width
}

int ImageGallery::gridHeight() const
{
    return side_ + 6 + captionLines_ * fontMetrics().height();
}

void ImageGallery::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        setCellSize({gridSize().width(), gridHeight()});  // View ▸ Present enlarges the captions
    QListWidget::changeEvent(event);
}

bool ImageGallery::fits(const QString &caption) const
{
    const QRect wrapped = fontMetrics().boundingRect(QRect(0, 0, gridSize().width() - kCaptionPadding, 1 << 16),
                                                     Qt::TextWordWrap | Qt::AlignHCenter, caption);
    return wrapped.height() <= captionLines_ * fontMetrics().height() && wrapped.width() <= gridSize().width() - kCaptionPadding;
}

void ImageGallery::fitCaption(const QString &caption)
{
    const QSize grid = gridSize();
    int width = grid.width();
    while (width < kMaxCellWidth && !fits(caption))
        setGridSize({width += 4, grid.height()});
    if (width != grid.width())
        setCellSize(gridSize());
}

void ImageGallery::setCellSize(QSize size)
{
    setGridSize(size);
    for (int row = 0; row < count(); ++row)
        item(row)->setSizeHint(size - QSize(kCellGap, 0));
}

QStringList ImageGallery::captions() const
{
    QStringList result;
    for (int row = 0; row < count(); ++row)
        result << item(row)->text();
    return result;
}
