// ImageFolderSummary: the data section's look at a folder of images: a progress bar while the
// worker decodes it, then the classes with their counts and thumbnails, and the skipped files.
#pragma once

#include "panels/imagefoldersnapshot.h"

#include "training/modelprobe.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;

// Fed by its probe at Prepared (computed on the worker thread) and by the worker's load progress.
class ImageFolderSummary : public QWidget {
    Q_OBJECT

public:
    explicit ImageFolderSummary(QWidget *parent = nullptr);

    ModelProbe probe();

    // Files decoded so far, of all.
    void showProgress(qint64 done, qint64 total);
    // Before the worker has answered for `folder`.
    void showWaiting(const QString &folder);
    // The folder could not be used (one class, a class with one image, an unreadable folder).
    void showFailure(const QString &message);
    void setSnapshot(ImageFolderSnapshot snapshot);
    const ImageFolderSnapshot &snapshot() const { return snapshot_; }

    QProgressBar *progressBar() const { return progress_; }
    QLabel *headingLabel() const { return heading_; }
    QLabel *problemLabel() const { return problem_; }
    QListWidget *skippedList() const { return skipped_; }
    // The thumbnails on show, each a QLabel with a pixmap.
    QList<QLabel *> thumbnailLabels() const;

signals:
    void snapshotChanged();

private:
    void clearClasses();
    void addClassRow(int row, const QString &name, int64_t count, const std::vector<QImage> &thumbnails);

    ImageFolderSnapshot snapshot_;
    QString folder_;  // the folder shown or being read
    QProgressBar *progress_;
    QLabel *heading_;
    QLabel *problem_;
    QWidget *classes_;
    QGridLayout *grid_;
    QLabel *skippedHeading_;
    QListWidget *skipped_;
};
