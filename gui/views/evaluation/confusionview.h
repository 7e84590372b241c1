// ConfusionView: how the model does on the validation split (or the test split when there is no
// validation split): the confusion matrix, per-class precision, recall, F1 and support, and for
// image data a gallery of misclassified samples; MAE and R² for regression.
#pragma once

#include "views/evaluation/confusionsnapshot.h"

#include "training/modelprobe.h"

#include <QWidget>

class ConfusionMatrixWidget;
class ImageGallery;
class QLabel;
class QStackedWidget;
class QTableWidget;

// Shows the last ConfusionSnapshot its probe posted (computed at Prepared, Epoch and Finished).
class ConfusionView : public QWidget {
    Q_OBJECT

public:
    explicit ConfusionView(QWidget *parent = nullptr);

    ModelProbe probe();

    void setSnapshot(ConfusionSnapshot snapshot);
    // Untrained, the summary says so instead of presenting a random network's accuracy as a result.
    void setTrained(bool trained);
    const ConfusionSnapshot &snapshot() const { return snapshot_; }

    QLabel *summaryLabel() const { return summary_; }
    ConfusionMatrixWidget *matrix() const { return matrix_; }
    QTableWidget *metricsTable() const { return table_; }
    ImageGallery *gallery() const { return gallery_; }
    QLabel *galleryLabel() const { return galleryLabel_; }
    QLabel *regressionLabel() const { return regression_; }

signals:
    void snapshotChanged();
    // A misclassified image was clicked: sample `index` of the split ("validation" or "test").
    void sampleClicked(const QString &split, qint64 index);

private:
    QWidget *createClassificationPage();
    void showClassification();
    void showSummary();
    void fillTable();
    void fitTableWidth();  // every column readable, no empty space beside them
    // Fills the gallery with the misclassified samples of cell (t, p), or all of them for (-1, -1).
    void fillGallery(int trueClass, int predictedClass);

    ConfusionSnapshot snapshot_;
    bool trained_ = true;  // the window says when the weights are the seed's random ones
    QLabel *summary_;
    QStackedWidget *pages_;
    ConfusionMatrixWidget *matrix_ = nullptr;
    QTableWidget *table_ = nullptr;
    QLabel *galleryLabel_ = nullptr;
    ImageGallery *gallery_ = nullptr;
    QWidget *galleryBox_ = nullptr;
    QWidget *spacer_ = nullptr;
    QLabel *regression_;
    QLabel *message_;
};
