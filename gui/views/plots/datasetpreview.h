// DatasetPreview: a first look at the data, narrow enough for a side panel: the split sizes, then
// the first training images with labels, a scatter of 2-D points, or a table of the first rows.
#pragma once

#include "views/plots/previewsnapshot.h"

#include "training/modelprobe.h"

#include <QWidget>

class ImageGallery;
class PlotCanvas;
class QLabel;
class QStackedWidget;
class QTableWidget;

// Shows the last PreviewSnapshot; its probe computes one at Prepared (when data was loaded).
class DatasetPreview : public QWidget {
    Q_OBJECT

public:
    explicit DatasetPreview(QWidget *parent = nullptr);

    ModelProbe probe();
    // Computes the preview here and now (the GUI thread), for a panel that has an experiment at hand.
    void showExperiment(const datasets::Experiment &experiment);

    void setSnapshot(PreviewSnapshot snapshot);
    const PreviewSnapshot &snapshot() const { return snapshot_; }

    QLabel *summaryLabel() const { return summary_; }
    ImageGallery *images() const { return images_; }
    PlotCanvas *scatter() const { return scatter_; }
    QTableWidget *table() const { return table_; }
    QWidget *currentPage() const;

    QSize sizeHint() const override { return {300, 340}; }

signals:
    void snapshotChanged();

private:
    void fillTable();

    PreviewSnapshot snapshot_;
    QLabel *summary_;
    QStackedWidget *pages_;
    ImageGallery *images_;
    PlotCanvas *scatter_;
    QTableWidget *table_;
    QLabel *empty_;
};
