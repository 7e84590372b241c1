// The data preview: a summary line over an image grid, a scatter or a table.
#include "views/plots/datasetpreview.h"

#include "views/evaluation/imagegallery.h"
#include "views/plots/plotcanvas.h"
#include "views/postsnapshot.h"

#include "canvas/canvasstyle.h"
#include "nn/error.h"

#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

DatasetPreview::DatasetPreview(QWidget *parent)
    : QWidget(parent), summary_(new QLabel), pages_(new QStackedWidget), images_(new ImageGallery(36, 1)),
      scatter_(new PlotCanvas), table_(new QTableWidget), empty_(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_->setWordWrap(true);
    summary_->setStyleSheet(QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name()));
    layout->addWidget(summary_);
    layout->addWidget(pages_, 1);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    table_->verticalHeader()->hide();  // row numbers would only take width from the data
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setText(tr("The data appears here once it is loaded."));
    for (QWidget *page : {static_cast<QWidget *>(empty_), static_cast<QWidget *>(images_), static_cast<QWidget *>(scatter_),
                          static_cast<QWidget *>(table_)})
        pages_->addWidget(page);
    setMinimumWidth(200);
}

ModelProbe DatasetPreview::probe()
{
    QPointer<DatasetPreview> view(this);
    return [view](ProbeMoment moment, const nn::Model &, const datasets::Experiment &experiment) {
        if (moment != ProbeMoment::Prepared)
            return;  // the data changes only when the experiment is rebuilt
        PreviewSnapshot snapshot;
        try {
            snapshot = computePreview(experiment);
        } catch (const std::exception &error) {
            snapshot.summary = tr("The data could not be previewed: %1").arg(QString::fromStdString(nn::messageOf(error)));
        }
        postSnapshot(view, std::move(snapshot));
    };
}

void DatasetPreview::showExperiment(const datasets::Experiment &experiment)
{
    setSnapshot(computePreview(experiment));
}

void DatasetPreview::setSnapshot(PreviewSnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    summary_->setText(snapshot_.summary);
    images_->clear();
    switch (snapshot_.kind) {
    case PreviewSnapshot::Kind::Images:
        for (size_t i = 0; i < snapshot_.images.size(); ++i)
            images_->addImage(snapshot_.images[i], snapshot_.imageLabels[static_cast<qsizetype>(i)],
                              tr("Click to see it inside the network (Inside ▸ Feature maps)"), qint64(i));
        pages_->setCurrentWidget(images_);
        break;
    case PreviewSnapshot::Kind::Scatter:
        scatter_->setData(snapshot_.plot);
        pages_->setCurrentWidget(scatter_);
        break;
    case PreviewSnapshot::Kind::Table:
        fillTable();
        pages_->setCurrentWidget(table_);
        break;
    case PreviewSnapshot::Kind::Empty:
        pages_->setCurrentWidget(empty_);
    }
    emit snapshotChanged();
}

QWidget *DatasetPreview::currentPage() const
{
    return pages_->currentWidget();
}

void DatasetPreview::fillTable()
{
    table_->clear();
    table_->setColumnCount(static_cast<int>(snapshot_.columns.size()));
    table_->setRowCount(static_cast<int>(snapshot_.rows.size()));
    table_->setHorizontalHeaderLabels(snapshot_.columns);
    for (int r = 0; r < table_->rowCount(); ++r)
        for (int c = 0; c < table_->columnCount(); ++c) {
            auto *item = new QTableWidgetItem(snapshot_.rows[static_cast<size_t>(r)].value(c));
            item->setTextAlignment(c > 0 && !snapshot_.textTable ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
}
