// The layered-distributions view: canvas, layer check boxes and explanation, fed by its probe.
#include "views/plots/ganlayersview.h"

#include "views/explanation.h"

#include "views/snapshotprobe.h"

#include "canvas/canvasstyle.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <chrono>

namespace {

// At most 10 pictures a second during a run: each costs a few G and D passes over ~2,000 points.
constexpr auto kGanStepInterval = std::chrono::milliseconds(100);

} // namespace

GanLayersView::GanLayersView(QWidget *parent)
    : QWidget(parent), canvas_(new GanLayersCanvas), message_(new QLabel), explanation_(new Explanation(QStringLiteral("gan-layers"), {})),
      clear_(new QPushButton(tr("Clear"))), ring_(new QPushButton(tr("Start from Ring")))
{
    setObjectName(QStringLiteral("ganLayersView"));
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setMargin(16);
    message_->setStyleSheet(QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name()));
    explanation_->setStyleSheet(QStringLiteral("color: %1;").arg(canvasstyle::textColor().name()));
    explanationText_ = tr("<span style='color:#008837'>●</span> real points, "
                          "<span style='color:#7b3294'>●</span> G's points from fixed noise. Background: D's verdict, "
                          "green = <i>real</i>, purple = <i>fake</i>. Mesh: a grid of noise after G, darker where G "
                          "crowds its points. Pink arrows: where G's loss pushes each point (−∂L<sub>G</sub>/∂x; "
                          "longer = stronger). G wins when its points cover the green and the background fades to white.");
    explanation_->setParagraph(explanationText_);

    auto *plotPage = new QWidget;
    auto *plotLayout = new QVBoxLayout(plotPage);
    plotLayout->setContentsMargins(4, 4, 4, 4);
    plotLayout->setSpacing(4);
    plotLayout->addWidget(canvas_, 1);
    plotLayout->addWidget(createLayerBoxes());
    plotLayout->addWidget(drawingRow_ = createDrawingRow());
    plotLayout->addWidget(explanation_);
    stack_ = new QStackedLayout(this);
    stack_->addWidget(plotPage);
    stack_->addWidget(message_);
    stack_->setCurrentWidget(message_);
}

QWidget *GanLayersView::createLayerBoxes()
{
    using Layer = GanLayersCanvas::Layer;
    const std::array<std::pair<Layer, QString>, GanLayersCanvas::kLayers> layers{{
        {Layer::Verdict, tr("D's verdict")},
        {Layer::Manifold, tr("G's manifold")},
        {Layer::Real, tr("Real points")},
        {Layer::Fake, tr("Generated points")},
        {Layer::Push, tr("G's gradient")},
    }};
    auto *boxes = new QWidget;
    auto *grid = new QGridLayout(boxes);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(2);
    for (size_t k = 0; k < layers.size(); ++k) {
        auto *box = boxes_[static_cast<size_t>(layers[k].first)] = new QCheckBox(layers[k].second);
        box->setChecked(true);
        const Layer layer = layers[k].first;
        connect(box, &QCheckBox::toggled, this, [this, layer](bool on) { canvas_->setLayerShown(layer, on); });
        grid->addWidget(box, int(k / 3), int(k % 3));
    }
    grid->setColumnStretch(3, 1);
    return boxes;
}

QWidget *GanLayersView::createDrawingRow()
{
    clear_->setObjectName(QStringLiteral("clearDrawing"));
    clear_->setToolTip(tr("Removes every drawn point (Undo brings them back)."));
    ring_->setObjectName(QStringLiteral("drawRing"));
    ring_->setToolTip(tr("Replaces the drawing with points around a ring of 8 Gaussians, to change by painting."));
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Draw your own:"));
    layout->addWidget(label);
    layout->addWidget(clear_);
    layout->addWidget(ring_);
    layout->addStretch(1);
    row->hide();
    return row;
}

void GanLayersView::setDrawing(bool on, std::vector<QPointF> points)
{
    const bool changed = on != canvas_->isDrawing();
    canvas_->setDrawing(on, std::move(points));
    drawingRow_->setVisible(on);
    showPage();
    if (changed)
        emit snapshotChanged();  // applies() may have changed
}

void GanLayersView::showPage()
{
    const bool plot = canvas_->isDrawing() || snapshot().kind == GanLayersSnapshot::Kind::Layers;
    stack_->setCurrentIndex(plot ? 0 : 1);
}

ModelProbe GanLayersView::probe()
{
    return snapshotProbe(this, kGanStepInterval, &computeGanLayers, [](const QString &problem) {
        GanLayersSnapshot snapshot;
        snapshot.kind = GanLayersSnapshot::Kind::Message;
        snapshot.message = tr("The GAN's layers could not be drawn: %1").arg(problem);
        return snapshot;
    });
}

void GanLayersView::setSnapshot(GanLayersSnapshot snapshot)
{
    message_->setText(snapshot.message);
    explanation_->setParagraph(snapshot.manifoldNote.isEmpty() ? explanationText_
                                                               : explanationText_ + QStringLiteral(" ") + snapshot.manifoldNote);
    canvas_->setSnapshot(std::move(snapshot));
    showPage();
    emit snapshotChanged();
}

QString GanLayersView::explanation() const
{
    return explanation_->text();  // the heading and, unless folded, the paragraph
}
