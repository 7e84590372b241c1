// The Inside dock's tabs and the wiring of the taps to them.
#include "views/inside/insidepanel.h"

#include "training/trainingcontroller.h"
#include "views/inside/filtergridview.h"
#include "views/inside/gradientflowview.h"
#include "views/inside/neuronstatsview.h"

InsidePanel::InsidePanel(QWidget *parent)
    : QTabWidget(parent), gradientFlow_(new GradientFlowView), neuronStats_(new NeuronStatsView),
      filters_(new FilterGridView)
{
    setDocumentMode(true);
    addTab(gradientFlow_, tr("Gradient flow"));
    addTab(neuronStats_, tr("Neurons"));
    addTab(filters_, tr("Filters"));
    connect(filters_, &FilterGridView::selectedLayerChanged, this, &InsidePanel::requestChanged);
}

void InsidePanel::connectTo(TrainingController *training)
{
    connect(training, &TrainingController::tapsRecorded, this, &InsidePanel::addRecord);
    connect(training, &TrainingController::runStarted, this, [this](bool continuing) {
        if (!continuing)
            clear();
    });
    connect(training, &TrainingController::runReset, this, &InsidePanel::clear);
    connect(this, &InsidePanel::requestChanged, training, [this, training] { training->setTapRequest(request()); });
}

void InsidePanel::addRecord(const nn::TapRecord &record)
{
    gradientFlow_->addRecord(record);
    neuronStats_->addRecord(record);
    filters_->addRecord(record);
}

void InsidePanel::clear()
{
    gradientFlow_->clear();
    neuronStats_->clear();
    filters_->clear();
}

std::optional<nn::TapRequest> InsidePanel::request() const
{
    if (!isVisible())
        return std::nullopt;
    return nn::TapRequest{-1, filters_->selectedLayer().toStdString()};
}

QStringList InsidePanel::viewNames()
{
    return {QStringLiteral("gradient-flow"), QStringLiteral("neurons"), QStringLiteral("filters")};
}

bool InsidePanel::showView(const QString &name)
{
    const qsizetype index = viewNames().indexOf(name);
    if (index < 0)
        return false;
    setCurrentIndex(static_cast<int>(index));
    return true;
}

void InsidePanel::showEvent(QShowEvent *event)
{
    QTabWidget::showEvent(event);
    emit requestChanged();
}

void InsidePanel::hideEvent(QHideEvent *event)
{
    QTabWidget::hideEvent(event);
    emit requestChanged();
}
