// The shared frame of the sequence views: paragraph, choosers, scroll area.
#include "views/inside/sequencetab.h"

#include "views/explanation.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

SequenceTab::SequenceTab(const QString &key, const QString &about, QStringList kinds, const QString &waiting, QWidget *parent)
    : QWidget(parent), kinds_(std::move(kinds)), sample_(new QSpinBox), waiting_(new QLabel(waiting)),
      scroll_(new QScrollArea), content_(new QVBoxLayout), grid_(new QGridLayout)
{
    grid_->setHorizontalSpacing(16);
    grid_->setVerticalSpacing(12);
    content_->addLayout(grid_);
    auto *text = new Explanation(key, about);
    auto *choosers = new QHBoxLayout;
    if (!kinds_.isEmpty()) {
        layers_ = new QComboBox;
        layers_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        choosers->addWidget(new QLabel(tr("Layer:")));
        choosers->addWidget(layers_);
        connect(layers_, &QComboBox::currentTextChanged, this, [this] { drawnStep_ = 0; });
    }
    choosers->addWidget(new QLabel(tr("Sample of the batch:")));
    sample_->setRange(0, 0);
    sample_->setToolTip(tr("Which sample of each training batch to show; the batches are shuffled, so its "
                           "text changes from update to update."));
    choosers->addWidget(sample_);
    choosers->addStretch(1);
    connect(sample_, &QSpinBox::valueChanged, this, &SequenceTab::sampleChanged);
    waiting_->setWordWrap(true);
    auto *pictures = new QWidget;
    auto *pictureLayout = new QVBoxLayout(pictures);
    pictureLayout->addWidget(waiting_);
    pictureLayout->addLayout(content_);
    pictureLayout->addStretch(1);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(pictures);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(choosers);
    layout->addWidget(scroll_, 1);
}

bool SequenceTab::shows(const nn::TapRecord &record) const
{
    return std::any_of(record.nodes.begin(), record.nodes.end(),
                       [this](const nn::NodeTap &node) { return kinds_.contains(QString::fromStdString(node.kind)); });
}

void SequenceTab::listLayers(const nn::TapRecord &record)
{
    if (!layers_)
        return;
    QStringList names, listed;
    for (const nn::NodeTap &node : record.nodes)
        if (kinds_.contains(QString::fromStdString(node.kind)))
            names << QString::fromStdString(node.name);
    for (int i = 0; i < layers_->count(); ++i)
        listed << layers_->itemText(i);
    if (names == listed)
        return;
    const QString chosen = selectedLayer();
    layers_->clear();
    layers_->addItems(names);
    if (names.contains(chosen))
        layers_->setCurrentText(chosen);
}

void SequenceTab::addRecord(const nn::TapRecord &record)
{
    listLayers(record);
    if (!record.nodes.empty() && !record.nodes.front().shape.empty() && record.nodes.front().shape[0] > sample_->maximum() + 1)
        sample_->setMaximum(int(record.nodes.front().shape[0]) - 1);  // the largest batch seen
    if (record.sample != sample() || !draw(record))
        return;
    drawnStep_ = record.step;
    waiting_->hide();
}

void SequenceTab::clear()
{
    drawnStep_ = 0;
    waiting_->show();
}

int SequenceTab::sample() const
{
    return sample_->value();
}

void SequenceTab::setSample(int sample)
{
    sample_->setMaximum(std::max(sample_->maximum(), sample));
    sample_->setValue(sample);
}

QString SequenceTab::selectedLayer() const
{
    return layers_ ? layers_->currentText() : QString();
}

void SequenceTab::selectLayer(const QString &name)
{
    if (layers_)
        layers_->setCurrentText(name);
}

void SequenceTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

int SequenceTab::availableWidth() const
{
    return scroll_->viewport()->width() - scroll_->verticalScrollBar()->sizeHint().width() - 24;
}

void SequenceTab::placeInGrid(const std::vector<QWidget *> &pictures, int perRow)
{
    for (QWidget *picture : pictures)
        grid_->removeWidget(picture);
    for (size_t i = 0; i < pictures.size(); ++i)
        grid_->addWidget(pictures[i], int(i) / perRow, int(i) % perRow, Qt::AlignLeft | Qt::AlignTop);
}

int SequenceTab::availableHeight() const
{
    return scroll_->viewport()->height() - 16;
}

const nn::NodeTap *SequenceTab::chosenNode(const nn::TapRecord &record) const
{
    for (const nn::NodeTap &node : record.nodes)
        if (QString::fromStdString(node.name) == selectedLayer())
            return &node;
    return nullptr;
}
