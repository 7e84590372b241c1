// InsidePanel: the "Inside" dock: the views that show a network from inside (gradient flow, neuron
// statistics, convolution filters) as tabs, fed by the training controller's taps.
#pragma once

#include "nn/taps.h"

#include <QTabWidget>

#include <optional>

class FilterGridView;
class GradientFlowView;
class NeuronStatsView;
class TrainingController;

// Asks for taps only while it is on screen, hands each record to every view, and clears them for a
// run from fresh weights.
class InsidePanel : public QTabWidget {
    Q_OBJECT

public:
    explicit InsidePanel(QWidget *parent = nullptr);

    // Follows `training`'s taps and runs, and sends it request() whenever that changes.
    void connectTo(TrainingController *training);
    void addRecord(const nn::TapRecord &record);
    void clear();
    // What the views want recorded: the filters' layer's weights; nothing while the panel is hidden.
    std::optional<nn::TapRequest> request() const;
    // Shows the tab named "gradient-flow", "neurons" or "filters"; false for another name.
    bool showView(const QString &name);
    static QStringList viewNames();

    GradientFlowView *gradientFlow() const { return gradientFlow_; }
    NeuronStatsView *neuronStats() const { return neuronStats_; }
    FilterGridView *filters() const { return filters_; }

signals:
    void requestChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    GradientFlowView *gradientFlow_;
    NeuronStatsView *neuronStats_;
    FilterGridView *filters_;
};
