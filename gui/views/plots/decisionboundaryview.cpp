// The decision boundary view: a plot or a message, fed by its probe.
#include "views/plots/decisionboundaryview.h"

#include "views/plots/plotcanvas.h"
#include "views/snapshotprobe.h"

#include "canvas/canvasstyle.h"

#include <QCheckBox>
#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <chrono>

namespace {

// The worker probes every 100 ms; this only keeps a Step and an Epoch probe close together from both drawing.
constexpr auto kStepInterval = std::chrono::milliseconds(80);

} // namespace

DecisionBoundaryView::DecisionBoundaryView(QWidget *parent)
    : QWidget(parent), stack_(new QStackedLayout), canvas_(new PlotCanvas), message_(new QLabel),
      validation_(new QCheckBox(tr("Validation points")))
{
    validation_->setChecked(canvas_->showsValidation());
    validation_->setVisible(false);  // until there is a plot with validation points
    validation_->setToolTip(tr("Draws the validation points (hollow rings) over the boundary too. The network never "
                               "trains on them: where the boundary bends around single training points and misses "
                               "the validation points nearby, it has learned the noise — that is overfitting."));
    connect(validation_, &QCheckBox::toggled, canvas_, &PlotCanvas::setShowsValidation);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(stack_, 1);
    layout->addWidget(validation_, 0, Qt::AlignRight);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setMargin(16);
    message_->setStyleSheet(QStringLiteral("color: %1;").arg(canvasstyle::mutedTextColor().name()));
    message_->setText(tr("Train a network to see how it divides the input plane."));
    stack_->addWidget(canvas_);
    stack_->addWidget(message_);
    stack_->setCurrentWidget(message_);
}

ModelProbe DecisionBoundaryView::probe()
{
    return snapshotProbe(this, kStepInterval, [](const nn::Model &model, const datasets::Experiment &experiment) {
        return computeBoundary(model, experiment);
    }, [](const QString &problem) {
        BoundarySnapshot snapshot;
        snapshot.kind = BoundarySnapshot::Kind::Message;
        snapshot.message = tr("The decision boundary could not be computed: %1").arg(problem);
        return snapshot;
    });
}

void DecisionBoundaryView::setSnapshot(BoundarySnapshot snapshot)
{
    snapshot_ = std::move(snapshot);
    const bool plot = snapshot_.kind == BoundarySnapshot::Kind::Classes || snapshot_.kind == BoundarySnapshot::Kind::Curve;
    if (plot)
        canvas_->setData(snapshot_.plot);
    else
        message_->setText(snapshot_.message);
    stack_->setCurrentWidget(plot ? static_cast<QWidget *>(canvas_) : message_);
    validation_->setVisible(plot && snapshot_.plot.splitLegend);
    emit snapshotChanged();
}

QString DecisionBoundaryView::message() const
{
    return snapshot_.kind == BoundarySnapshot::Kind::Message ? snapshot_.message : QString();
}
