// The filters tab: the layer chooser, the colour key and the enlarged tile image.
#include "views/inside/filtergridview.h"
#include "views/explanation.h"

#include "views/inside/filtergrid.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

FilterGridView::FilterGridView(QWidget *parent)
    : QWidget(parent), layers_(new QComboBox), scaleText_(new QLabel), picture_(new QLabel),
      scroll_(new QScrollArea)
{
    auto *about = new Explanation(QStringLiteral("filters"),
        tr("Each small square is one filter of a convolution layer: the weights it "
           "multiplies a patch of its input with. A filter responds most to patches that look like it. Mid-grey is "
           "0, lighter is positive, darker negative. For colour images a filter is one colour tile; otherwise each "
           "row is one filter and each column one of its input channels. Watch them turn from noise into edges "
           "and blobs as the network learns."));
    auto *chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Layer:")));
    chooser->addWidget(layers_);
    chooser->addWidget(scaleText_, 1);
    picture_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    picture_->setText(tr("No filters yet: train a network with a Conv2D layer (for example shapes-cnn) and they appear here."));
    picture_->setWordWrap(true);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(picture_);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(chooser);
    layout->addWidget(scroll_, 1);
    connect(layers_, &QComboBox::currentTextChanged, this, [this] {
        image_ = {};
        showImage();
        emit selectedLayerChanged();
    });
}

void FilterGridView::addRecord(const nn::TapRecord &record)
{
    QStringList convolutions;
    for (const nn::NodeTap &node : record.nodes)
        if (node.kind == "Conv2D")
            convolutions << QString::fromStdString(node.name);
    QStringList listed;
    for (int i = 0; i < layers_->count(); ++i)
        listed << layers_->itemText(i);
    if (convolutions != listed) {
        const QString chosen = selectedLayer();
        layers_->clear();
        layers_->addItems(convolutions);
        if (convolutions.contains(chosen))
            layers_->setCurrentText(chosen);
    }
    if (QString::fromStdString(record.weightsNode) != selectedLayer())
        return;
    for (const auto &[name, weight] : record.weights)
        if (name == "weight" && weight.shape().size() == 4) {
            image_ = filtergrid::render(weight);
            scale_ = filtergrid::colorScale(weight);
            showImage();
        }
}

void FilterGridView::clear()
{
    image_ = {};
    showImage();
}

QString FilterGridView::selectedLayer() const
{
    return layers_->currentText();
}

void FilterGridView::selectLayer(const QString &name)
{
    layers_->setCurrentText(name);
}

void FilterGridView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showImage();
}

// Enlarged by a whole factor (every weight stays a sharp square) to fit the space, at least 3× (then
// it scrolls) and at most 24×.
void FilterGridView::showImage()
{
    if (image_.isNull()) {
        scaleText_->clear();
        return;
    }
    scaleText_->setText(tr("black −%1 · mid-grey 0 · white +%1").arg(double(scale_), 0, 'g', 3));
    const QSize space = scroll_->viewport()->size() - QSize(4, 4);
    const int factor = std::clamp(std::min(space.width() / image_.width(), space.height() / image_.height()), 3, 24);
    picture_->setPixmap(QPixmap::fromImage(image_.scaled(image_.size() * factor, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
}
