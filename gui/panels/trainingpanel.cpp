// The Training dock: its sections, the preview slot and the read-only state.
#include "trainingpanel.h"

#include "gansection.h"
#include "trainingsection.h"

#include "document/graphdocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

// A tab's page: `content` at the top of a scroll area that scrolls only up and down.
QScrollArea *scrollingPage(QWidget *content)
{
    auto *holder = new QWidget;
    auto *column = new QVBoxLayout(holder);
    column->setContentsMargins(8, 8, 8, 8);
    column->addWidget(content);
    column->addStretch(1);
    auto *page = new QScrollArea;
    page->setWidget(holder);
    page->setWidgetResizable(true);
    page->setFrameShape(QFrame::NoFrame);
    page->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // labels wrap instead
    return page;
}

} // namespace

TrainingPanel::TrainingPanel(GraphDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), readOnlyNote_(new QLabel), tabs_(new QTabWidget), dataGroup_(new QGroupBox(tr("Data"))),
      data_(new DataSection(document)), previewHolder_(new QVBoxLayout), gan_(new GanSection(document)),
      training_(new TrainingSection(document))
{
    readOnlyNote_->setText(tr("Training is running: stop it to change these settings."));
    readOnlyNote_->setWordWrap(true);
    readOnlyNote_->setStyleSheet(QStringLiteral("background: #fef3c7; color: #92400e; padding: 6px; border-radius: 4px;"));
    readOnlyNote_->hide();

    auto *dataLayout = new QVBoxLayout(dataGroup_);
    dataLayout->addWidget(data_);
    previewHolder_->setContentsMargins(0, 0, 0, 0);
    dataLayout->addLayout(previewHolder_);

    tabs_->setDocumentMode(true);
    tabs_->addTab(scrollingPage(dataGroup_), tr("Data"));
    auto *trainingPage = new QWidget;
    auto *trainingColumn = new QVBoxLayout(trainingPage);
    trainingColumn->setContentsMargins(0, 0, 0, 0);
    trainingColumn->addWidget(gan_);
    trainingColumn->addWidget(training_);
    tabs_->addTab(scrollingPage(trainingPage), tr("Training"));
    tabs_->setTabToolTip(0, tr("What the network learns from: the data set, its noise and size, and the splits"));
    tabs_->setTabToolTip(1, tr("How it learns: loss, optimizer, batches, epochs, schedule and regularization"));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 0);
    column->setSpacing(4);
    column->addWidget(readOnlyNote_);
    column->addWidget(tabs_, 1);
    setMinimumWidth(260);

    connect(document_, &GraphDocument::projectReset, this, &TrainingPanel::refresh);
    connect(document_, &GraphDocument::dataChanged, this, &TrainingPanel::refresh);
    connect(document_, &GraphDocument::trainingChanged, this, [this] {
        training_->refresh();
        gan_->refresh();  // G's optimizer shows D's while it has none of its own
    });
    connect(document_, &GraphDocument::ganChanged, this, &TrainingPanel::refresh);
    refresh();
}

void TrainingPanel::setPreviewWidget(QWidget *preview)
{
    if (preview == preview_)
        return;
    delete preview_;
    preview_ = preview;
    if (preview_) {
        previewHolder_->addWidget(preview_);
        preview_->show();  // the window keeps it hidden until it has a place
    }
}

void TrainingPanel::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    data_->setEnabled(!readOnly);
    training_->setEnabled(!readOnly);
    gan_->setEnabled(!readOnly);
    readOnlyNote_->setVisible(readOnly);
}

void TrainingPanel::setFileChooser(DataSection::FileChooser chooser)
{
    data_->setFileChooser(std::move(chooser));
}

QSize TrainingPanel::sizeHint() const
{
    return {300, 600};
}

// The data decides which losses fit, so a data change refreshes both sections.
void TrainingPanel::refresh()
{
    data_->refresh();
    training_->setDataTask(data_->isRegression()       ? TrainingSection::DataTask::Regression
                           : data_->isClassification() ? TrainingSection::DataTask::Classification
                                                       : TrainingSection::DataTask::Unknown);
    training_->refresh();
    gan_->setVisible(document_->isGan());
    gan_->refresh();
}
