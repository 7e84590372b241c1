// InsidePanel: the "Inside" dock: the views that show a network from inside (gradient flow, neuron
// statistics, convolution filters, and for sequence models attention, recurrent state and the
// prediction per token) as tabs, fed by the training controller's taps.
#pragma once

#include "views/inside/featuremapssnapshot.h"
#include "views/inside/tokendecoder.h"

#include "nn/taps.h"

#include <QTabWidget>

#include <optional>
#include <vector>

class AttentionView;
class BackpropStepperView;
class FeatureMapsView;
class FilterGridView;
class GradientFlowView;
class KernelView;
class NeuronStatsView;
class RecurrentStateView;
class SequenceTab;
class TokenView;
class TrainingController;

// What a prepared model holds for the sequence tabs, and the names its data gives ids and classes.
struct SequenceFacts {
    TokenDecoder decoder;
    bool attention = false;  // a MultiHeadAttention layer
    bool recurrent = false;  // a SimpleRNN, GRU or LSTM layer
    bool tokens = false;     // an output of classes per step, [N, T, K]
};

// Asks for taps only while it is on screen, hands each record to every view, and clears them for a
// run from fresh weights. The sequence tabs appear only for a model that has what they show.
class InsidePanel : public QTabWidget {
    Q_OBJECT

public:
    explicit InsidePanel(QWidget *parent = nullptr);

    // Follows `training`'s taps and runs, and sends it request() whenever that changes.
    void connectTo(TrainingController *training);
    void addRecord(const nn::TapRecord &record);
    void clear();
    // What the views want recorded: the chosen sample's insides and the filters' layer's weights;
    // nothing while the panel is hidden.
    std::optional<nn::TapRequest> request() const;
    // Shows the tab named "gradient-flow", "neurons", "filters", "feature-maps", "kernel", "attention",
    // "recurrent-state", "tokens" (a sequence or image tab even before a model shows it has such
    // layers) or "stepper"; false for another name.
    bool showView(const QString &name);
    // Shows the sequence tabs the model has, hides the others, and hands them the data's names.
    void setSequenceFacts(const SequenceFacts &facts);
    // The sample of each batch the sequence tabs show (all the same one).
    int sample() const { return sample_; }
    void setSample(int sample);
    static QStringList viewNames();
    // Shows `chosen`'s feature maps: the dock and its Feature maps tab come to the front.
    void lookInside(ChosenImage chosen);

    GradientFlowView *gradientFlow() const { return gradientFlow_; }
    NeuronStatsView *neuronStats() const { return neuronStats_; }
    FilterGridView *filters() const { return filters_; }
    FeatureMapsView *featureMaps() const { return featureMaps_; }
    KernelView *kernel() const { return kernel_; }
    AttentionView *attention() const { return attention_; }
    RecurrentStateView *recurrentState() const { return recurrent_; }
    TokenView *tokens() const { return tokens_; }
    BackpropStepperView *stepper() const { return stepper_; }

signals:
    void requestChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    GradientFlowView *gradientFlow_;
    NeuronStatsView *neuronStats_;
    FilterGridView *filters_;
    FeatureMapsView *featureMaps_;
    KernelView *kernel_;
    AttentionView *attention_;
    RecurrentStateView *recurrent_;
    TokenView *tokens_;
    BackpropStepperView *stepper_;
    std::vector<SequenceTab *> sequenceTabs_;
    int sample_ = 0;
};
