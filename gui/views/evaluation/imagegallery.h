// ImageGallery: a wrapping grid of small captioned images (the data preview's samples, the
// confusion view's misclassified samples), pixels scaled up without blurring.
#pragma once

#include <QListWidget>

// A read-only icon list; each item holds one image and its caption. The cells widen until every
// caption fits in its lines, so none is cut short.
class ImageGallery : public QListWidget {
    Q_OBJECT

public:
    // `side`: the size images are drawn at; `captionLines`: lines of text under each.
    explicit ImageGallery(int side, int captionLines, QWidget *parent = nullptr);

    // The tooltip holds the caption, then `toolTip`; `key` (the sample's index, ≥ 0) is what a click
    // on the image reports.
    void addImage(const QImage &image, const QString &caption, const QString &toolTip = {}, qint64 key = -1);
    QStringList captions() const;
    // Whether `caption` fits in the cells' caption lines.
    bool fits(const QString &caption) const;

signals:
    // An image added with a key was clicked.
    void imageClicked(qint64 key);

protected:
    void changeEvent(QEvent *event) override;

private:
    int gridHeight() const;
    void setCellSize(QSize size);
    void fitCaption(const QString &caption);

    int side_;
    int captionLines_;
};
