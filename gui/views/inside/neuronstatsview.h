// NeuronStatsView: "Neurons": per layer, the activation histograms over the steps and the fractions
// of dead ReLUs and saturated sigmoid/tanh units, as small multiples, from the taps.
#pragma once

#include "views/inside/neuronhistory.h"

#include <QWidget>

class NeuronGrid;
class QTimer;

// A "what am I looking at" text above a scrolling NeuronGrid; repaints at most every 100 ms.
class NeuronStatsView : public QWidget {
    Q_OBJECT

public:
    explicit NeuronStatsView(QWidget *parent = nullptr);

    void addRecord(const nn::TapRecord &record);
    void clear();

    const NeuronHistory &history() const { return history_; }
    NeuronGrid *grid() const { return grid_; }

private:
    NeuronHistory history_;
    NeuronGrid *grid_;
    QTimer *refresh_;
};
