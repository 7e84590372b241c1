// The evaluation view: a summary line over the matrix, the metrics table and the gallery.
#include "views/evaluation/confusionview.h"

#include "views/evaluation/confusionmatrixwidget.h"
#include "views/evaluation/imagegallery.h"
#include "views/postsnapshot.h"

#include "canvas/canvasstyle.h"
#include "nn/error.h"

#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace {

constexpr int kMinTableWidth = 180;

QLabel *mutedLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name()));
    return label;
}

QTableWidgetItem *numberItem(double value, int decimals)
{
    auto *item = new QTableWidgetItem(QString::number(value, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ConfusionView::ConfusionView(QWidget *parent)
    : QWidget(parent), summary_(new QLabel), pages_(new QStackedWidget), regression_(new QLabel), message_(mutedLabel({}))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    layout->addWidget(pages_, 1);
    pages_->addWidget(createClassificationPage());
    regression_->setAlignment(Qt::AlignCenter);
    regression_->setTextFormat(Qt::RichText);
    pages_->addWidget(regression_);
    message_->setAlignment(Qt::AlignCenter);
    message_->setText(tr("Train a network to see how it does on the validation data."));
    pages_->addWidget(message_);
    pages_->setCurrentWidget(message_);
}

QWidget *ConfusionView::createClassificationPage()
{
    auto *page = new QWidget;
    auto *row = new QHBoxLayout(page);
    row->setContentsMargins(0, 0, 0, 0);
    matrix_ = new ConfusionMatrixWidget;
    connect(matrix_, &ConfusionMatrixWidget::cellSelected, this, &ConfusionView::fillGallery);
    row->addWidget(matrix_, 2);

    table_ = new QTableWidget(0, 4);
    table_->setHorizontalHeaderLabels({tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);  // it asks for its columns' width
    table_->setToolTip(tr("Precision: of the samples predicted as this class, the share that is. Recall: of the "
                          "samples of this class, the share found. F1: their harmonic mean."));
    row->addWidget(table_, 0);

    galleryBox_ = new QWidget;
    auto *galleryLayout = new QVBoxLayout(galleryBox_);
    galleryLayout->setContentsMargins(0, 0, 0, 0);
    galleryLabel_ = mutedLabel({});
    gallery_ = new ImageGallery(56, 2);
    connect(gallery_, &ImageGallery::imageClicked, this, [this](qint64 index) { emit sampleClicked(snapshot_.splitName, index); });
    galleryLayout->addWidget(galleryLabel_);
    galleryLayout->addWidget(gallery_, 1);
    row->addWidget(galleryBox_, 3);
    spacer_ = new QWidget;  // takes the gallery's room when there are no images
    spacer_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    row->addWidget(spacer_, 3);
    return page;
}

ModelProbe ConfusionView::probe()
{
    QPointer<ConfusionView> view(this);
    return [view](ProbeMoment moment, const nn::Model &model, const datasets::Experiment &experiment) {
        if (moment == ProbeMoment::Step || moment == ProbeMoment::Paused)
            return;  // a full pass over the split: only once per epoch
        ConfusionSnapshot snapshot;
        try {
            snapshot = computeConfusion(model, experiment);
        } catch (const std::exception &error) {
            snapshot.kind = ConfusionSnapshot::Kind::Message;
            snapshot.message = tr("The evaluation could not be computed: %1").arg(QString::fromStdString(nn::messageOf(error)));
        }
        postSnapshot(view, std::move(snapshot));
    };
}

void ConfusionView::setTrained(bool trained)
{
    trained_ = trained;
    showSummary();
}

void ConfusionView::showSummary()
{
    const QString split = snapshot_.splitName == QLatin1String("test") ? tr("the test split (there is no validation split)")
                                                                         : tr("the validation split");
    if (snapshot_.kind == ConfusionSnapshot::Kind::Classification && trained_ && snapshot_.steps > 1)
        summary_->setText(tr("<b>Accuracy %1 %</b> over every step on %2 (%3 samples × %4 steps, %5 wrong)")
                              .arg(100.0 * snapshot_.metrics.accuracy, 0, 'f', 1)
                              .arg(split)
                              .arg(snapshot_.samples / snapshot_.steps)
                              .arg(snapshot_.steps)
                              .arg(snapshot_.misclassifiedCount));
    else if (snapshot_.kind == ConfusionSnapshot::Kind::Classification && trained_)
        summary_->setText(tr("<b>Accuracy %1 %</b> on %2 (%3 samples, %4 misclassified)")
                              .arg(100.0 * snapshot_.metrics.accuracy, 0, 'f', 1)
                              .arg(split)
                              .arg(snapshot_.samples)
                              .arg(snapshot_.misclassifiedCount));
    else if (snapshot_.kind == ConfusionSnapshot::Kind::Classification)
        summary_->setText(tr("<b>Untrained</b>: random weights score %1 % on %2, about what guessing scores. Train to see it learn.")
                              .arg(100.0 * snapshot_.metrics.accuracy, 0, 'f', 1)
                              .arg(split));
    else if (snapshot_.kind == ConfusionSnapshot::Kind::Regression)
        summary_->setText(trained_ ? tr("Regression on %1 (%2 samples)").arg(split).arg(snapshot_.samples)
                                   : tr("<b>Untrained</b>: random weights on %1 (%2 samples). Train to see it learn.")
                                         .arg(split)
                                         .arg(snapshot_.samples));
    else
        summary_->clear();
}

void ConfusionView::setSnapshot(ConfusionSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    showSummary();
    switch (snapshot_.kind) {
    case ConfusionSnapshot::Kind::Classification:
        showClassification();
        break;
    case ConfusionSnapshot::Kind::Regression:
        regression_->setText(tr("<p style='font-size:15pt'>Mean absolute error <b>%1</b></p>"
                                "<p style='font-size:15pt'>R² <b>%2</b></p>"
                                "<p>R² is 1 for a perfect fit and 0 for always predicting the mean.</p>")
                                 .arg(snapshot_.regression.mae, 0, 'g', 4)
                                 .arg(snapshot_.regression.r2, 0, 'f', 3));
        pages_->setCurrentWidget(regression_);
        break;
    default:
        message_->setText(snapshot_.message);
        pages_->setCurrentWidget(message_);
    }
    emit snapshotChanged();
}

void ConfusionView::showClassification()
{
    matrix_->setMatrix(snapshot_.metrics.confusion, snapshot_.classNames);  // keeps a selected cell that still exists
    fillTable();
    galleryBox_->setVisible(snapshot_.isImage);
    spacer_->setVisible(!snapshot_.isImage);
    const auto cell = matrix_->selectedCell();
    fillGallery(cell.first, cell.second);
    pages_->setCurrentIndex(0);
}

void ConfusionView::fillTable()
{
    const nn::ClassificationMetrics &m = snapshot_.metrics;
    const int classes = static_cast<int>(m.precision.size());
    table_->setRowCount(classes + 2);
    QStringList names;
    for (int k = 0; k < classes; ++k) {
        names << (k < snapshot_.classNames.size() ? snapshot_.classNames[k] : QString::number(k));
        table_->setItem(k, 0, numberItem(m.precision[static_cast<size_t>(k)], 3));
        table_->setItem(k, 1, numberItem(m.recall[static_cast<size_t>(k)], 3));
        table_->setItem(k, 2, numberItem(m.f1[static_cast<size_t>(k)], 3));
        table_->setItem(k, 3, numberItem(static_cast<double>(snapshot_.support[static_cast<size_t>(k)]), 0));
    }
    names << tr("macro average") << tr("accuracy");
    table_->setItem(classes, 0, numberItem(m.macroPrecision, 3));
    table_->setItem(classes, 1, numberItem(m.macroRecall, 3));
    table_->setItem(classes, 2, numberItem(m.macroF1, 3));
    table_->setItem(classes, 3, numberItem(static_cast<double>(snapshot_.samples), 0));
    table_->setItem(classes + 1, 0, new QTableWidgetItem);
    table_->setItem(classes + 1, 1, new QTableWidgetItem);
    table_->setItem(classes + 1, 2, numberItem(m.accuracy, 3));
    table_->setItem(classes + 1, 3, numberItem(static_cast<double>(snapshot_.samples), 0));
    table_->setVerticalHeaderLabels(names);
    fitTableWidth();
}

void ConfusionView::fitTableWidth()
{
    table_->resizeColumnsToContents();
    // Compact rows, so ten classes, their macro average and the accuracy fit without scrolling.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 5);
    int width = table_->verticalHeader()->sizeHint().width() + 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table_->columnCount(); ++c)
        width += table_->horizontalHeader()->sectionSize(c);
    // Every column readable where there is room; where there is not (large fonts on a small
    // screen) it scrolls rather than pushing the window off the screen.
    table_->setMaximumWidth(width);
    table_->setMinimumWidth(std::min(width, kMinTableWidth));
}

void ConfusionView::fillGallery(int trueClass, int predictedClass)
{
    gallery_->clear();
    if (!snapshot_.isImage)
        return;
    const bool filtered = trueClass >= 0 && trueClass != predictedClass;
    int shown = 0;
    for (const MisclassifiedSample &sample : snapshot_.misclassified) {
        if (shown == kGalleryCap)
            break;
        if (filtered && (sample.trueClass != trueClass || sample.predictedClass != predictedClass))
            continue;
        gallery_->addImage(sample.image, misclassifiedCaption(sample, snapshot_.classNames),
                           tr("%1 sample %2; click to see it inside the network").arg(snapshot_.splitName).arg(sample.index),
                           sample.index);
        ++shown;
    }
    if (filtered)
        galleryLabel_->setText(tr("Misclassified %1 → %2: showing %3 (click the cell again for all)")
                                   .arg(snapshot_.classNames.value(trueClass), snapshot_.classNames.value(predictedClass))
                                   .arg(shown));
    else
        galleryLabel_->setText(tr("Misclassified: showing %1 of %2 (click a matrix cell to filter)").arg(shown).arg(snapshot_.misclassifiedCount));
}
