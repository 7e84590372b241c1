// ImageGallery: a wrapping grid of small captioned images (the data preview's samples, the
// confusion view's misclassified samples), pixels scaled up without blurring.
#pragma once

#include <QListWidget>

// A read-only icon list; each item holds one image and its caption.
class ImageGallery : public QListWidget {
    Q_OBJECT

public:
    // `side`: the size images are drawn at; `captionLines`: lines of text under each.
    explicit ImageGallery(int side, int captionLines, QWidget *parent = nullptr);

    void addImage(const QImage &image, const QString &caption, const QString &toolTip = {});
    QStringList captions() const;

private:
    int side_;
};
