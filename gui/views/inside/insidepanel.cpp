// The Inside dock's tabs and the wiring of the taps to them.
#include "views/inside/insidepanel.h"

#include "training/trainingcontroller.h"
#include "views/inside/attentionview.h"
#include "views/inside/featuremapsview.h"
#include "views/inside/filtergridview.h"
#include "views/inside/gradientflowview.h"
#include "views/inside/kernelview.h"
#include "views/inside/neuronstatsview.h"
#include "views/inside/recurrentstateview.h"
#include "views/inside/stepper/backpropstepperview.h"
#include "views/inside/tokenview.h"
#include "views/postsnapshot.h"

#include "datasets/experiment.h"

#include <QDockWidget>
#include <QPointer>

namespace {

// What the sequence tabs need to know of a prepared model and its data.
SequenceFacts sequenceFactsOf(const nn::Model &model, const datasets::Experiment &experiment)
{
    SequenceFacts facts;
    facts.decoder = TokenDecoder::of(experiment.data().info);
    for (int id : model.graph().topologicalOrder()) {
        const std::string &kind = model.graph().node(id).kind;
        facts.attention = facts.attention || kind == "MultiHeadAttention";
        facts.recurrent = facts.recurrent || kind == "SimpleRNN" || kind == "GRU" || kind == "LSTM";
    }
    facts.tokens = model.outputShape().size() == 3 && experiment.classes() > 0;
    return facts;
}

} // namespace

InsidePanel::InsidePanel(QWidget *parent)
    : QTabWidget(parent), gradientFlow_(new GradientFlowView), neuronStats_(new NeuronStatsView),
      filters_(new FilterGridView), featureMaps_(new FeatureMapsView), kernel_(new KernelView), attention_(new AttentionView),
      recurrent_(new RecurrentStateView), tokens_(new TokenView), stepper_(new BackpropStepperView),
      sequenceTabs_{attention_, recurrent_, tokens_}
{
    setDocumentMode(true);
    addTab(gradientFlow_, tr("Gradient flow"));
    addTab(neuronStats_, tr("Neurons"));
    addTab(filters_, tr("Filters"));
    addTab(featureMaps_, tr("Feature maps"));
    addTab(kernel_, tr("Kernel"));
    addTab(attention_, tr("Attention"));
    addTab(recurrent_, tr("Recurrent state"));
    addTab(tokens_, tr("Tokens"));
    addTab(stepper_, tr("Backprop stepper"));
    for (SequenceTab *tab : sequenceTabs_) {
        setTabVisible(indexOf(tab), false);
        connect(tab, &SequenceTab::sampleChanged, this, &InsidePanel::setSample);
    }
    connect(filters_, &FilterGridView::selectedLayerChanged, this, &InsidePanel::requestChanged);
    connect(featureMaps_, &FeatureMapsView::snapshotChanged, this, [this] {
        kernel_->setSnapshot(featureMaps_->snapshot());
        for (QWidget *tab : {static_cast<QWidget *>(featureMaps_), static_cast<QWidget *>(kernel_)})
            setTabVisible(indexOf(tab), featureMaps_->snapshot().imageInput || currentWidget() == tab);
    });
}

void InsidePanel::connectTo(TrainingController *training)
{
    connect(training, &TrainingController::tapsRecorded, this, &InsidePanel::addRecord);
    connect(training, &TrainingController::runStarted, this, [this](bool continuing) {
        if (!continuing)
            clear();
    });
    connect(training, &TrainingController::runReset, this, &InsidePanel::clear);
    featureMaps_->connectTo(training);
    stepper_->connectTo(training);
    connect(this, &InsidePanel::requestChanged, training, [this, training] { training->setTapRequest(request()); });
    training->addProbe([panel = QPointer<InsidePanel>(this)](ProbeMoment moment, const nn::Model &model,
                                                             const datasets::Experiment &experiment) {
        if (moment == ProbeMoment::Prepared)
            postToView(panel, [facts = sequenceFactsOf(model, experiment)](InsidePanel &shown) { shown.setSequenceFacts(facts); });
    });
}

void InsidePanel::setSequenceFacts(const SequenceFacts &facts)
{
    const bool shown[] = {facts.attention, facts.recurrent, facts.tokens};
    for (size_t i = 0; i < sequenceTabs_.size(); ++i) {
        sequenceTabs_[i]->setDecoder(facts.decoder);
        setTabVisible(indexOf(sequenceTabs_[i]), shown[i]);
    }
}

void InsidePanel::setSample(int sample)
{
    if (sample == sample_)
        return;
    sample_ = sample;
    for (SequenceTab *tab : sequenceTabs_)
        tab->setSample(sample);
    emit requestChanged();
}

void InsidePanel::addRecord(const nn::TapRecord &record)
{
    gradientFlow_->addRecord(record);
    neuronStats_->addRecord(record);
    filters_->addRecord(record);
    for (SequenceTab *tab : sequenceTabs_) {
        if (tab->shows(record))
            setTabVisible(indexOf(tab), true);
        tab->addRecord(record);
    }
}

void InsidePanel::clear()
{
    gradientFlow_->clear();
    neuronStats_->clear();
    filters_->clear();
    for (SequenceTab *tab : sequenceTabs_)
        tab->clear();
}

std::optional<nn::TapRequest> InsidePanel::request() const
{
    if (!isVisible())
        return std::nullopt;
    return nn::TapRequest{sample_, filters_->selectedLayer().toStdString()};
}

QStringList InsidePanel::viewNames()
{
    return {QStringLiteral("gradient-flow"), QStringLiteral("neurons"),         QStringLiteral("filters"),
            QStringLiteral("feature-maps"),  QStringLiteral("kernel"),          QStringLiteral("attention"),
            QStringLiteral("recurrent-state"), QStringLiteral("tokens"),        QStringLiteral("stepper")};
}

bool InsidePanel::showView(const QString &name)
{
    const qsizetype index = viewNames().indexOf(name);
    if (index < 0)
        return false;
    setTabVisible(static_cast<int>(index), true);
    setCurrentIndex(static_cast<int>(index));
    return true;
}

void InsidePanel::lookInside(ChosenImage chosen)
{
    featureMaps_->choose(std::move(chosen));
    showView(QStringLiteral("feature-maps"));
    if (auto *dock = qobject_cast<QDockWidget *>(parentWidget())) {
        dock->show();
        dock->raise();
    }
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
