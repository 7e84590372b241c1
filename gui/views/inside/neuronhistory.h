// NeuronHistory: each layer's activation summaries over the steps (histogram, dead and saturated
// fractions), as the taps brought them, for the neuron-statistics view.
#pragma once

#include "nn/taps.h"

#include <QString>

#include <vector>

// Every layer but the input, in graph order, thinned to at most kMaxColumns steps each.
class NeuronHistory {
public:
    static constexpr int kMaxColumns = 400;

    struct Column {
        qint64 step = 0;
        nn::ActivationSummary activation;
    };
    struct Layer {
        QString name, kind;
        std::vector<Column> columns;
    };

    void add(const nn::TapRecord &record);
    void clear() { layers_.clear(); }
    const std::vector<Layer> &layers() const { return layers_; }
    const Layer *layer(const QString &name) const;

private:
    std::vector<Layer> layers_;
};
