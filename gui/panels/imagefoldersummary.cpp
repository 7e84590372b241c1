// The folder summary: progress, the classes' thumbnail grid and the skipped files.
#include "panels/imagefoldersummary.h"

#include "panels/projectsection.h"
#include "views/postsnapshot.h"

#include "canvas/canvasstyle.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPointer>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

constexpr int kThumbnailSide = 36;   // pixels on screen; small images are scaled up without blurring
constexpr int kMaxClassRows = 12;    // more classes are counted in one line
constexpr int kSkippedRows = 5;      // the list's visible height, in rows

QString mutedStyle()
{
    return QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name());
}

} // namespace

ImageFolderSummary::ImageFolderSummary(QWidget *parent)
    : QWidget(parent), progress_(new QProgressBar), heading_(new QLabel), problem_(ProjectSection::makeProblemLabel()),
      classes_(new QWidget), grid_(new QGridLayout(classes_)), skippedHeading_(new QLabel), skipped_(new QListWidget)
{
    setObjectName(QStringLiteral("image_folder_summary"));
    progress_->setFormat(tr("Decoding images: %v of %m"));
    progress_->hide();
    heading_->setWordWrap(true);
    heading_->setStyleSheet(mutedStyle());
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(3);
    grid_->setVerticalSpacing(4);
    skippedHeading_->setWordWrap(true);
    skipped_->setObjectName(QStringLiteral("skipped_files"));
    skipped_->setFocusPolicy(Qt::NoFocus);
    skipped_->setSelectionMode(QAbstractItemView::NoSelection);
    skipped_->setWordWrap(true);  // a reason is read whole, not cut at the dock's edge
    skipped_->setTextElideMode(Qt::ElideNone);
    skipped_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    skipped_->setMaximumHeight(kSkippedRows * (fontMetrics().height() + 4) + 6);
    skipped_->setToolTip(tr("These files are left out of training: fix or remove them and the folder is read again."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(progress_);
    layout->addWidget(heading_);
    layout->addWidget(problem_);
    layout->addWidget(classes_);
    layout->addWidget(skippedHeading_);
    layout->addWidget(skipped_);
    skippedHeading_->hide();
    skipped_->hide();
}

ModelProbe ImageFolderSummary::probe()
{
    QPointer<ImageFolderSummary> view(this);
    return [view](ProbeMoment moment, const nn::Model &, const datasets::Experiment &experiment) {
        if (moment == ProbeMoment::Prepared)
            postSnapshot(view, computeImageFolderSnapshot(experiment));
    };
}

void ImageFolderSummary::showProgress(qint64 done, qint64 total)
{
    progress_->setRange(0, int(std::min<qint64>(total, INT_MAX)));
    progress_->setValue(int(std::min<qint64>(done, INT_MAX)));
    progress_->setVisible(done < total);
}

void ImageFolderSummary::showWaiting(const QString &folder)
{
    if (folder == folder_)
        return;  // already shown, or on its way
    folder_ = folder;
    snapshot_ = {};
    clearClasses();
    ProjectSection::showProblem(problem_, {});
    heading_->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(folder)));
}

void ImageFolderSummary::showFailure(const QString &message)
{
    snapshot_ = {};
    clearClasses();
    progress_->hide();
    heading_->clear();
    ProjectSection::showProblem(problem_, message);
}

void ImageFolderSummary::setSnapshot(ImageFolderSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    folder_ = snapshot_.folder;
    clearClasses();
    progress_->hide();
    ProjectSection::showProblem(problem_, {});
    if (snapshot_.folder.isEmpty()) {
        heading_->clear();
        emit snapshotChanged();
        return;
    }
    const QLocale locale;
    heading_->setText(tr("%1 images in %2 classes%3")
                          .arg(locale.toString(snapshot_.total()))
                          .arg(snapshot_.classNames.size())
                          .arg(snapshot_.fromCache ? tr(" (read from the cache beside the folder)") : QString()));
    const int rows = int(std::min<qsizetype>(snapshot_.classNames.size(), kMaxClassRows));
    for (int c = 0; c < rows; ++c)
        addClassRow(c, snapshot_.classNames[c], snapshot_.counts[size_t(c)], snapshot_.thumbnails[size_t(c)]);
    if (snapshot_.classNames.size() > kMaxClassRows) {
        auto *more = new QLabel(tr("… and %1 more classes").arg(snapshot_.classNames.size() - kMaxClassRows));
        more->setStyleSheet(mutedStyle());
        grid_->addWidget(more, rows, 0, 1, -1);
    }
    skippedHeading_->setText(tr("Skipped %n file(s) that are not readable PNG or JPEG images:", nullptr, int(snapshot_.skipped.size())));
    skipped_->addItems(snapshot_.skipped);
    for (int i = 0; i < skipped_->count(); ++i)
        skipped_->item(i)->setToolTip(snapshot_.skipped[i]);
    skippedHeading_->setVisible(!snapshot_.skipped.isEmpty());
    skipped_->setVisible(!snapshot_.skipped.isEmpty());
    emit snapshotChanged();
}

// One row: "cats · 500" on top of its thumbnails.
void ImageFolderSummary::addClassRow(int row, const QString &name, int64_t count, const std::vector<QImage> &thumbnails)
{
    auto *title = new QLabel(tr("%1 · %2").arg(name, QLocale().toString(qint64(count))));
    title->setToolTip(tr("%n image(s) of class %1", nullptr, int(count)).arg(name));
    auto *strip = new QWidget;
    auto *images = new QHBoxLayout(strip);
    images->setContentsMargins(0, 0, 0, 0);
    images->setSpacing(3);
    for (const QImage &thumbnail : thumbnails) {
        auto *label = new QLabel;
        label->setObjectName(QStringLiteral("thumbnail"));
        label->setPixmap(QPixmap::fromImage(thumbnail.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
        label->setToolTip(name);
        images->addWidget(label);
    }
    images->addStretch(1);
    grid_->addWidget(title, 2 * row, 0);
    grid_->addWidget(strip, 2 * row + 1, 0);
}

void ImageFolderSummary::clearClasses()
{
    while (QLayoutItem *item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    skipped_->clear();
    skippedHeading_->hide();
    skipped_->hide();
}

QList<QLabel *> ImageFolderSummary::thumbnailLabels() const
{
    return classes_->findChildren<QLabel *>(QStringLiteral("thumbnail"));
}
